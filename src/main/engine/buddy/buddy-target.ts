import { Op as ops, type CompiledProgram } from '@shared/scenario/program'
import { alignUp, type FramePool } from '../frame-pool'
import {
  InvalidReason as invalidReasons,
  Status as statuses,
  type InvalidReasonCode,
  type RequestOutcome
} from '../outcome'
import {
  InvariantError,
  type MapVisitor,
  type MetricsSnapshot,
  type ScenarioTarget
} from '../target'
import { BuddyZone } from './buddy-zone'
import type { FrameGeometry } from './frame-options'
import { FrameState as frameStates } from './frame-state'
import { MapRunWriter } from './map-runs'
import { orderForBytes } from './page-order'
import { zoneMetrics } from './zone-metrics'

// Local copies of imported constants: a CommonJS build (tsx, the bench) reads an imported
// binding through a getter on every access, which the hot path cannot afford.
const Op = { ...ops }
const InvalidReason = { ...invalidReasons }
const Status = { ...statuses }
const FrameState = { ...frameStates }

/** Float64 words of run statistics kept in the pool. */
const Stat = {
  REQUESTED_LIVE: 0,
  ALLOCATED_LIVE: 1,
  PEAK_REQUESTED: 2,
  LIVE_BLOCKS: 3
} as const
const STAT_WORDS = 4

