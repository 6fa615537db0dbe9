import { LabError } from '@shared/lab-error'
import { formatBytes } from '@shared/format/format-value'
import type { RecordedRun } from './recorded-run'
import type { RunIds } from './run-ids'
import type { ViewLeases } from './view-leases'

export interface RunMemory {
  /** Bytes recorded runs may hold. */
  readonly budget: number
  /** Bytes they hold now (reservations for configs that may still run). */
  readonly used: number
  /** Of those, bytes held by runs that cannot be closed: running, queued or viewed. */
  readonly pinned: number
}

/**
 * The runs the service keeps, least recently used first, within a budget of
 * bytes. Using a run (its summary, a timeline query, a view lease, a config
 * finishing) moves it to the back. Room is made by closing runs from the
 * front, never one that is running, queued or being viewed.
 */
export class RunShelf {
  /** Map order is use order: least recently used first. */
  private readonly runs = new Map<string, RecordedRun>()

  constructor(
    readonly budget: number,
    private readonly ids: RunIds,
    private readonly leases: ViewLeases
  ) {}

  newId(): string {
    return this.ids.issue()
  }

  add(run: RecordedRun): void {
    this.runs.set(run.id, run)
  }

  /** The run with this id, or the error saying why there is none. */
  get(runId: string): RecordedRun {
    const run = this.runs.get(runId)
    if (run) return run
    switch (this.ids.classify(runId)) {
      case 'earlier-session':
        throw new LabError('gone', 'timeline.runFromEarlierSession', { runId })
      case 'dropped':
        throw new LabError('gone', 'timeline.runEvicted', {
          runId,
          limit: formatBytes('en', this.budget),
          limitBytes: this.budget
        })
      default:
        throw new LabError('not-found', 'timeline.runNotFound', { runId })
    }
  }

  touch(run: RecordedRun): void {
    if (this.runs.get(run.id) !== run) return
    this.runs.delete(run.id)
    this.runs.set(run.id, run)
  }

  /** Start or renew a view's lease on the run. */
  view(run: RecordedRun): number {
    this.leases.renew(run.id)
    this.touch(run)
    return this.leases.leaseMs
  }

  isPinned(run: RecordedRun): boolean {
    return run.active || this.leases.isViewed(run.id)
  }

  memory(): RunMemory {
    let used = 0
    let pinned = 0
    for (const run of this.runs.values()) {
      const bytes = run.bytes
      used += bytes
      if (this.isPinned(run)) pinned += bytes
    }
    return { budget: this.budget, used, pinned }
  }

  /**
   * Make room for a run that needs `need` bytes, closing the least recently
   * used runs that may be closed; refuse it when even closing all of them
   * would leave too little.
   */
  admit(need: number): void {
    this.checkRoom(need)
    this.closeUntil(this.budget - need)
  }

  /** Refuse a run that needs `need` bytes when even closing every closable run would not make room. */
  checkRoom(need: number): void {
    const { pinned } = this.memory()
    const free = Math.max(0, this.budget - pinned)
    if (need > free) {
      throw new LabError('over-budget', 'timeline.overBudget', {
        need: formatBytes('en', need),
        limit: formatBytes('en', this.budget),
        free: formatBytes('en', free),
        needBytes: need,
        limitBytes: this.budget,
        freeBytes: free
      })
    }
  }

  /**
   * Back within the budget after a run grew (a timeline arrived, a query
   * derived columns): close runs that may be closed, least recently used
   * first, sparing `exempt` (the run that just grew); if that is not enough,
   * let derived data go, which later queries rebuild.
   */
  settle(exempt?: RecordedRun): void {
    this.closeUntil(this.budget, exempt)
    let used = this.memory().used
    if (used <= this.budget) return
    const order = [...this.runs.values()].filter((run) => run !== exempt)
    if (exempt) order.push(exempt)
    for (const run of order) {
      if (used <= this.budget) return
      const before = run.bytes
      run.dropDerived()
      used -= before - run.bytes
    }
  }

  values(): IterableIterator<RecordedRun> {
    return this.runs.values()
  }

  private closeUntil(limit: number, exempt?: RecordedRun): void {
    let used = this.memory().used
    for (const run of [...this.runs.values()]) {
      if (used <= limit) return
      if (run === exempt || this.isPinned(run)) continue
      used -= run.bytes
      this.runs.delete(run.id)
      this.leases.forget(run.id)
    }
  }
}
