import { Op as ops, type CompiledProgram } from '@shared/scenario/program'
import type { FramePool } from '../frame-pool'
import { InvariantFailure } from '../invariant-failure'
import {
  InvalidReason as invalidReasons,
  Status as statuses,
  type RequestOutcome
} from '../outcome'
import { carveLayout, int32, layoutBytes, layoutRegionBytes } from '../region-layout'
import type { MapVisitor, MetricsSnapshot, ScenarioTarget } from '../target'
import { BuddyZone } from './buddy-zone'
import type { FrameGeometry } from './frame-options'
import { MapRunWriter } from './map-runs'
import { orderForBytes } from './page-order'
import { HandleKind as handleKinds, PageHandleTable } from './page-handle-table'

// Local copies of imported constants: a CommonJS build (tsx, the bench) reads an imported
// binding through a getter on every access, which the hot path cannot afford.
const Op = { ...ops }
const InvalidReason = { ...invalidReasons }
const Status = { ...statuses }
const HandleKind = { ...handleKinds }

/**
 * The buddy family as a scenario target: every request becomes page frames.
 * Byte requests take whole frames rounded up to a power of two; object
 * requests take pages for the object size and run the constructor every time
 * (a page allocator keeps no constructed objects); cache management is a no-op.
 *
 * Per frame it adds one word to the zone's records: the handle holding the
 * block whose head is that frame, so `walk` names owners without a search.
 */
export class BuddyTarget implements ScenarioTarget {
  readonly family = 'buddy'
  readonly zone: BuddyZone
  readonly pageSize: number
  private readonly handles: PageHandleTable
  private readonly objectSize: Float64Array
  private readonly ctorCost: Float64Array
  private readonly metadata: number

  /** The target's own regions, after the zone's and before the handle table's. */
  private static ownerLayout(frames: number) {
    return { owner: int32(frames) }
  }

  static regionBytes(geometry: FrameGeometry, program: CompiledProgram): number[] {
    return [
      ...BuddyZone.regionBytes(geometry.frames, geometry.maxOrder),
      ...layoutRegionBytes(BuddyTarget.ownerLayout(geometry.frames)),
      ...PageHandleTable.regionBytes(program.handles.length)
    ]
  }

  constructor(pool: FramePool, geometry: FrameGeometry, program: CompiledProgram, fresh: boolean) {
    const { frames, pageSize, maxOrder } = geometry
    this.pageSize = pageSize
    this.zone = new BuddyZone(pool, frames, maxOrder, fresh)
    const { owner } = carveLayout(pool, BuddyTarget.ownerLayout(frames))
    this.handles = new PageHandleTable(pool, program.handles.length, this.zone, pageSize, owner, [
      HandleKind.Pages
    ])
    this.objectSize = Float64Array.from(program.caches, (cache) => cache.objectSize)
    this.ctorCost = Float64Array.from(program.caches, (cache) => cache.ctorCost)
    // The owner words are the buddy's own bookkeeping; the handle table belongs to the scenario.
    this.metadata =
      BuddyZone.metadataBytes(frames, maxOrder) + layoutBytes(BuddyTarget.ownerLayout(frames))
  }

  execute(op: number, handle: number, aux: number, size: number, out: RequestOutcome): void {
    out.reset()
    switch (op) {
      case Op.Alloc:
      case Op.Kmalloc:
        this.allocBytes(handle, size, out)
        return
      case Op.Realloc:
        this.realloc(handle, size, out)
        return
      case Op.PageAlloc:
        this.handles.allocOrder(handle, size, out)
        return
      case Op.Free:
      case Op.PageFree:
      case Op.Kfree:
      case Op.CacheFree:
        this.handles.freePages(handle, out)
        return
      case Op.CacheAlloc:
        this.allocObject(handle, aux, out)
        return
      case Op.CacheCreate:
      case Op.CacheShrink:
      case Op.CacheDestroy:
        out.status = Status.NoOp
        return
      default:
        out.refuse(InvalidReason.WrongKind)
    }
  }

  private allocBytes(handle: number, bytes: number, out: RequestOutcome): void {
    out.requested = bytes
    if (!this.handles.canFill(handle, out)) return
    this.handles.takePages(
      handle,
      orderForBytes(bytes, this.pageSize),
      bytes,
      HandleKind.Pages,
      out
    )
  }

  /** A page allocator has no object cache: the object gets fresh pages and a fresh constructor call. */
  private allocObject(handle: number, cache: number, out: RequestOutcome): void {
    if (cache < 0 || cache >= this.objectSize.length) {
      out.refuse(InvalidReason.UnknownCache)
      return
    }
    this.allocBytes(handle, this.objectSize[cache]!, out)
    if (out.status === Status.Ok && this.ctorCost[cache]! > 0) {
      out.ctorCalls = 1
      out.workUnits = this.ctorCost[cache]!
    }
  }

  /** Realloc: a new block and a copy, unless the order stays the same; the old block survives a failure. */
  private realloc(handle: number, bytes: number, out: RequestOutcome): void {
    const handles = this.handles
    if (handle < 0 || handle >= handles.count) {
      out.refuse(InvalidReason.HandleEmpty)
      return
    }
    if (!handles.holds(handle)) {
      this.allocBytes(handle, bytes, out)
      return
    }
    const oldRequested = handles.requested[handle]!
    const order = orderForBytes(bytes, this.pageSize)
    if (order === this.zone.order[handles.frame[handle]!]) {
      handles.resize(handle, bytes)
      handles.describePages(handle, out)
      return
    }
    out.requested = bytes
    const pfn = handles.allocBlock(order, out)
    if (pfn < 0) return
    handles.releasePages(handle, out)
    handles.holdPages(handle, pfn, order, bytes, HandleKind.Pages, out)
    out.copied = Math.min(oldRequested, bytes)
  }

  metrics(out: MetricsSnapshot): void {
    this.handles.metrics(out, this.metadata)
  }

  /** Free blocks per order, index = order (/proc/buddyinfo). */
  buddyinfo(): number[] {
    return this.zone.buddyInfo()
  }

  check(): void {
    const { pagesBlocks, slabBlocks } = this.zone.check()
    if (slabBlocks !== 0) throw new InvariantFailure('buddy', 'noSlabs', { blocks: slabBlocks })
    this.handles.check(pagesBlocks)
  }

  walk(visit: MapVisitor): void {
    this.handles.walk(new MapRunWriter(visit))
  }
}
