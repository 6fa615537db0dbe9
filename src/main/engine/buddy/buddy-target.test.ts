import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Op, type CacheSpec, type CompiledProgram } from '@shared/scenario/program'
import { FramePool, HEADER_BYTES } from '../frame-pool'
import { InvalidReason, RequestOutcome, Status } from '../outcome'
import { MapState, MetricsSnapshot } from '../target'
import { brokenInvariant } from '../testing/broken-invariant'
import { BuddyTarget } from './buddy-target'
import { FrameState } from './frame-state'
import { buddyFamily } from './index'
import { PageHandleTable } from './page-handle-table'
import { ReferenceBuddyTarget } from './testing/reference-buddy'
import { scenarioArbitrary, type PoolShape } from './testing/random-requests'
import { programOf, step } from './testing/scenario-steps'
import { mapOf, runSteps, runTrace } from './testing/target-runs'

const HANDLES = 6

function optionsOf(shape: PoolShape): Record<string, number> {
  return { frames: shape.frames, page: shape.pageSize, 'max-order': shape.maxOrder }
}

function targetFor(
  shape: PoolShape,
  program: CompiledProgram
): { target: BuddyTarget; pool: FramePool } {
  const values = optionsOf(shape)
  const pool = FramePool.create(buddyFamily.poolBytes(values, program))
  return { target: buddyFamily.create(pool, values, program, true) as BuddyTarget, pool }
}

const article: PoolShape = { frames: 1024, pageSize: 4096, maxOrder: 10 }

