import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Op, type CacheSpec, type CompiledProgram } from '@shared/scenario/program'
import { programOf, step } from '../buddy/testing/scenario-steps'
import { scenarioArbitrary, type PoolShape } from '../buddy/testing/random-requests'
import { mapOf, runSteps, runStepsChecked, runTrace } from '../buddy/testing/target-runs'
import { FramePool, HEADER_BYTES } from '../frame-pool'
import { InvalidReason, RequestOutcome, Status } from '../outcome'
import { MapState, MetricsSnapshot } from '../target'
import { brokenInvariant } from '../testing/broken-invariant'
import { slabFamily } from './index'
import type { SlabTarget } from './slab-target'
import { ReferenceSlab } from './testing/reference-slab'

const HANDLES = 8
const standard: PoolShape = { frames: 1024, pageSize: 4096, maxOrder: 10 }

const inode: CacheSpec = {
  name: 'inode',
  objectSize: 600,
  align: 8,
  ctorCost: 5,
  dtorCost: 2,
  pagesPerSlab: 0
}
const dentry: CacheSpec = {
  name: 'dentry',
  objectSize: 192,
  align: 8,
  ctorCost: 1,
  dtorCost: 0,
  pagesPerSlab: 0
}

function optionsOf(shape: PoolShape, colour = true): Record<string, number | boolean> {
  return {
    frames: shape.frames,
    page: shape.pageSize,
    'max-order': shape.maxOrder,
    colour,
    'cache-line': 64
  }
}

function targetFor(
  shape: PoolShape,
  program: CompiledProgram,
  colour = true
): { target: SlabTarget; pool: FramePool } {
  const values = optionsOf(shape, colour)
  const pool = FramePool.create(slabFamily.poolBytes(values, program))
  return { target: slabFamily.create(pool, values, program, true) as SlabTarget, pool }
}

function rowOf(target: SlabTarget, name: string) {
  return target.slabinfo().find((row) => row.name === name)
}

