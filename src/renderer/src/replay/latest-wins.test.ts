import { describe, expect, it } from 'vitest'
import { LatestWins } from './latest-wins'

/** A task the test finishes by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('LatestWins', () => {
  it('runs a task at once and gives back its value when nothing newer came', async () => {
    const limiter = new LatestWins<number>()
    expect(await limiter.run(async () => 7)).toEqual({ fresh: true, value: 7 })
  })

  it('never starts a task that a newer one replaced while it waited', async () => {
    const limiter = new LatestWins<string>()
    const first = deferred<string>()
    const started: string[] = []
    const a = limiter.run(() => {
      started.push('a')
      return first.promise
    })
    const b = limiter.run(async () => {
      started.push('b')
      return 'b'
    })
    const c = limiter.run(async () => {
      started.push('c')
      return 'c'
    })
    expect(await b).toEqual({ fresh: false })
    first.resolve('a')
    expect(await a).toEqual({ fresh: false })
    expect(await c).toEqual({ fresh: true, value: 'c' })
    expect(started).toEqual(['a', 'c'])
  })

  it('drops an answer that arrives after a newer task was asked for', async () => {
    const limiter = new LatestWins<number>()
    const slow = deferred<number>()
    const old = limiter.run(() => slow.promise)
    const fresh = limiter.run(async () => 2)
    slow.resolve(1)
    expect(await old).toEqual({ fresh: false })
    expect(await fresh).toEqual({ fresh: true, value: 2 })
  })

  it('passes on the failure of the newest task, but not of a stale one', async () => {
    const limiter = new LatestWins<number>()
    const stale = deferred<number>()
    const old = limiter.run(() => stale.promise)
    const newest = limiter.run(() => Promise.reject(new Error('no map')))
    stale.reject(new Error('too late to matter'))
    expect(await old).toEqual({ fresh: false })
    await expect(newest).rejects.toThrow('no map')
  })

  it('answers nothing fresh after being closed', async () => {
    const limiter = new LatestWins<number>()
    const running = deferred<number>()
    const inFlight = limiter.run(() => running.promise)
    limiter.close()
    running.resolve(1)
    expect(await inFlight).toEqual({ fresh: false })
    let ran = false
    expect(
      await limiter.run(async () => {
        ran = true
        return 2
      })
    ).toEqual({ fresh: false })
    expect(ran).toBe(false)
  })
})
