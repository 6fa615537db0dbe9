/** What a task scheduled on a LatestWins gives back: its value, or word that a newer one took its place. */
export type LatestResult<T> =
  { readonly fresh: true; readonly value: T } | { readonly fresh: false }

const STALE: LatestResult<never> = { fresh: false }

/**
 * At most one request of a kind in flight, and only the newest waiting: while
 * the user scrubs, every step asks for a map, but a step already passed is
 * never fetched, and an answer for a step the user has left is dropped
 * (Perfetto's AsyncLimiter, with stale answers dropped as well).
 */
export class LatestWins<T> {
  private inFlight = false
  private waiting:
    | {
        task: () => Promise<T>
        settle: (result: LatestResult<T>) => void
        fail: (error: unknown) => void
      }
    | undefined
  private generation = 0
  private closed = false

  /** Run `task` now or when the one in flight ends; resolves `{ fresh: false }` if a newer task came first. */
  run(task: () => Promise<T>): Promise<LatestResult<T>> {
    const generation = ++this.generation
    if (this.closed) return Promise.resolve(STALE)
    return new Promise<LatestResult<T>>((resolve, reject) => {
      this.waiting?.settle(STALE)
      this.waiting = {
        task,
        settle: resolve,
        fail: reject
      }
      this.pump(generation)
    })
  }

  /** Drop what waits and make what is in flight stale (on teardown, or when the question changes). */
  cancel(): void {
    this.generation++
    this.waiting?.settle(STALE)
    this.waiting = undefined
  }

  /** Cancel, and refuse every later task. */
  close(): void {
    this.cancel()
    this.closed = true
  }

  private pump(generation: number): void {
    if (this.inFlight || !this.waiting) return
    const { task, settle, fail } = this.waiting
    this.waiting = undefined
    this.inFlight = true
    const mine = generation
    void task().then(
      (value) =>
        this.finish(() => settle(mine === this.generation ? { fresh: true, value } : STALE)),
      (error: unknown) =>
        this.finish(() => (mine === this.generation ? fail(error) : settle(STALE)))
    )
  }

  private finish(deliver: () => void): void {
    this.inFlight = false
    deliver()
    if (this.waiting) this.pump(this.generation)
  }
}