const HandleKind = { Empty: 0, Pages: 1 } as const

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
  private readonly owner: Int32Array
  private readonly handleKind: Uint8Array
  private readonly handleFrame: Int32Array
  private readonly handleRequested: Float64Array
  private readonly stats: Float64Array
  private readonly handleCount: number
  private readonly objectSize: Float64Array
  private readonly ctorCost: Float64Array
  private readonly metadata: number

  static regionBytes(geometry: FrameGeometry, program: CompiledProgram): number[] {
    const handles = program.handles.length
    return [
      ...BuddyZone.regionBytes(geometry.frames, geometry.maxOrder),
      geometry.frames * 4,
      STAT_WORDS * 8,
      handles,
      handles * 4,
      handles * 8
    ]
  }

  constructor(pool: FramePool, geometry: FrameGeometry, program: CompiledProgram, fresh: boolean) {
    const { frames, pageSize, maxOrder } = geometry
    this.pageSize = pageSize
    this.zone = new BuddyZone(pool, frames, maxOrder, fresh)
    this.owner = pool.int32(frames)
    this.stats = pool.float64(STAT_WORDS)
    this.handleCount = program.handles.length
    this.handleKind = pool.uint8(this.handleCount)
    this.handleFrame = pool.int32(this.handleCount)
    this.handleRequested = pool.float64(this.handleCount)
    this.objectSize = Float64Array.from(program.caches, (cache) => cache.objectSize)
    this.ctorCost = Float64Array.from(program.caches, (cache) => cache.ctorCost)
    // The owner words are the buddy's own bookkeeping; the handle table belongs to the scenario.
    this.metadata = BuddyZone.metadataBytes(frames, maxOrder) + alignUp(frames * 4, 8)
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
        this.allocOrder(handle, size, out)
        return
      case Op.Free:
      case Op.PageFree:
      case Op.Kfree:
      case Op.CacheFree:
        this.free(handle, out)
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
        invalid(out, InvalidReason.WrongKind)
    }
  }

  private allocBytes(handle: number, bytes: number, out: RequestOutcome): void {
    out.requested = bytes
    if (!this.canFill(handle, out)) return
    this.place(handle, orderForBytes(bytes, this.pageSize), bytes, out)
  }

  private allocOrder(handle: number, order: number, out: RequestOutcome): void {
    const sane = (order | 0) === order && order >= 0 && order <= 30
    if (sane) out.requested = (1 << order) * this.pageSize
    if (!this.canFill(handle, out)) return
    if (!sane) {
      invalid(out, InvalidReason.TooLarge)
      return
    }
    this.place(handle, order, out.requested, out)
  }

  /** A page allocator has no object cache: the object gets fresh pages and a fresh constructor call. */
  private allocObject(handle: number, cache: number, out: RequestOutcome): void {
    if (cache < 0 || cache >= this.objectSize.length) {
      invalid(out, InvalidReason.UnknownCache)
      return
    }
    const bytes = this.objectSize[cache]!
    out.requested = bytes
    if (!this.canFill(handle, out)) return
    this.place(handle, orderForBytes(bytes, this.pageSize), bytes, out)
    if (out.status === Status.Ok && this.ctorCost[cache]! > 0) {
      out.ctorCalls = 1
      out.workUnits = this.ctorCost[cache]!
    }
  }

  private canFill(handle: number, out: RequestOutcome): boolean {
    if (handle < 0 || handle >= this.handleCount) {
      invalid(out, InvalidReason.HandleEmpty)
      return false
    }
    if (this.handleKind[handle] !== HandleKind.Empty) {
      invalid(out, InvalidReason.HandleLive)
      return false
    }
    return true
  }

  private place(handle: number, order: number, requested: number, out: RequestOutcome): void {
    const pfn = this.takePages(order, out)
    if (pfn >= 0) this.record(handle, pfn, order, requested, out)
  }

  /** Make `handle` hold the block at `pfn` and count it live. */
  private record(
    handle: number,
    pfn: number,
    order: number,
    requested: number,
    out: RequestOutcome
  ): void {
    const granted = (1 << order) * this.pageSize
    const stats = this.stats
    this.owner[pfn] = handle
    this.handleKind[handle] = HandleKind.Pages
    this.handleFrame[handle] = pfn
    this.handleRequested[handle] = requested
    stats[Stat.REQUESTED_LIVE]! += requested
    stats[Stat.ALLOCATED_LIVE]! += granted
    stats[Stat.LIVE_BLOCKS]!++
    if (stats[Stat.REQUESTED_LIVE]! > stats[Stat.PEAK_REQUESTED]!) {
      stats[Stat.PEAK_REQUESTED] = stats[Stat.REQUESTED_LIVE]!
    }
    out.frame = pfn
    out.addr = pfn * this.pageSize
    out.granted = granted
  }

  /** alloc_pages for `order`, setting a failure status in `out` when nothing fits. */
  private takePages(order: number, out: RequestOutcome): number {
    if (order > this.zone.maxOrder) {
      invalid(out, InvalidReason.TooLarge)
      return -1
    }
    const pfn = this.zone.allocPages(order, FrameState.Pages, out)
    if (pfn < 0) out.status = this.zone.failureStatus(order)
    return pfn
  }

  private free(handle: number, out: RequestOutcome): void {
    if (handle < 0 || handle >= this.handleCount || this.handleKind[handle] === HandleKind.Empty) {
      invalid(out, InvalidReason.HandleEmpty)
      return
    }
    const pfn = this.handleFrame[handle]!
    out.frame = pfn
    out.addr = pfn * this.pageSize
    out.requested = this.handleRequested[handle]!
    out.granted = this.release(handle, out)
  }

  /** Give the handle's block back to the zone (merges count in `out`); returns the bytes it held. */
  private release(handle: number, out: RequestOutcome): number {
    const pfn = this.handleFrame[handle]!
    const order = this.zone.order[pfn]!
    const granted = (1 << order) * this.pageSize
    this.zone.freePages(pfn, order, out)
    this.handleKind[handle] = HandleKind.Empty
    this.stats[Stat.REQUESTED_LIVE]! -= this.handleRequested[handle]!
    this.stats[Stat.ALLOCATED_LIVE]! -= granted
    this.stats[Stat.LIVE_BLOCKS]!--
    this.handleRequested[handle] = 0
    return granted
  }

  /** Realloc: a new block and a copy, unless the order stays the same; the old block survives a failure. */
  private realloc(handle: number, bytes: number, out: RequestOutcome): void {
    if (handle < 0 || handle >= this.handleCount) {
      invalid(out, InvalidReason.HandleEmpty)
      return
    }
    if (this.handleKind[handle] === HandleKind.Empty) {
      this.allocBytes(handle, bytes, out)
      return
    }
    out.requested = bytes
    const oldFrame = this.handleFrame[handle]!
    const oldOrder = this.zone.order[oldFrame]!
    const oldRequested = this.handleRequested[handle]!
    const order = orderForBytes(bytes, this.pageSize)
    if (order === oldOrder) {
      this.handleRequested[handle] = bytes
      this.stats[Stat.REQUESTED_LIVE]! += bytes - oldRequested
      if (this.stats[Stat.REQUESTED_LIVE]! > this.stats[Stat.PEAK_REQUESTED]!) {
        this.stats[Stat.PEAK_REQUESTED] = this.stats[Stat.REQUESTED_LIVE]!
      }
      out.frame = oldFrame
      out.addr = oldFrame * this.pageSize
      out.granted = (1 << order) * this.pageSize
      return
    }
    const pfn = this.takePages(order, out)
    if (pfn < 0) return
    this.release(handle, out)
    this.record(handle, pfn, order, bytes, out)
    out.copied = Math.min(oldRequested, bytes)
  }

  metrics(out: MetricsSnapshot): void {
    zoneMetrics(this.zone, this.pageSize, out)
    out.requestedLive = this.stats[Stat.REQUESTED_LIVE]!
    out.allocatedLive = this.stats[Stat.ALLOCATED_LIVE]!
    out.metadataBytes = this.metadata
    out.peakRequested = this.stats[Stat.PEAK_REQUESTED]!
    out.liveBlocks = this.stats[Stat.LIVE_BLOCKS]!
  }

  /** Free blocks per order, index = order (/proc/buddyinfo). */
  buddyinfo(): number[] {
    return this.zone.buddyInfo()
  }

  check(): void {
    const { pagesBlocks, slabBlocks } = this.zone.check()
    if (slabBlocks !== 0) throw new InvariantError('buddy: no slabs on a page allocator')
    let live = 0
    let requested = 0
    let allocated = 0
    for (let handle = 0; handle < this.handleCount; handle++) {
      const kind = this.handleKind[handle]!
      if (kind === HandleKind.Empty) continue
      if (kind !== HandleKind.Pages)
        throw new InvariantError(`buddy: handle ${handle} has kind ${kind}`)
      const pfn = this.handleFrame[handle]!
      if (this.zone.state[pfn] !== FrameState.Pages || this.owner[pfn] !== handle) {
        throw new InvariantError(
          `buddy: handles own their blocks: handle ${handle} points at frame ${pfn}`
        )
      }
      live++
      requested += this.handleRequested[handle]!
      allocated += 2 ** this.zone.order[pfn]! * this.pageSize
    }
    if (live !== pagesBlocks) {
      throw new InvariantError(
        `buddy: every allocated block held: ${pagesBlocks} blocks, ${live} handles`
      )
    }
    if (live !== this.stats[Stat.LIVE_BLOCKS] || requested !== this.stats[Stat.REQUESTED_LIVE]) {
      throw new InvariantError('buddy: live counters match the handles')
    }
    if (allocated !== this.stats[Stat.ALLOCATED_LIVE]) {
      throw new InvariantError('buddy: allocated bytes match the blocks')
    }
  }

  walk(visit: MapVisitor): void {
    const writer = new MapRunWriter(visit)
    const page = this.pageSize
    this.zone.forEachBlock((pfn, order, state) => {
      const start = pfn * page
      const bytes = 2 ** order * page
      if (state === FrameState.Free) {
        writer.addFree(start, bytes)
        return
      }
      const handle = this.owner[pfn]!
      writer.addHeld(start, bytes, this.handleRequested[handle]!, handle)
    })
    writer.finish()
  }
}

function invalid(out: RequestOutcome, reason: InvalidReasonCode): void {
  out.status = Status.Invalid
  out.invalidReason = reason
}
