import type { FramePool } from '../frame-pool'
import { InvariantFailure } from '../invariant-failure'
import { InvalidReason as invalidReasons, type RequestOutcome } from '../outcome'
import { carveLayout, float64, int32, layoutRegionBytes, uint8 } from '../region-layout'
import { FrameState as frameStates } from './frame-state'
import type { MapRunWriter } from './map-runs'
import type { MetricsSnapshot } from '../target'
import type { BuddyZone } from './buddy-zone'

// The codes the hot paths use, as plain local numbers: a CommonJS build (tsx, the bench)
// reads an imported binding through a getter on every access, and a number costs less
// of V8's inlining budget than a property load (see the class comment).
const HANDLE_EMPTY = invalidReasons.HandleEmpty
const HANDLE_LIVE = invalidReasons.HandleLive
const TOO_LARGE = invalidReasons.TooLarge
const FREE_HEAD = frameStates.Free
const PAGES_HEAD = frameStates.Pages

/** What a handle holds. */
export const HandleKind = {
  Empty: 0,
  /** Pages from alloc_pages. */
  Pages: 1,
  /** A kmalloc too large for the general caches, served by the buddy. */
  LargeKmalloc: 2,
  /** An object in a slab (kmalloc or kmem_cache_alloc). */
  Object: 3
} as const
export type HandleKindCode = (typeof HandleKind)[keyof typeof HandleKind]
const EMPTY = HandleKind.Empty
const PAGES = HandleKind.Pages
const OBJECT = HandleKind.Object

// Float64 words of run statistics kept in the pool, as plain numbers: the hot paths
// read them often, and a constant is smaller for V8's inlining budget than a property.
const REQUESTED_LIVE = 0
const ALLOCATED_LIVE = 1
const PEAK_REQUESTED = 2
const LIVE_BLOCKS = 3
const STAT_WORDS = 4

/** Live handles and their bytes, as a target counts the handles it checks itself. */
export interface HeldTotals {
  readonly handles: number
  readonly requested: number
  readonly granted: number
}

const NOTHING_HELD: HeldTotals = { handles: 0, requested: 0, granted: 0 }

/**
 * The handle table of a page-frame target (the buddy alone, and slab over the
 * buddy) with the page blocks its handles take from the zone, written once
 * for both. Per handle: what it holds, the head frame of its block or slab,
 * its object's index in that slab, and the bytes it asked for; then the live
 * totals that the metrics report.
 *
 * Each page block's owner goes in a per-frame word array the target hands in
 * (`owners`, read at block heads only): the buddy keeps one of its own, the
 * slab layer the union word of its frame records.
 *
 * Speed: the table is used by composition, never subclassed, so every call
 * site sees one receiver class. V8 inlines a target's request methods into
 * its `execute` only up to a budget of bytecode, and which callee gets it
 * first is decided by call counts: a hot request written as a chain of small
 * methods loses some of them to real calls, the zone's allocPages can take
 * the rest, and `npm run bench` drops by a tenth. So the two hot page
 * requests (takePages, freePages) are written out whole, each calling only
 * the zone; their few lines of counting stand again in hold and drop, which
 * the slab's objects and the realloc paths use.
 */
export class PageHandleTable {
  readonly count: number
  readonly kind: Uint8Array
  /** Head frame of the block or slab the handle holds. */
  readonly frame: Int32Array
  /** Object index inside the slab (objects only). */
  readonly index: Int32Array
  readonly requested: Float64Array
  private readonly stats: Float64Array
  private readonly zone: BuddyZone
  private readonly pageSize: number
  private readonly owners: Int32Array
  /** Bit k set when handles may hold HandleKind k. */
  private readonly kindMask: number

  /** The table's regions in the frame pool. */
  static layout(handles: number) {
    return {
      stats: float64(STAT_WORDS),
      kind: uint8(handles),
      frame: int32(handles),
      index: int32(handles),
      requested: float64(handles)
    }
  }

  static regionBytes(handles: number): number[] {
    return layoutRegionBytes(PageHandleTable.layout(handles))
  }

  constructor(
    pool: FramePool,
    handles: number,
    zone: BuddyZone,
    pageSize: number,
    owners: Int32Array,
    kinds: readonly HandleKindCode[]
  ) {
    const views = carveLayout(pool, PageHandleTable.layout(handles))
    this.count = handles
    this.stats = views.stats
    this.kind = views.kind
    this.frame = views.frame
    this.index = views.index
    this.requested = views.requested
    this.zone = zone
    this.pageSize = pageSize
    this.owners = owners
    this.kindMask = kinds.reduce<number>((mask, kind) => mask | (1 << kind), 0)
  }

  // --- requests -------------------------------------------------------------

  /** Whether a request may fill `handle`; refuses (in `out`) one that does not exist or already holds a block. */
  canFill(handle: number, out: RequestOutcome): boolean {
    if (handle < 0 || handle >= this.count) {
      out.refuse(HANDLE_EMPTY)
      return false
    }
    if (this.kind[handle] !== EMPTY) {
      out.refuse(HANDLE_LIVE)
      return false
    }
    return true
  }

