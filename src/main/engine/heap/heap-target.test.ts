import { describe, expect, it } from 'vitest'
import { Op, type CacheSpec } from '@shared/scenario/program'
import { InvalidReason, RequestOutcome, Status } from '../outcome'
import { buildProgram, type ProgramStep } from '../testing/program-builder'
import { createHeapTarget } from './testing/heap-driver'

const inode: CacheSpec = {
  name: 'inode',
  objectSize: 24,
  align: 8,
  ctorCost: 40,
  dtorCost: 7,
  pagesPerSlab: 0
}

/** A side-mode heap whose program holds `steps`; requests are then executed by hand. */
function heapFor(steps: ProgramStep[], values: Record<string, number | string | boolean> = {}) {
  const program = { ...buildProgram(steps), caches: [inode] }
  const { target } = createHeapTarget(
    'first-fit',
    { arena: 256, base: 0, header: 0, align: 1, meta: 'side', page: 16, ...values },
    program
  )
  return { target, out: new RequestOutcome() }
}

describe('scenario requests on a heap', () => {
  it('serves a page request of order k as a malloc of 2^k pages', () => {
    const { target, out } = heapFor([[Op.PageAlloc, 'p', 2]])
    target.execute(Op.PageAlloc, 0, -1, 2, out)
    expect([out.status, out.addr, out.granted, out.requested]).toEqual([Status.Ok, 0, 64, 64])
    target.execute(Op.PageFree, 0, -1, 0, out)
    expect([out.status, out.granted]).toEqual([Status.Ok, 64])
  })

  it('constructs a cache object on every allocation and destroys it on every free', () => {
    const { target, out } = heapFor([
      [Op.CacheAlloc, 'i1', 0],
      [Op.CacheAlloc, 'i1', 0]
    ])
    target.execute(Op.CacheCreate, -1, 0, 0, out)
    expect(out.status).toBe(Status.NoOp)
    for (let round = 0; round < 2; round++) {
      target.execute(Op.CacheAlloc, 0, 0, 0, out)
      expect([out.status, out.granted, out.ctorCalls, out.ctorSaved, out.workUnits]).toEqual([
        Status.Ok,
        24,
        1,
        0,
        40
      ])
      target.execute(Op.CacheFree, 0, -1, 0, out)
      expect([out.status, out.workUnits]).toEqual([Status.Ok, 7])
    }
    target.execute(Op.CacheShrink, -1, 0, 0, out)
    expect(out.status).toBe(Status.NoOp)
    target.execute(Op.CacheDestroy, -1, 0, 0, out)
    expect(out.status).toBe(Status.NoOp)
    target.check()
  })

  it('pays no destructor when a plain block is freed', () => {
    const { target, out } = heapFor([[Op.Kmalloc, 'k', 10]])
    target.execute(Op.Kmalloc, 0, -1, 10, out)
    expect([out.status, out.granted]).toEqual([Status.Ok, 10])
    target.execute(Op.Kfree, 0, -1, 0, out)
    expect([out.status, out.workUnits]).toEqual([Status.Ok, 0])
  })

  it('reports bad requests as invalid with a reason, and never throws', () => {
    const { target, out } = heapFor([
      [Op.Alloc, 'a', 10],
      [Op.Alloc, 'b', 10]
    ])
    target.execute(Op.Free, 0, -1, 0, out)
    expect([out.status, out.invalidReason]).toEqual([Status.Invalid, InvalidReason.HandleEmpty])
    target.execute(Op.Realloc, 0, -1, 5, out)
    expect([out.status, out.invalidReason]).toEqual([Status.Invalid, InvalidReason.HandleEmpty])
    target.execute(Op.Alloc, 0, -1, 10, out)
    target.execute(Op.Alloc, 0, -1, 10, out)
    expect([out.status, out.invalidReason]).toEqual([Status.Invalid, InvalidReason.HandleLive])
    target.execute(Op.CacheAlloc, 1, 5, 0, out)
    expect([out.status, out.invalidReason]).toEqual([Status.Invalid, InvalidReason.UnknownCache])
    target.execute(Op.Free, 99, -1, 0, out)
    expect([out.status, out.invalidReason]).toEqual([Status.Invalid, InvalidReason.HandleEmpty])
    target.execute(Op.Alloc, 1, -1, -5, out)
    expect(out.status).toBe(Status.Invalid)
    target.execute(Op.PageAlloc, 1, -1, 1.5, out)
    expect(out.status).toBe(Status.Invalid)
    target.execute(99, 1, -1, 0, out)
    expect(out.status).toBe(Status.Invalid)
    target.check()
  })

  it('tells a too-small heap from a fragmented one', () => {
    // 256 bytes: a 100 @0, b 100 @100, c 50 @200, 6 left; free a and c -> 156 free in 100 + 56.
    const { target, out } = heapFor([
      [Op.Alloc, 'a', 100],
      [Op.Alloc, 'b', 100],
      [Op.Alloc, 'c', 50],
      [Op.Alloc, 'd', 120],
      [Op.Alloc, 'd', 200]
    ])
    target.execute(Op.Alloc, 0, -1, 100, out)
    target.execute(Op.Alloc, 1, -1, 100, out)
    target.execute(Op.Alloc, 2, -1, 50, out)
    target.execute(Op.Free, 0, -1, 0, out)
    target.execute(Op.Free, 2, -1, 0, out)
    target.execute(Op.Alloc, 3, -1, 120, out)
    expect(out.status).toBe(Status.FailFragmented)
    target.execute(Op.Alloc, 3, -1, 200, out)
    expect(out.status).toBe(Status.FailNoMemory)
    target.check()
  })
})
