import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Op } from '@shared/scenario/program'
import { OutcomeLog } from './testing/outcome-log'
import { FramePool, PoolStatus } from './frame-pool'
import { InvalidReason, Status } from './outcome'
import { readPoolSnapshot } from './pool-snapshot'
import { RunCheckError, runProgram } from './runner'
import { buildProgram, cyclingProgram, type ProgramStep } from './testing/program-builder'
import { tinyFamily } from './testing/tiny-family'
import type { OptionValues } from './family'
import type { CompiledProgram } from '@shared/scenario/program'

function setUp(
  program: CompiledProgram,
  overrides: Record<string, number | string | boolean> = {}
) {
  const values: OptionValues = {
    arena: 100,
    base: 1000,
    order: 'addr',
    reset: true,
    spin: 0,
    'break-at': -1,
    ...overrides
  }
  const pool = FramePool.create(tinyFamily.poolBytes(values, program))
  const target = tinyFamily.create(pool, values, program, true)
  return { pool, target }
}

const mixed: ProgramStep[] = [
  [Op.Alloc, 'a', 60],
  [Op.Alloc, 'b', 30],
  [Op.Free, 'a', 0],
  [Op.Alloc, 'c', 20], // 10 left at the top, 60 freed: fragmented
  [Op.Alloc, 'd', 200], // more than the arena: no memory
  [Op.Free, 'zz', 0], // never allocated: invalid
  [Op.Alloc, 'b', 1], // still live: invalid
  [Op.CacheShrink, undefined, 0], // means nothing to the tiny family
  [Op.Free, 'b', 0], // last live block: the arena resets (one merge)
  [Op.Alloc, 'e', 40]
]

describe('run summary peaks', () => {
  // Nothing is live at the end (c never fits), so the end-of-run figures show nothing.
  const balanced: ProgramStep[] = [
    [Op.Alloc, 'a', 30],
    [Op.Alloc, 'b', 30],
    [Op.Free, 'a', 0],
    [Op.Alloc, 'c', 50],
    [Op.Free, 'b', 0],
    [Op.Free, 'c', 0]
  ]

  it('keep the highest live bytes and fragmentation of a trace that frees everything, with their steps', () => {
    const program = buildProgram(balanced)
    const { pool, target } = setUp(program)
    const summary = runProgram(target, program, pool, {
      sink: new OutcomeLog(),
      progressInterval: 1
    })
    expect(summary.metrics.requestedLive).toBe(0)
    expect(summary.metrics.externalFragmentation).toBe(0)
    expect(summary.peaks.requestedLive).toEqual({ value: 60, step: 1 })
    // After `free a` the 30 free bytes at the bottom and the 40 at the top lie apart.
    expect(summary.peaks.externalFragmentation).toEqual({ value: 30 / 70, step: 2 })
    expect(summary.peaks.freeBlocks).toEqual({ value: 2, step: 2 })
    expect(summary.peaks.strides).toEqual({ live: 1, structures: 1 })
  })

  it('name the largest failed request, its step and its cause', () => {
    const program = buildProgram(mixed)
    const { pool, target } = setUp(program)
    expect(runProgram(target, program, pool).largestFailedRequest).toEqual({
      bytes: 200,
      step: 4,
      cause: 'no-memory'
    })
  })

  it('are the same on the bare loop and the watched one when both look after every request', () => {
    const program = buildProgram(balanced)
    const bare = setUp(program)
    const watched = setUp(program)
    const fast = runProgram(bare.target, program, bare.pool, { progressInterval: 1 })
    const slow = runProgram(watched.target, program, watched.pool, {
      progressInterval: 1,
      sink: new OutcomeLog()
    })
    expect(fast.peaks).toEqual(slow.peaks)
  })

  it('say how far apart the looks at the structures were when no timeline samples them', () => {
    const program = buildProgram(balanced)
    const { pool, target } = setUp(program)
    const summary = runProgram(target, program, pool, { sink: new OutcomeLog() })
    // Seen once, after the last of the six requests.
    expect(summary.peaks.strides).toEqual({ live: 1, structures: 6 })
  })

  it('say the bare loop saw live bytes only at its progress points', () => {
    const program = cyclingProgram(10_000, 10, 8)
    const { pool, target } = setUp(program, { arena: 4096 })
    const summary = runProgram(target, program, pool, { progressInterval: 1000 })
    expect(summary.peaks.strides).toEqual({ live: 1000, structures: 1000 })
  })

  it('give cost per request as the totals over the requests run', () => {
    const program = buildProgram(mixed)
    const { pool, target } = setUp(program)
    const summary = runProgram(target, program, pool)
    expect(summary.costPerRequest.examined).toBe(summary.cost.examined / 10)
    expect(summary.costPerRequest.merges).toBe(summary.cost.merges / 10)
  })
})