  holds(handle: number): boolean {
    return handle >= 0 && handle < this.count && this.kind[handle] !== EMPTY
  }

  /** alloc_pages(order) into `handle`; a bad order is refused as too large, as the kernel refuses one. */
  allocOrder(handle: number, order: number, out: RequestOutcome): void {
    const sane = (order | 0) === order && order >= 0 && order <= 30
    if (sane) out.requested = (1 << order) * this.pageSize
    if (!this.canFill(handle, out)) return
    if (!sane) {
      out.refuse(TOO_LARGE)
      return
    }
    this.takePages(handle, order, out.requested, PAGES, out)
  }

  /**
   * A block of `order` for `handle`, which holds `requested` bytes of it as
   * `kind`; an order past max-order is refused, a failure reported in `out`.
   * A hot path, so written out whole rather than as allocBlock + holdPages.
   */
  takePages(
    handle: number,
    order: number,
    requested: number,
    kind: HandleKindCode,
    out: RequestOutcome
  ): void {
    const zone = this.zone
    if (order > zone.maxOrder) {
      out.refuse(TOO_LARGE)
      return
    }
    const pfn = zone.allocPages(order, PAGES_HEAD, out)
    if (pfn < 0) return
    const page = this.pageSize
    const granted = (1 << order) * page
    this.owners[pfn] = handle
    this.kind[handle] = kind
    this.frame[handle] = pfn
    this.requested[handle] = requested
    const stats = this.stats
    stats[ALLOCATED_LIVE]! += granted
    stats[LIVE_BLOCKS]!++
    const live = stats[REQUESTED_LIVE]! + requested
    stats[REQUESTED_LIVE] = live
    if (live > stats[PEAK_REQUESTED]!) stats[PEAK_REQUESTED] = live
    out.frame = pfn
    out.addr = pfn * page
    out.granted = granted
  }

  /** alloc_pages for `order`, or -1 with the failure in `out` (a realloc's new block, taken before the old goes). */
  allocBlock(order: number, out: RequestOutcome): number {
    if (order > this.zone.maxOrder) {
      out.refuse(TOO_LARGE)
      return -1
    }
    return this.zone.allocPages(order, PAGES_HEAD, out)
  }

  /** Make `handle` hold the page block of `order` at `pfn` (from allocBlock) and count it live. */
  holdPages(
    handle: number,
    pfn: number,
    order: number,
    requested: number,
    kind: HandleKindCode,
    out: RequestOutcome
  ): void {
    const granted = (1 << order) * this.pageSize
    this.owners[pfn] = handle
    this.hold(handle, kind, pfn, requested, granted)
    out.frame = pfn
    out.addr = pfn * this.pageSize
    out.granted = granted
  }

  /** Record what `handle` now holds and count it live (an object's index is the caller's to set). */
  hold(
    handle: number,
    kind: HandleKindCode,
    frame: number,
    requested: number,
    granted: number
  ): void {
    this.kind[handle] = kind
    this.frame[handle] = frame
    this.requested[handle] = requested
    const stats = this.stats
    stats[ALLOCATED_LIVE]! += granted
    stats[LIVE_BLOCKS]!++
    const live = stats[REQUESTED_LIVE]! + requested
    stats[REQUESTED_LIVE] = live
    if (live > stats[PEAK_REQUESTED]!) stats[PEAK_REQUESTED] = live
  }

  /** `handle` now asks for `bytes` of the block it keeps (a realloc that stays in place). */
  resize(handle: number, bytes: number): void {
    const stats = this.stats
    const live = stats[REQUESTED_LIVE]! + bytes - this.requested[handle]!
    stats[REQUESTED_LIVE] = live
    this.requested[handle] = bytes
    if (live > stats[PEAK_REQUESTED]!) stats[PEAK_REQUESTED] = live
  }

  /** Forget what `handle` holds (`granted` bytes of it) and count it gone. */
  drop(handle: number, granted: number): void {
    const stats = this.stats
    stats[REQUESTED_LIVE]! -= this.requested[handle]!
    stats[ALLOCATED_LIVE]! -= granted
    stats[LIVE_BLOCKS]!--
    this.kind[handle] = EMPTY
  }

  /**
   * free_pages of the handle's page block, reported in `out`; refuses a
   * handle that holds nothing. A hot path, so written out whole rather than
   * as describePages + releasePages.
   */
  freePages(handle: number, out: RequestOutcome): void {
    if (handle < 0 || handle >= this.count || this.kind[handle] === EMPTY) {
      out.refuse(HANDLE_EMPTY)
      return
    }
    const pfn = this.frame[handle]!
    const order = this.zone.order[pfn]!
    const page = this.pageSize
    const requested = this.requested[handle]!
    const granted = (1 << order) * page
    out.frame = pfn
    out.addr = pfn * page
    out.requested = requested
    out.granted = granted
    this.zone.freePages(pfn, order, out)
    this.kind[handle] = EMPTY
    const stats = this.stats
    stats[REQUESTED_LIVE]! -= requested
    stats[ALLOCATED_LIVE]! -= granted
    stats[LIVE_BLOCKS]!--
  }