describe('buddy target', () => {
  it("serves the article's 256-frame request from a split 1024-frame block", () => {
    const steps = [step(Op.PageAlloc, 0, 8)]
    const { target } = targetFor(article, programOf(steps, 1))
    const [out] = runSteps(target, steps)
    expect(out!.status).toBe(Status.Ok)
    expect(out!.frame).toBe(0)
    expect(out!.splits).toBe(2)
    expect(target.buddyinfo()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0])
  })

  it('rounds a byte request up to whole frames and then to a power of two, and shows the waste as slack', () => {
    const steps = [step(Op.Alloc, 0, 9000)]
    const { target } = targetFor(article, programOf(steps, 1))
    const [out] = runSteps(target, steps)
    expect(out!.granted).toBe(4 * 4096) // 9000 B = 3 frames, rounded to 4
    expect(mapOf(target).slice(0, 2)).toEqual([
      [0, 9000, MapState.Used, 0],
      [9000, 4 * 4096 - 9000, MapState.Slack, 0]
    ])
    const metrics = new MetricsSnapshot()
    target.metrics(metrics)
    expect(metrics.allocatedLive - metrics.requestedLive).toBe(4 * 4096 - 9000)
  })

  it('refuses to fill a live handle and to free an empty one', () => {
    const steps = [
      step(Op.Alloc, 0, 10),
      step(Op.Alloc, 0, 10),
      step(Op.Free, 1),
      step(Op.Free, 0),
      step(Op.Free, 0)
    ]
    const { target } = targetFor(article, programOf(steps, 2))
    const outs = runSteps(target, steps)
    expect(outs.map((out) => out.invalidReason)).toEqual([
      InvalidReason.None,
      InvalidReason.HandleLive,
      InvalidReason.HandleEmpty,
      InvalidReason.None,
      InvalidReason.HandleEmpty
    ])
  })

  it('refuses a request beyond the largest order as too large', () => {
    const steps = [step(Op.PageAlloc, 0, 11), step(Op.Alloc, 1, 4096 * 1024 + 1)]
    const { target } = targetFor(article, programOf(steps, 2))
    for (const out of runSteps(target, steps)) {
      expect(out.status).toBe(Status.Invalid)
      expect(out.invalidReason).toBe(InvalidReason.TooLarge)
    }
  })

  it('keeps a realloc in place while the order stays, and moves and copies when it changes', () => {
    const steps = [
      step(Op.Alloc, 0, 5000),
      step(Op.Realloc, 0, 8000),
      step(Op.Alloc, 1, 1),
      step(Op.Realloc, 0, 9000)
    ]
    const { target } = targetFor(article, programOf(steps, 2))
    const [first, same, , moved] = runSteps(target, steps)
    expect(same!.frame).toBe(first!.frame)
    expect(same!.copied).toBe(0)
    expect(moved!.frame).not.toBe(first!.frame)
    expect(moved!.copied).toBe(8000)
    target.check()
  })

  it('runs the constructor on every object allocation, since pages keep no constructed objects', () => {
    const caches: CacheSpec[] = [
      { name: 'inode', objectSize: 600, align: 8, ctorCost: 7, dtorCost: 0, pagesPerSlab: 0 }
    ]
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0),
      step(Op.CacheFree, 0, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0)
    ]
    const { target } = targetFor(article, programOf(steps, 1, caches))
    const outs = runSteps(target, steps)
    expect(outs[0]!.status).toBe(Status.NoOp)
    expect(outs.map((out) => out.ctorCalls)).toEqual([0, 1, 0, 1])
    expect(outs[3]!.workUnits).toBe(7)
  })

  it('holds every invariant after every request of random scenarios', () => {
    fc.assert(
      fc.property(scenarioArbitrary(HANDLES), ({ shape, caches, steps }) => {
        const { target } = targetFor(shape, programOf(steps, HANDLES, caches))
        const out = new RequestOutcome()
        for (const request of steps) {
          target.execute(request.op, request.handle, request.aux, request.size, out)
          target.check()
        }
      }),
      { numRuns: 300 }
    )
  })

  it('matches the simple reference model: same frame for every request, same buddyinfo after each', () => {
    fc.assert(
      fc.property(scenarioArbitrary(HANDLES), ({ shape, caches, steps }) => {
        const { target } = targetFor(shape, programOf(steps, HANDLES, caches))
        const reference = new ReferenceBuddyTarget(
          shape.frames,
          shape.pageSize,
          shape.maxOrder,
          caches.map((cache) => cache.objectSize),
          caches.map((cache) => cache.ctorCost)
        )
        const out = new RequestOutcome()
        for (const request of steps) {
          target.execute(request.op, request.handle, request.aux, request.size, out)
          const expected = reference.execute(request.op, request.handle, request.aux, request.size)
          const actual = {
            ...expected,
            status: out.status,
            invalidReason: out.invalidReason,
            frame: out.frame
          }
          Object.assign(actual, {
            requested: out.requested,
            granted: out.granted,
            ctorCalls: out.ctorCalls
          })
          expect(actual).toEqual(expected)
          expect(target.buddyinfo()).toEqual(reference.buddy.buddyinfo())
        }
      }),
      { numRuns: 300 }
    )
  })

  it('gives the same outcomes and the same memory map every time it runs the same requests', () => {
    fc.assert(
      fc.property(scenarioArbitrary(HANDLES, false), ({ shape, steps }) => {
        const program = programOf(steps, HANDLES)
        const first = runTrace(targetFor(shape, program), steps)
        expect(runTrace(targetFor(shape, program), steps)).toEqual(first)
      }),
      { numRuns: 30 }
    )
  })

  it('lets another thread attach to the same pool and carry on where the first left off', () => {
    const steps = [
      step(Op.Alloc, 0, 5000),
      step(Op.PageAlloc, 1, 3),
      step(Op.Free, 0),
      step(Op.PageAlloc, 2, 0)
    ]
    const program = programOf(steps, 3)
    const { target, pool } = targetFor(article, program)
    runSteps(target, steps.slice(0, 2))
    const attached = buddyFamily.create(
      FramePool.attach(pool.buffer),
      optionsOf(article),
      program,
      false
    ) as BuddyTarget
    expect(attached.buddyinfo()).toEqual(target.buddyinfo())
    const rest = runSteps(attached, steps.slice(2))
    expect(rest.map((out) => out.status)).toEqual([Status.Ok, Status.Ok])
    expect(target.buddyinfo()).toEqual(attached.buddyinfo())
    target.check()
  })

  it('reports a block marked as a slab, which a page allocator never makes', () => {
    const steps = [step(Op.PageAlloc, 0, 2)]
    const { target } = targetFor(article, programOf(steps, 1))
    runSteps(target, steps)
    target.zone.state[0] = FrameState.Slab
    const failure = brokenInvariant(() => target.check())
    expect(failure.key).toBe('pages.invariant.buddy.noSlabs')
    expect(failure.params).toEqual({ blocks: 1 })
  })

  it('notices live counters that no longer match the handles', () => {
    const steps = [step(Op.PageAlloc, 0, 2), step(Op.PageAlloc, 1, 0)]
    const program = programOf(steps, 2)
    const { target, pool } = targetFor(article, program)
    runSteps(target, steps)
    // The handle table's regions come last, its live totals first (the live-handle count is word 3).
    const tableRegions = PageHandleTable.regionBytes(2).length
    const totals = FramePool.bytesFor(
      BuddyTarget.regionBytes(article, program).slice(0, -tableRegions)
    )
    new Float64Array(pool.buffer, totals, 4)[3] = 5
    const failure = brokenInvariant(() => target.check())
    expect(failure.key).toBe('pages.invariant.buddy.liveBlocks')
    expect(failure.params).toEqual({ held: 2, counted: 5 })
  })

  it('asks for exactly the pool bytes it carves', () => {
    const program = programOf([step(Op.Alloc, 0, 1)], 5)
    const { pool } = targetFor({ frames: 1000, pageSize: 4096, maxOrder: 10 }, program)
    expect(HEADER_BYTES + pool.regionBytes).toBe(pool.buffer.byteLength)
  })

  it('runs a 4 GiB pool of 1,048,576 frames on less than 24 MiB of metadata, with a walk over blocks only', () => {
    const shape: PoolShape = { frames: 1 << 20, pageSize: 4096, maxOrder: 10 }
    const steps = [
      step(Op.PageAlloc, 0, 10),
      step(Op.Alloc, 1, 5 * 1024 * 1024 * 1024),
      step(Op.Alloc, 2, 3 * 4096),
      step(Op.Free, 0)
    ]
    const { target } = targetFor(shape, programOf(steps, 3))
    const outs = runSteps(target, steps)
    expect(outs.map((out) => out.status)).toEqual([Status.Ok, Status.Invalid, Status.Ok, Status.Ok])
    const metrics = new MetricsSnapshot()
    target.metrics(metrics)
    expect(metrics.poolBytes).toBe(4 * 1024 ** 3)
    expect(metrics.metadataBytes).toBeLessThan(24 * 1024 * 1024)
    const runs = mapOf(target)
    expect(runs.length).toBeLessThan(40)
    expect(runs.reduce((sum, [, length]) => sum + length, 0)).toBe(metrics.poolBytes)
    target.check()
  })
})