describe('runProgram', () => {
  it('counts every outcome and sums the cost counters', () => {
    const program = buildProgram(mixed)
    const { pool, target } = setUp(program)
    const summary = runProgram(target, program, pool)
    expect(summary).toMatchObject({
      requests: 10,
      ok: 5,
      failures: 2,
      failNoMemory: 1,
      failFragmented: 1,
      invalid: 2,
      noop: 1,
      cancelled: false
    })
    // Each alloc that reaches the arena examines it once: three served, two failed.
    expect(summary.cost.examined).toBe(3 + 2)
    expect(summary.cost.merges).toBe(1)
  })

  it('derives utilization and fragmentation from the final metrics', () => {
    const program = buildProgram(mixed)
    const { pool, target } = setUp(program)
    const summary = runProgram(target, program, pool)
    // Peak requested 90 bytes against a high-water mark of 90.
    expect(summary.utilization).toBe(1)
    expect(summary.metrics.requestedLive).toBe(40)
    expect(summary.metrics.freeBytes).toBe(60)
    expect(summary.metrics.largestFree).toBe(60)
    expect(summary.metrics.externalFragmentation).toBe(0)
    expect(summary.metrics.internalFragmentation).toBe(0)
  })

  it('reports zero external fragmentation when nothing is free', () => {
    const program = buildProgram([[Op.Alloc, 'a', 100]])
    const { pool, target } = setUp(program)
    expect(runProgram(target, program, pool).metrics.externalFragmentation).toBe(0)
  })

  it('publishes done, total, status and live metrics to the pool header', () => {
    const program = cyclingProgram(10_000, 10, 8)
    const { pool, target } = setUp(program, { arena: 4096 })
    const summary = runProgram(target, program, pool, { progressInterval: 1000 })
    const snapshot = readPoolSnapshot(pool)
    expect(snapshot).toMatchObject({ status: 'done', done: 10_000, total: 10_000 })
    expect(snapshot.metrics.ok).toBe(summary.ok)
    expect(snapshot.metrics.examined).toBe(summary.cost.examined)
    expect(snapshot.metrics.liveBlocks).toBe(summary.metrics.liveBlocks)
  })

  it('stops at the next progress point once the host sets CANCEL', () => {
    const program = cyclingProgram(10_000, 10, 8)
    const { pool, target } = setUp(program, { arena: 4096 })
    let calls = 0
    // The clock is read once per progress point, so it can play the host here.
    const summary = runProgram(target, program, pool, {
      progressInterval: 1000,
      now: () => {
        if (++calls === 3) pool.requestCancel()
        return 0
      }
    })
    expect(summary.cancelled).toBe(true)
    expect(summary.requests).toBe(2000)
    expect(pool.status).toBe(PoolStatus.Cancelled)
    expect(pool.done).toBe(2000)
  })

  it('records one event per request when given a sink, and the same summary as without one', () => {
    const program = buildProgram(mixed)
    const plain = setUp(program)
    const recorded = setUp(program)
    const log = new OutcomeLog()
    const withoutSink = runProgram(plain.target, program, plain.pool)
    const withSink = runProgram(recorded.target, program, recorded.pool, { sink: log })
    // Peaks differ only in how often they were looked at (see the peak tests).
    expect({ ...withSink, timing: null, peaks: null }).toEqual({
      ...withoutSink,
      timing: null,
      peaks: null
    })
    expect(log.status).toHaveLength(10)
    expect(log.status).toEqual([
      Status.Ok,
      Status.Ok,
      Status.Ok,
      Status.FailFragmented,
      Status.FailNoMemory,
      Status.Invalid,
      Status.Invalid,
      Status.NoOp,
      Status.Ok,
      Status.Ok
    ])
    expect(log.invalidReason[5]).toBe(InvalidReason.HandleEmpty)
    expect(log.invalidReason[6]).toBe(InvalidReason.HandleLive)
    expect(log.addr.slice(0, 3)).toEqual([1000, 1060, 1000])
  })

  it('checks invariants after every request when asked, naming the request that broke one', () => {
    const program = buildProgram(mixed)
    const { pool, target } = setUp(program, { 'break-at': 3 })
    let error: unknown
    try {
      runProgram(target, program, pool, { check: true })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(RunCheckError)
    expect(error).toMatchObject({
      step: 3,
      line: 4,
      family: 'heap',
      key: 'heap.invariant.liveHandles',
      // After `alloc c` fails only b is live; the planted fault counts one more.
      params: { counted: 1, recorded: 2 }
    })
  })

  it('agrees with a plain count of the outcomes on random programs, with and without checks', () => {
    const step = fc.tuple(
      fc.constantFrom(Op.Alloc, Op.Free, Op.CacheShrink),
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.integer({ min: 1, max: 80 })
    )
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (steps, interval) => {
          const program = buildProgram(steps)
          const checked = setUp(program)
          const log = new OutcomeLog()
          const summary = runProgram(checked.target, program, checked.pool, {
            check: true,
            sink: log,
            progressInterval: interval
          })
          const fast = setUp(program)
          const fastSummary = runProgram(fast.target, program, fast.pool, {
            progressInterval: interval
          })
          const statuses = log.status
          const countOf = (status: number) => statuses.filter((s) => s === status).length
          expect(summary.requests).toBe(steps.length)
          expect(summary.ok).toBe(countOf(Status.Ok))
          expect(summary.failNoMemory).toBe(countOf(Status.FailNoMemory))
          expect(summary.failFragmented).toBe(countOf(Status.FailFragmented))
          expect(summary.invalid).toBe(countOf(Status.Invalid))
          expect(summary.noop).toBe(countOf(Status.NoOp))
          expect({ ...fastSummary, timing: null, peaks: null }).toEqual({
            ...summary,
            timing: null,
            peaks: null
          })
        }
      )
    )
  })
})