  /** Give the handle's page block back to the zone (merges count in `out`). */
  releasePages(handle: number, out: RequestOutcome): void {
    const pfn = this.frame[handle]!
    const order = this.zone.order[pfn]!
    this.zone.freePages(pfn, order, out)
    this.drop(handle, (1 << order) * this.pageSize)
  }

  /** Fill `out` with the handle's page block: frame, address, requested and granted bytes. */
  describePages(handle: number, out: RequestOutcome): void {
    const pfn = this.frame[handle]!
    out.frame = pfn
    out.addr = pfn * this.pageSize
    out.requested = this.requested[handle]!
    out.granted = (1 << this.zone.order[pfn]!) * this.pageSize
  }

  // --- reporting ------------------------------------------------------------

  /**
   * The metrics a page-frame target reports: pool, free space and free
   * blocks, the largest free block and high water from the zone; the live
   * totals from the table; `metadataBytes` as the target counts them.
   */
  metrics(out: MetricsSnapshot, metadataBytes: number): void {
    const zone = this.zone
    const page = this.pageSize
    const largest = zone.largestFreeOrder()
    out.poolBytes = zone.frames * page
    out.freeBytes = zone.freeFrames * page
    out.freeBlocks = zone.freeBlockCount()
    out.largestFree = largest < 0 ? 0 : 2 ** largest * page
    out.highWater = zone.highWaterFrame * page
    out.requestedLive = this.stats[REQUESTED_LIVE]!
    out.allocatedLive = this.stats[ALLOCATED_LIVE]!
    out.metadataBytes = metadataBytes
    out.peakRequested = this.stats[PEAK_REQUESTED]!
    out.liveBlocks = this.stats[LIVE_BLOCKS]!
  }

  /**
   * The memory map in address order: free blocks, page blocks (requested
   * bytes, then rounding slack) and, through `slab`, whatever a slab holds.
   */
  walk(writer: MapRunWriter, slab?: (pfn: number, start: number, bytes: number) => void): void {
    const page = this.pageSize
    this.zone.forEachBlock((pfn, order, state) => {
      const start = pfn * page
      const bytes = 2 ** order * page
      if (state === FREE_HEAD) {
        writer.addFree(start, bytes)
      } else if (state === PAGES_HEAD || slab === undefined) {
        const handle = this.owners[pfn]!
        writer.addHeld(start, bytes, this.requested[handle]!, handle)
      } else {
        slab(pfn, start, bytes)
      }
    })
    writer.finish()
  }

  // --- invariants -----------------------------------------------------------

  /**
   * Every handle holds a kind its target hands out; every page-block handle
   * owns a Pages block of the zone and every Pages block (`pagesBlocks`, as
   * the zone's check counted them) is held; the live totals match the
   * handles. `objects` are the slab objects the target checked itself.
   */
  check(pagesBlocks: number, objects: HeldTotals = NOTHING_HELD): void {
    let pageHandles = 0
    let requested = objects.requested
    let granted = objects.granted
    for (let handle = 0; handle < this.count; handle++) {
      const kind = this.kind[handle]!
      if (kind === EMPTY) continue
      if ((this.kindMask & (1 << kind)) === 0) {
        throw new InvariantFailure('buddy', 'handleKind', { handle, kind })
      }
      if (kind === OBJECT) continue
      const pfn = this.frame[handle]!
      if (this.zone.state[pfn] !== PAGES_HEAD || this.owners[pfn] !== handle) {
        throw new InvariantFailure('buddy', 'handleOwnsBlock', { handle, frame: pfn })
      }
      pageHandles++
      requested += this.requested[handle]!
      granted += 2 ** this.zone.order[pfn]! * this.pageSize
    }
    if (pageHandles !== pagesBlocks) {
      throw new InvariantFailure('buddy', 'blocksHeld', { blocks: pagesBlocks, held: pageHandles })
    }
    const stats = this.stats
    const live = pageHandles + objects.handles
    if (live !== stats[LIVE_BLOCKS]) {
      throw new InvariantFailure('buddy', 'liveBlocks', {
        held: live,
        counted: stats[LIVE_BLOCKS]!
      })
    }
    if (requested !== stats[REQUESTED_LIVE]) {
      throw new InvariantFailure('buddy', 'requestedBytes', {
        held: requested,
        counted: stats[REQUESTED_LIVE]!
      })
    }
    if (granted !== stats[ALLOCATED_LIVE]) {
      throw new InvariantFailure('buddy', 'allocatedBytes', {
        held: granted,
        counted: stats[ALLOCATED_LIVE]!
      })
    }
  }
}