describe('slab target', () => {
  it('serves kmalloc from the smallest general cache that holds the size', () => {
    const steps = [step(Op.Kmalloc, 0, 100), step(Op.Kmalloc, 1, 65), step(Op.Alloc, 2, 193)]
    const { target } = targetFor(standard, programOf(steps, 3))
    const outs = runStepsChecked(target, steps)
    expect(outs.map((out) => out.granted)).toEqual([128, 96, 256])
    expect(rowOf(target, 'kmalloc-128')!.activeObjs).toBe(1)
    expect(rowOf(target, 'kmalloc-96')!.activeObjs).toBe(1)
    expect(rowOf(target, 'kmalloc-256')!.activeObjs).toBe(1)
  })

  it('sends kmalloc above 128 KiB straight to the buddy and kfree gives the pages back', () => {
    const steps = [step(Op.Kmalloc, 0, 200_000), step(Op.Kfree, 0)]
    const { target } = targetFor(standard, programOf(steps, 1))
    const [taken, freed] = runStepsChecked(target, steps)
    expect(taken!.granted).toBe(64 * 4096)
    expect(taken!.slabsGrown).toBe(0)
    expect(target.slabinfo().every((row) => row.numSlabs === 0)).toBe(true)
    expect(freed!.status).toBe(Status.Ok)
    expect(target.buddyinfo()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
  })

  it('runs the constructor for every object when a slab is made, and saves it when a freed object comes back', () => {
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0),
      step(Op.CacheAlloc, 1, 0, 0),
      step(Op.CacheFree, 0, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0)
    ]
    const { target } = targetFor(standard, programOf(steps, 2, [inode]))
    const outs = runStepsChecked(target, steps)
    const perSlab = rowOf(target, 'inode')!.objPerSlab
    expect(outs[1]!.ctorCalls).toBe(perSlab)
    expect(outs[1]!.workUnits).toBe(perSlab * inode.ctorCost)
    expect(outs[1]!.slabsGrown).toBe(1)
    expect(outs[2]!.ctorCalls).toBe(0) // constructed already, never used
    expect(outs[2]!.ctorSaved).toBe(0)
    expect(outs[4]!.ctorCalls).toBe(0)
    expect(outs[4]!.ctorSaved).toBe(1) // the freed object kept its constructed state
    expect(outs[4]!.addr).toBe(outs[1]!.addr)
  })

  it('prefers a partial slab, then an empty one, before growing', () => {
    const perSlab = 6 // 600-byte objects in one 4 KiB page
    const fill = Array.from({ length: perSlab + 1 }, (_, h) => step(Op.CacheAlloc, h, 0, 0))
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      ...fill,
      step(Op.CacheFree, 0, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0)
    ]
    const { target } = targetFor(standard, programOf(steps, perSlab + 1, [inode]))
    const outs = runStepsChecked(target, steps)
    expect(rowOf(target, 'inode')!.objPerSlab).toBe(perSlab)
    expect(outs.map((out) => out.slabsGrown)).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 0])
    // The second slab is partial with one object; the refill goes there, not to the first (now partial too, at the back).
    expect(outs[9]!.frame).toBe(outs[7]!.frame)
    expect(rowOf(target, 'inode')).toMatchObject({
      activeObjs: perSlab + 1,
      numSlabs: 2,
      activeSlabs: 2
    })
  })

  it('refuses to destroy a cache with live objects, and destroys it once they are freed', () => {
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0),
      step(Op.CacheDestroy, -1, 0, 0),
      step(Op.CacheFree, 0, 0, 0),
      step(Op.CacheDestroy, -1, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0)
    ]
    const { target } = targetFor(standard, programOf(steps, 1, [inode]))
    const outs = runStepsChecked(target, steps)
    expect(outs[2]!.status).toBe(Status.Invalid)
    expect(outs[2]!.invalidReason).toBe(InvalidReason.CacheHasLiveObjects)
    expect(outs[4]!.status).toBe(Status.Ok)
    expect(outs[4]!.slabsReaped).toBe(1)
    expect(outs[4]!.workUnits).toBe(6 * inode.dtorCost)
    expect(outs[5]!.invalidReason).toBe(InvalidReason.UnknownCache)
    expect(rowOf(target, 'inode')).toBeUndefined()
  })

  it('refuses an object from a cache not yet created, and a second cache of an existing name', () => {
    const clash: CacheSpec = { ...dentry, name: 'kmalloc-64' }
    const steps = [
      step(Op.CacheAlloc, 0, 0, 0),
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheCreate, -1, 0, 1)
    ]
    const { target } = targetFor(standard, programOf(steps, 1, [dentry, clash]))
    const outs = runStepsChecked(target, steps)
    expect(outs.map((out) => out.invalidReason)).toEqual([
      InvalidReason.UnknownCache,
      InvalidReason.None,
      InvalidReason.CacheExists,
      InvalidReason.CacheExists
    ])
  })

  it('gives empty slabs back to the buddy on shrink, and the pool merges back whole', () => {
    const allocs = Array.from({ length: 30 }, (_, h) => step(Op.CacheAlloc, h, 0, 1))
    const frees = Array.from({ length: 30 }, (_, h) => step(Op.CacheFree, h, 0, 1))
    const steps = [
      step(Op.CacheCreate, -1, 0, 1),
      ...allocs,
      ...frees,
      step(Op.CacheShrink, -1, 0, 1)
    ]
    const { target } = targetFor(standard, programOf(steps, 30, [inode, dentry]))
    const outs = runStepsChecked(target, steps)
    const slabs = outs.reduce((sum, out) => sum + out.slabsGrown, 0)
    expect(slabs).toBeGreaterThan(1)
    expect(rowOf(target, 'dentry')).toMatchObject({ activeObjs: 0, numSlabs: 0 })
    expect(outs.at(-1)!.slabsReaped).toBe(slabs)
    expect(target.buddyinfo()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
  })

  it('keeps empty slabs, and their constructed objects, until the cache is shrunk', () => {
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0),
      step(Op.CacheFree, 0, 0, 0)
    ]
    const { target } = targetFor(standard, programOf(steps, 1, [inode]))
    runStepsChecked(target, steps)
    expect(rowOf(target, 'inode')).toMatchObject({ activeObjs: 0, numSlabs: 1, activeSlabs: 0 })
    const cached = mapOf(target).filter(([, , state]) => state === MapState.CachedObject)
    expect(cached.reduce((sum, [, length]) => sum + length, 0)).toBe(6 * 600)
  })

  it('colours successive slabs one cache line apart, and not at all when colouring is off', () => {
    // 600-byte objects: 6 per page, 424 bytes left over, so 6 colours of 64 bytes.
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      ...Array.from({ length: 13 }, (_, h) => step(Op.CacheAlloc, h, 0, 0))
    ]
    const firstObjectOffsets = (colour: boolean): number[] => {
      const { target } = targetFor(standard, programOf(steps, 13, [inode]), colour)
      return runSteps(target, steps)
        .filter((out) => out.slabsGrown > 0)
        .map((out) => out.addr - out.frame * 4096)
    }
    const coloured = firstObjectOffsets(true)
    expect(coloured).toHaveLength(3)
    expect(coloured[1]! - coloured[0]!).toBe(64)
    expect(coloured[2]! - coloured[1]!).toBe(64)
    expect(new Set(firstObjectOffsets(false)).size).toBe(1)
  })

  it('counts off-slab descriptors as metadata, and on-slab ones as overhead inside the slab', () => {
    const steps = [step(Op.Kmalloc, 0, 1024), step(Op.Kmalloc, 1, 32)]
    const { target } = targetFor(standard, programOf(steps, 2))
    const before = new MetricsSnapshot()
    target.metrics(before)
    runStepsChecked(target, steps)
    const after = new MetricsSnapshot()
    target.metrics(after)
    // kmalloc-1024 keeps 48 + 4 * 4 bytes off the slab; kmalloc-32 keeps 48 + 112 * 4 on it.
    expect(after.metadataBytes - before.metadataBytes).toBe(64 + 496)
    const overhead = mapOf(target).filter(([, , state]) => state === MapState.Overhead)
    expect(overhead.map(([, length]) => length)).toEqual([496])
  })

  it('keeps a krealloc in place within a size class and moves it across classes', () => {
    const steps = [step(Op.Kmalloc, 0, 70), step(Op.Realloc, 0, 90), step(Op.Realloc, 0, 100)]
    const { target } = targetFor(standard, programOf(steps, 1))
    const [first, same, moved] = runStepsChecked(target, steps)
    expect(same!.addr).toBe(first!.addr)
    expect(moved!.granted).toBe(128)
    expect(moved!.copied).toBe(90)
    expect(rowOf(target, 'kmalloc-96')!.activeObjs).toBe(0)
  })

  it('frees an object of any cache with kfree, finding the cache from the frame record', () => {
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0),
      step(Op.Kfree, 0),
      step(Op.CacheFree, 0, 0, 0)
    ]
    const { target } = targetFor(standard, programOf(steps, 1, [inode]))
    const outs = runStepsChecked(target, steps)
    expect(outs[2]!.status).toBe(Status.Ok)
    expect(rowOf(target, 'inode')!.activeObjs).toBe(0)
    expect(outs[3]!.invalidReason).toBe(InvalidReason.HandleEmpty)
  })

  it('refuses kmem_cache_free of pages or of another cache’s object', () => {
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheCreate, -1, 0, 1),
      step(Op.CacheAlloc, 0, 0, 0),
      step(Op.PageAlloc, 1, 0),
      step(Op.CacheFree, 0, 0, 1),
      step(Op.CacheFree, 1, 0, 0)
    ]
    const { target } = targetFor(standard, programOf(steps, 2, [inode, dentry]))
    const outs = runStepsChecked(target, steps)
    expect(outs[4]!.invalidReason).toBe(InvalidReason.WrongKind)
    expect(outs[5]!.invalidReason).toBe(InvalidReason.WrongKind)
  })

  it('walks the whole pool in address order', () => {
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0),
      step(Op.Kmalloc, 1, 50),
      step(Op.PageAlloc, 2, 2)
    ]
    const { target } = targetFor(
      { frames: 1000, pageSize: 4096, maxOrder: 10 },
      programOf(steps, 3, [inode])
    )
    runStepsChecked(target, steps)
    const runs = mapOf(target)
    let next = 0
    for (const [start, length] of runs) {
      expect(start).toBe(next)
      expect(length).toBeGreaterThan(0)
      next = start + length
    }
    expect(next).toBe(1000 * 4096)
    expect(
      runs
        .filter(([, , state]) => state === MapState.Used)
        .map(([, , , handle]) => handle)
        .sort()
    ).toEqual([0, 1, 2])
  })

  it('holds every invariant after every request of random scenarios', () => {
    fc.assert(
      fc.property(scenarioArbitrary(HANDLES), fc.boolean(), ({ shape, caches, steps }, colour) => {
        const { target } = targetFor(shape, programOf(steps, HANDLES, caches), colour)
        runStepsChecked(target, steps)
        let total = 0
        target.walk((_start, length) => (total += length))
        expect(total).toBe(shape.frames * shape.pageSize)
      }),
      { numRuns: 300 }
    )
  })

  it('matches the simple reference model: outcomes, addresses, slabinfo and buddyinfo after each request', () => {
    fc.assert(
      fc.property(scenarioArbitrary(HANDLES), fc.boolean(), ({ shape, caches, steps }, colour) => {
        const { target } = targetFor(shape, programOf(steps, HANDLES, caches), colour)
        const reference = new ReferenceSlab({ ...shape, cacheLine: 64, colouring: colour }, caches)
        const out = new RequestOutcome()
        for (const request of steps) {
          target.execute(request.op, request.handle, request.aux, request.size, out)
          const expected = reference.execute(request.op, request.handle, request.aux, request.size)
          const actual = Object.fromEntries(
            Object.keys(expected).map((key) => [key, out[key as keyof RequestOutcome]])
          )
          expect(actual).toEqual(expected)
          expect(target.slabinfo()).toEqual(reference.slabinfo())
          expect(target.buddyinfo()).toEqual(reference.buddy.buddyinfo())
        }
      }),
      { numRuns: 300 }
    )
  })

  it('gives the same outcomes, map and pool bytes every time it runs the same requests', () => {
    fc.assert(
      fc.property(scenarioArbitrary(HANDLES), ({ shape, caches, steps }) => {
        const program = programOf(steps, HANDLES, caches)
        const first = runTrace(targetFor(shape, program), steps)
        expect(runTrace(targetFor(shape, program), steps)).toEqual(first)
      }),
      { numRuns: 30 }
    )
  })

  it('lets another thread attach to the same pool and carry on', () => {
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0),
      step(Op.Kmalloc, 1, 64),
      step(Op.CacheFree, 0, 0, 0),
      step(Op.CacheAlloc, 0, 0, 0)
    ]
    const program = programOf(steps, 2, [inode])
    const { target, pool } = targetFor(standard, program)
    runSteps(target, steps.slice(0, 4))
    const attached = slabFamily.create(
      FramePool.attach(pool.buffer),
      optionsOf(standard),
      program,
      false
    ) as SlabTarget
    expect(attached.slabinfo()).toEqual(target.slabinfo())
    const [again] = runSteps(attached, steps.slice(4))
    expect(again!.ctorSaved).toBe(1)
    target.check()
  })

  it('names the rule a tampered slab breaks, and where', () => {
    const steps = [step(Op.CacheCreate, -1, 0, 0), step(Op.CacheAlloc, 0, 0, 0)]
    const { target } = targetFor(standard, programOf(steps, 1, [inode]))
    const [, out] = runSteps(target, steps)
    target.slab.slabInuse[out!.frame] = 0
    const failure = brokenInvariant(() => target.check())
    expect(failure.key).toBe('pages.invariant.slab.slabOnList')
    expect(failure.params).toMatchObject({ cache: 'inode', frame: out!.frame, inuse: 0 })
  })

  it('notices an object its handle still holds after the cache took it back', () => {
    const steps = [step(Op.CacheCreate, -1, 0, 0), step(Op.CacheAlloc, 0, 0, 0)]
    const { target } = targetFor(standard, programOf(steps, 1, [inode]))
    const [, out] = runSteps(target, steps)
    target.slab.cacheFree(0, out!.frame, 0)
    const failure = brokenInvariant(() => target.check())
    expect(failure.key).toBe('pages.invariant.slab.heldObjectFree')
    expect(failure.params).toEqual({ handle: 0, frame: out!.frame, object: 0 })
  })

  it('notices a page block its handle still holds after the buddy took it back', () => {
    const steps = [step(Op.PageAlloc, 0, 1)]
    const { target } = targetFor(standard, programOf(steps, 1))
    const [out] = runSteps(target, steps)
    target.zone.freePages(out!.frame, 1, new RequestOutcome())
    const failure = brokenInvariant(() => target.check())
    expect(failure.key).toBe('pages.invariant.buddy.handleOwnsBlock')
    expect(failure.params).toEqual({ handle: 0, frame: out!.frame })
  })

  it('asks for exactly the pool bytes it carves', () => {
    const program = programOf([step(Op.Kmalloc, 0, 1)], 3, [inode])
    const { pool } = targetFor({ frames: 1000, pageSize: 4096, maxOrder: 10 }, program)
    expect(HEADER_BYTES + pool.regionBytes).toBe(pool.buffer.byteLength)
  })

  it('runs a 4 GiB pool of 1,048,576 frames on less than 24 MiB of metadata', () => {
    const shape: PoolShape = { frames: 1 << 20, pageSize: 4096, maxOrder: 10 }
    const objects = Array.from({ length: 200 }, (_, h) => step(Op.CacheAlloc, h, 0, 0))
    const steps = [
      step(Op.CacheCreate, -1, 0, 0),
      ...objects,
      step(Op.Kmalloc, 200, 100_000),
      step(Op.PageAlloc, 201, 10)
    ]
    const { target } = targetFor(shape, programOf(steps, 202, [inode]))
    const outs = runSteps(target, steps)
    expect(outs.every((out) => out.status === Status.Ok)).toBe(true)
    const metrics = new MetricsSnapshot()
    target.metrics(metrics)
    expect(metrics.poolBytes).toBe(4 * 1024 ** 3)
    expect(metrics.metadataBytes).toBeLessThan(24 * 1024 * 1024)
    target.check()
  })
})
