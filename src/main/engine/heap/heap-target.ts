import { Op as Ops, type CacheSpec, type CompiledProgram } from '@shared/scenario/program'
import type { FreeListEntry } from '../final-state'
import {
  InvalidReason as InvalidReasonCodes,
  Status as StatusCodes,
  type RequestOutcome
} from '../outcome'
import type { MapStateCode, MetricsSnapshot, ScenarioTarget } from '../target'
import type { FitHeap } from './fit-heap'

// Module-local aliases: transpiled imports are getter calls, too dear per request.
const Op = Ops
const Status = StatusCodes
const InvalidReason = InvalidReasonCodes

/**
 * What every scenario request means on a heap. Byte, page and kmalloc
 * requests are all malloc (a page request of order k asks for 2^k pages);
 * every kind of free is free. A cache object is malloc'd and constructed
 * afresh on every allocation, and destroyed on every free: a heap keeps no
 * constructed objects, which is exactly what slab caches are compared with.
 * Cache create, shrink and destroy mean nothing to a heap.
 */
export class HeapTarget implements ScenarioTarget {
  readonly family: string
  readonly heap: FitHeap
  private readonly caches: readonly CacheSpec[]
  private readonly pageBytes: number

  constructor(family: string, heap: FitHeap, program: CompiledProgram) {
    this.family = family
    this.heap = heap
    this.caches = program.caches
    this.pageBytes = heap.config.pageBytes
  }

  execute(op: number, handle: number, aux: number, size: number, out: RequestOutcome): void {
    out.reset()
    switch (op) {
      case Op.Alloc:
      case Op.Kmalloc:
        this.heap.malloc(handle, size, out)
        return
      case Op.Free:
      case Op.Kfree:
      case Op.PageFree:
      case Op.CacheFree:
        this.freeObject(handle, out)
        return
      case Op.Realloc:
        this.heap.realloc(handle, size, out)
        return
      case Op.PageAlloc:
        if (!Number.isInteger(size) || size < 0) {
          out.status = Status.Invalid
          out.invalidReason = InvalidReason.WrongKind
          return
        }
        this.heap.malloc(handle, 2 ** size * this.pageBytes, out)
        return
      case Op.CacheAlloc:
        this.constructObject(handle, aux, out)
        return
      case Op.CacheCreate:
      case Op.CacheShrink:
      case Op.CacheDestroy:
        out.status = Status.NoOp
        return
      default:
        out.status = Status.Invalid
        out.invalidReason = InvalidReason.WrongKind
    }
  }

  private constructObject(handle: number, cacheId: number, out: RequestOutcome): void {
    const cache = this.caches[cacheId]
    if (cache === undefined) {
      out.status = Status.Invalid
      out.invalidReason = InvalidReason.UnknownCache
      return
    }
    this.heap.malloc(handle, cache.objectSize, out)
    if (out.status !== Status.Ok) return
    this.heap.handleCache[handle] = cacheId
    out.ctorCalls = 1
    out.workUnits += cache.ctorCost
  }

  private freeObject(handle: number, out: RequestOutcome): void {
    const ledger = this.heap.handleCache
    const cacheId = handle >= 0 && handle < ledger.length ? ledger[handle] : -1
    this.heap.free(handle, out)
    if (out.status !== Status.Ok || cacheId === -1) return
    ledger[handle] = -1
    out.workUnits += this.caches[cacheId]?.dtorCost ?? 0
  }

  metrics(out: MetricsSnapshot): void {
    this.heap.metrics(out)
  }

  check(): void {
    this.heap.check()
  }

  walk(visit: (start: number, length: number, state: MapStateCode, handle: number) => void): void {
    this.heap.walk(visit)
  }

  /** The free list in list order (for reports and the `final.freeList` JSON field). */
  freeList(): FreeListEntry[] {
    const entries: FreeListEntry[] = []
    this.heap.visitFreeList((addr, size) => entries.push({ addr, size }))
    return entries
  }
}
