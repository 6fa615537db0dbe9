import { Op } from '@shared/scenario/program'
import { InvalidReason, Status } from '../../outcome'

/**
 * A deliberately simple buddy allocator for differential tests: free lists
 * are plain arrays (index 0 is the head), buddies are found by searching
 * them. Slow, obviously correct, and written without looking at the zone.
 */
export class ReferenceBuddy {
  readonly lists: number[][]

  constructor(
    readonly frames: number,
    readonly maxOrder: number
  ) {
    this.lists = Array.from({ length: maxOrder + 1 }, () => [])
    let start = 0
    while (start < frames) {
      let order = this.maxOrder
      while (2 ** order > frames - start) order--
      this.lists[order]!.push(start)
      start += 2 ** order
    }
  }

  get freeFrames(): number {
    return this.lists.reduce((sum, list, order) => sum + list.length * 2 ** order, 0)
  }

  alloc(order: number): number {
    let found = order
    while (found <= this.maxOrder && this.lists[found]!.length === 0) found++
    if (found > this.maxOrder) return -1
    const start = this.lists[found]!.shift()!
    while (found > order) {
      found--
      this.lists[found]!.unshift(start + 2 ** found)
    }
    return start
  }

  free(start: number, order: number): void {
    while (order < this.maxOrder) {
      const buddy = start % 2 ** (order + 1) === 0 ? start + 2 ** order : start - 2 ** order
      const at = this.lists[order]!.indexOf(buddy)
      if (at < 0) break
      this.lists[order]!.splice(at, 1)
      start = Math.min(start, buddy)
      order++
    }
    this.lists[order]!.unshift(start)
  }

  failure(order: number): number {
    return this.freeFrames < 2 ** order ? Status.FailNoMemory : Status.FailFragmented
  }

  buddyinfo(): number[] {
    return this.lists.map((list) => list.length)
  }
}

/** What the reference says a request did: the fields differential tests compare. */
export interface ReferenceOutcome {
  status: number
  invalidReason: number
  frame: number
  requested: number
  granted: number
  ctorCalls: number
}

/** The buddy family's request mapping over ReferenceBuddy, with handles in a Map. */
export class ReferenceBuddyTarget {
  readonly buddy: ReferenceBuddy
  private readonly held = new Map<number, { start: number; order: number; requested: number }>()

  constructor(
    frames: number,
    readonly pageSize: number,
    maxOrder: number,
    private readonly objectSizes: readonly number[],
    private readonly ctorCosts: readonly number[]
  ) {
    this.buddy = new ReferenceBuddy(frames, maxOrder)
  }

  execute(op: number, handle: number, aux: number, size: number): ReferenceOutcome {
    const asked =
      op === Op.Alloc || op === Op.Kmalloc || op === Op.Realloc
        ? size
        : op === Op.PageAlloc
          ? 2 ** size * this.pageSize
          : op === Op.CacheAlloc
            ? (this.objectSizes[aux] ?? 0)
            : 0
    const result: ReferenceOutcome = {
      status: Status.Ok,
      invalidReason: 0,
      frame: -1,
      requested: asked,
      granted: 0,
      ctorCalls: 0
    }
    const refuse = (reason: number): ReferenceOutcome => ({
      ...result,
      status: Status.Invalid,
      invalidReason: reason
    })
    const orderOf = (bytes: number): number => {
      let order = 0
      while (2 ** order * this.pageSize < bytes) order++
      return order
    }
    const take = (order: number, requested: number): ReferenceOutcome => {
      if (order > this.buddy.maxOrder) return refuse(InvalidReason.TooLarge)
      const start = this.buddy.alloc(order)
      if (start < 0) return { ...result, status: this.buddy.failure(order) }
      this.held.set(handle, { start, order, requested })
      return { ...result, frame: start, requested, granted: 2 ** order * this.pageSize }
    }
    switch (op) {
      case Op.Alloc:
      case Op.Kmalloc:
        if (this.held.has(handle)) return refuse(InvalidReason.HandleLive)
        return take(orderOf(size), size)
      case Op.PageAlloc:
        if (this.held.has(handle)) return refuse(InvalidReason.HandleLive)
        return take(size, 2 ** size * this.pageSize)
      case Op.CacheAlloc: {
        const objectSize = this.objectSizes[aux]
        if (objectSize === undefined) return refuse(InvalidReason.UnknownCache)
        if (this.held.has(handle)) return refuse(InvalidReason.HandleLive)
        const taken = take(orderOf(objectSize), objectSize)
        if (taken.status === Status.Ok && this.ctorCosts[aux]! > 0) taken.ctorCalls = 1
        return taken
      }
      case Op.Realloc: {
        const old = this.held.get(handle)
        if (old === undefined) return take(orderOf(size), size)
        const order = orderOf(size)
        if (order === old.order) {
          old.requested = size
          return {
            ...result,
            frame: old.start,
            requested: size,
            granted: 2 ** order * this.pageSize
          }
        }
        if (order > this.buddy.maxOrder) return refuse(InvalidReason.TooLarge)
        const start = this.buddy.alloc(order)
        if (start < 0) return { ...result, status: this.buddy.failure(order) }
        this.buddy.free(old.start, old.order)
        this.held.set(handle, { start, order, requested: size })
        return { ...result, frame: start, requested: size, granted: 2 ** order * this.pageSize }
      }
      case Op.Free:
      case Op.PageFree:
      case Op.Kfree:
      case Op.CacheFree: {
        const old = this.held.get(handle)
        if (old === undefined) return refuse(InvalidReason.HandleEmpty)
        this.buddy.free(old.start, old.order)
        this.held.delete(handle)
        return {
          ...result,
          frame: old.start,
          requested: old.requested,
          granted: 2 ** old.order * this.pageSize
        }
      }
      default:
        return { ...result, status: Status.NoOp }
    }
  }
}
