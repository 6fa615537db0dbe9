import { Op as ops, type CompiledProgram } from '@shared/scenario/program'
import type { BuddyZone } from '../buddy/buddy-zone'
import { FrameState as frameStates } from '../buddy/frame-state'
import { MapRunWriter } from '../buddy/map-runs'
import { orderForBytes } from '../buddy/page-order'
import { zoneMetrics } from '../buddy/zone-metrics'
import type { SlabinfoRow } from '../final-state'
import type { FramePool } from '../frame-pool'
import {
  InvalidReason as invalidReasons,
  Status as statuses,
  type InvalidReasonCode,
  type RequestOutcome
} from '../outcome'
import {
  InvariantError,
  MapState as mapStates,
  type MapVisitor,
  type MetricsSnapshot,
  type ScenarioTarget
} from '../target'
import { CACHE_STRIDE as cacheStride, CacheField as cacheFields } from './cache-record'
import { SlabAllocator, type SlabConfig } from './slab-allocator'

// Local copies of imported constants: a CommonJS build (tsx, the bench) reads an imported
// binding through a getter on every access, which the hot path cannot afford.
const Op = { ...ops }
const InvalidReason = { ...invalidReasons }
const Status = { ...statuses }
const FrameState = { ...frameStates }
const CacheField = { ...cacheFields }
const CACHE_STRIDE = cacheStride
const MapState = { ...mapStates }

/** Float64 words of run statistics kept in the pool. */
const Stat = {
  REQUESTED_LIVE: 0,
  ALLOCATED_LIVE: 1,
  PEAK_REQUESTED: 2,
  LIVE_BLOCKS: 3
} as const
const STAT_WORDS = 4

/** What a handle holds. */
const HandleKind = {
  Empty: 0,
  /** Pages from alloc_pages. */
  Pages: 1,
  /** A kmalloc too large for the general caches, served by the buddy. */
  LargeKmalloc: 2,
  /** An object in a slab (kmalloc or kmem_cache_alloc). */
  Object: 3
} as const

/**
 * The slab family as a scenario target: byte requests are kmalloc, object
 * requests are kmem_cache_alloc on the scenario's caches, page requests go
 * straight to the buddy underneath, and frees follow whatever the handle holds.
 */
export class SlabTarget implements ScenarioTarget {
  readonly family = 'slab'
  readonly slab: SlabAllocator
  readonly zone: BuddyZone
  readonly pageSize: number
  private readonly handleKind: Uint8Array
  /** Head frame of the block or slab the handle holds. */
  private readonly handleFrame: Int32Array
  /** Object index inside the slab. */
  private readonly handleIndex: Int32Array
  private readonly handleRequested: Float64Array
  private readonly stats: Float64Array
  private readonly handleCount: number

  static regionBytes(config: SlabConfig, program: CompiledProgram): number[] {
    const handles = program.handles.length
    return [
      ...SlabAllocator.regionBytes(config, program),
      STAT_WORDS * 8,
      handles,
      handles * 4,
      handles * 4,
      handles * 8
    ]
  }

  constructor(pool: FramePool, config: SlabConfig, program: CompiledProgram, fresh: boolean) {
    this.slab = new SlabAllocator(pool, config, program, fresh)
    this.zone = this.slab.zone
    this.pageSize = config.pageSize
    this.stats = pool.float64(STAT_WORDS)
    this.handleCount = program.handles.length
    this.handleKind = pool.uint8(this.handleCount)
    this.handleFrame = pool.int32(this.handleCount)
    this.handleIndex = pool.int32(this.handleCount)
    this.handleRequested = pool.float64(this.handleCount)
  }

  execute(op: number, handle: number, aux: number, size: number, out: RequestOutcome): void {
    out.reset()
    switch (op) {
      case Op.Alloc:
      case Op.Kmalloc:
        this.kmalloc(handle, size, out)
        return
      case Op.Realloc:
        this.krealloc(handle, size, out)
        return
      case Op.PageAlloc:
        this.allocPages(handle, size, out)
        return
      case Op.Free:
      case Op.Kfree:
      case Op.PageFree:
        this.free(handle, out)
        return
      case Op.CacheCreate:
        this.createCache(aux, out)
        return
      case Op.CacheAlloc:
        this.cacheAlloc(handle, aux, out)
        return
      case Op.CacheFree:
        this.cacheFree(handle, aux, out)
        return
      case Op.CacheShrink:
        this.shrinkCache(aux, out)
        return
      case Op.CacheDestroy:
        this.destroyCache(aux, out)
        return
      default:
        invalid(out, InvalidReason.WrongKind)
    }
  }

  // --- requests -------------------------------------------------------------

  private kmalloc(handle: number, bytes: number, out: RequestOutcome): void {
    out.requested = bytes
    if (!this.canFill(handle, out)) return
    const cache = this.slab.kmallocCache(bytes)
    if (cache >= 0) this.takeObject(handle, cache, bytes, out)
    else
      this.takePages(
        handle,
        orderForBytes(bytes, this.pageSize),
        bytes,
        HandleKind.LargeKmalloc,
        out
      )
  }

  private allocPages(handle: number, order: number, out: RequestOutcome): void {
    const sane = (order | 0) === order && order >= 0 && order <= 30
    if (sane) out.requested = (1 << order) * this.pageSize
    if (!this.canFill(handle, out)) return
    if (!sane) {
      invalid(out, InvalidReason.TooLarge)
      return
    }
    this.takePages(handle, order, out.requested, HandleKind.Pages, out)
  }

  private cacheAlloc(handle: number, cache: number, out: RequestOutcome): void {
    if (!this.isScenarioCache(cache)) {
      invalid(out, InvalidReason.UnknownCache)
      return
    }
    out.requested = this.slab.field(cache, CacheField.OBJECT_SIZE)
    if (!this.canFill(handle, out)) return
    this.takeObject(handle, cache, out.requested, out)
  }

  private free(handle: number, out: RequestOutcome): void {
    if (!this.holds(handle)) {
      invalid(out, InvalidReason.HandleEmpty)
      return
    }
    const frame = this.handleFrame[handle]!
    if (this.handleKind[handle] === HandleKind.Object) {
      // kfree finds the cache from the frame record, as virt_to_cache does.
      this.freeObject(handle, frame, this.slab.frameCache[frame]!, out)
    } else {
      this.describe(handle, out)
      this.release(handle, out)
    }
  }

  /** kmem_cache_free: only an object, and only to the cache that owns it when one is named. */
  private cacheFree(handle: number, cache: number, out: RequestOutcome): void {
    if (!this.holds(handle)) {
      invalid(out, InvalidReason.HandleEmpty)
      return
    }
    const frame = this.handleFrame[handle]!
    const owner = this.slab.frameCache[frame]!
    if (this.handleKind[handle] !== HandleKind.Object || (cache >= 0 && cache !== owner)) {
      invalid(out, InvalidReason.WrongKind)
      return
    }
    this.freeObject(handle, frame, owner, out)
  }

  /** Return the handle's object to `cache` and report what it held. */
  private freeObject(handle: number, frame: number, cache: number, out: RequestOutcome): void {
    const index = this.handleIndex[handle]!
    const requested = this.handleRequested[handle]!
    const granted = this.slab.caches[cache * CACHE_STRIDE + CacheField.BUFFER_SIZE]!
    out.frame = frame
    out.addr = this.slab.objectAddress(cache, frame, index)
    out.requested = requested
    out.granted = granted
    this.slab.cacheFree(cache, frame, index)
    this.stats[Stat.REQUESTED_LIVE]! -= requested
    this.stats[Stat.ALLOCATED_LIVE]! -= granted
    this.stats[Stat.LIVE_BLOCKS]!--
    this.handleKind[handle] = HandleKind.Empty
    this.handleRequested[handle] = 0
  }

  private createCache(cache: number, out: RequestOutcome): void {
    const reason = this.slab.createCache(cache)
    if (reason !== InvalidReason.None) invalid(out, reason)
  }

  private shrinkCache(cache: number, out: RequestOutcome): void {
    if (!this.isScenarioCache(cache)) invalid(out, InvalidReason.UnknownCache)
    else this.slab.shrink(cache, out)
  }

  private destroyCache(cache: number, out: RequestOutcome): void {
    if (!this.isScenarioCache(cache)) {
      invalid(out, InvalidReason.UnknownCache)
      return
    }
    const reason = this.slab.destroyCache(cache, out)
    if (reason !== InvalidReason.None) invalid(out, reason)
  }

  /**
   * krealloc: stays in place while the new size falls in the same class (the
   * same general cache, or the same page order); otherwise a new block, a
   * copy and a free of the old one, which survives a failed allocation.
   */
  private krealloc(handle: number, bytes: number, out: RequestOutcome): void {
    if (handle < 0 || handle >= this.handleCount) {
      invalid(out, InvalidReason.HandleEmpty)
      return
    }
    if (this.handleKind[handle] === HandleKind.Empty) {
      this.kmalloc(handle, bytes, out)
      return
    }
    out.requested = bytes
    const kind = this.handleKind[handle]!
    const frame = this.handleFrame[handle]!
    const oldRequested = this.handleRequested[handle]!
    const cache = this.slab.kmallocCache(bytes)
    const order = orderForBytes(bytes, this.pageSize)
    const sameClass =
      kind === HandleKind.Object
        ? cache === this.slab.frameCache[frame]
        : cache < 0 && order === this.zone.order[frame]
    if (sameClass) {
      this.handleRequested[handle] = bytes
      this.addRequested(bytes - oldRequested)
      this.describe(handle, out)
      out.requested = bytes
      return
    }
    let slab = -1
    let pfn = -1
    if (cache >= 0) {
      slab = this.slab.cacheAlloc(cache, out)
      if (slab < 0) return
    } else {
      pfn = this.pagesFromZone(order, out)
      if (pfn < 0) return
    }
    const index = this.slab.allocatedIndex
    this.release(handle, out)
    if (slab >= 0) this.recordObject(handle, cache, slab, index, bytes, out)
    else this.recordPages(handle, pfn, bytes, HandleKind.LargeKmalloc, out)
    out.copied = Math.min(oldRequested, bytes)
  }

  // --- steps ----------------------------------------------------------------

  private isScenarioCache(cache: number): boolean {
    return cache >= 0 && cache < this.slab.generalBase && this.slab.isLive(cache)
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

  private holds(handle: number): boolean {
    return handle >= 0 && handle < this.handleCount && this.handleKind[handle] !== HandleKind.Empty
  }

  private takeObject(handle: number, cache: number, requested: number, out: RequestOutcome): void {
    const slab = this.slab.cacheAlloc(cache, out)
    if (slab >= 0) this.recordObject(handle, cache, slab, this.slab.allocatedIndex, requested, out)
  }

  private takePages(
    handle: number,
    order: number,
    requested: number,
    kind: number,
    out: RequestOutcome
  ): void {
    const pfn = this.pagesFromZone(order, out)
    if (pfn >= 0) this.recordPages(handle, pfn, requested, kind, out)
  }

  private pagesFromZone(order: number, out: RequestOutcome): number {
    if (order > this.zone.maxOrder) {
      invalid(out, InvalidReason.TooLarge)
      return -1
    }
    const pfn = this.zone.allocPages(order, FrameState.Pages, out)
    if (pfn < 0) out.status = this.zone.failureStatus(order)
    return pfn
  }

  private recordObject(
    handle: number,
    cache: number,
    slab: number,
    index: number,
    requested: number,
    out: RequestOutcome
  ): void {
    const granted = this.slab.caches[cache * CACHE_STRIDE + CacheField.BUFFER_SIZE]!
    this.handleKind[handle] = HandleKind.Object
    this.handleFrame[handle] = slab
    this.handleIndex[handle] = index
    this.handleRequested[handle] = requested
    this.countLive(granted, requested)
    out.frame = slab
    out.addr = this.slab.objectAddress(cache, slab, index)
    out.granted = granted
  }

  private recordPages(
    handle: number,
    pfn: number,
    requested: number,
    kind: number,
    out: RequestOutcome
  ): void {
    const granted = (1 << this.zone.order[pfn]!) * this.pageSize
    this.slab.slabFree[pfn] = handle // the page block's owner, in the union word of its head frame
    this.handleKind[handle] = kind
    this.handleFrame[handle] = pfn
    this.handleIndex[handle] = 0
    this.handleRequested[handle] = requested
    this.countLive(granted, requested)
    out.frame = pfn
    out.addr = pfn * this.pageSize
    out.granted = granted
  }

  private countLive(granted: number, requested: number): void {
    this.stats[Stat.ALLOCATED_LIVE]! += granted
    this.stats[Stat.LIVE_BLOCKS]!++
    this.addRequested(requested)
  }

  private addRequested(bytes: number): void {
    const stats = this.stats
    stats[Stat.REQUESTED_LIVE]! += bytes
    if (stats[Stat.REQUESTED_LIVE]! > stats[Stat.PEAK_REQUESTED]!) {
      stats[Stat.PEAK_REQUESTED] = stats[Stat.REQUESTED_LIVE]!
    }
  }

  /** kfree / kmem_cache_free / free_pages, whichever the handle's block needs. */
  private release(handle: number, out: RequestOutcome): void {
    const frame = this.handleFrame[handle]!
    let granted: number
    if (this.handleKind[handle] === HandleKind.Object) {
      // kfree finds the cache from the frame record, as virt_to_cache does.
      const cache = this.slab.frameCache[frame]!
      granted = this.slab.caches[cache * CACHE_STRIDE + CacheField.BUFFER_SIZE]!
      this.slab.cacheFree(cache, frame, this.handleIndex[handle]!)
    } else {
      const order = this.zone.order[frame]!
      granted = (1 << order) * this.pageSize
      this.zone.freePages(frame, order, out)
    }
    this.stats[Stat.REQUESTED_LIVE]! -= this.handleRequested[handle]!
    this.stats[Stat.ALLOCATED_LIVE]! -= granted
    this.stats[Stat.LIVE_BLOCKS]!--
    this.handleKind[handle] = HandleKind.Empty
    this.handleRequested[handle] = 0
  }

  /** Fill `out` with what the handle holds now: frame, address, requested and granted bytes. */
  private describe(handle: number, out: RequestOutcome): void {
    const frame = this.handleFrame[handle]!
    out.frame = frame
    out.requested = this.handleRequested[handle]!
    if (this.handleKind[handle] === HandleKind.Object) {
      const cache = this.slab.frameCache[frame]!
      out.addr = this.slab.objectAddress(cache, frame, this.handleIndex[handle]!)
      out.granted = this.slab.caches[cache * CACHE_STRIDE + CacheField.BUFFER_SIZE]!
    } else {
      out.addr = frame * this.pageSize
      out.granted = (1 << this.zone.order[frame]!) * this.pageSize
    }
  }

  private grantedBytes(handle: number): number {
    const frame = this.handleFrame[handle]!
    if (this.handleKind[handle] === HandleKind.Object) {
      return this.slab.field(this.slab.frameCache[frame]!, CacheField.BUFFER_SIZE)
    }
    return (1 << this.zone.order[frame]!) * this.pageSize
  }

  private addressOf(handle: number): number {
    const frame = this.handleFrame[handle]!
    if (this.handleKind[handle] === HandleKind.Object) {
      return this.slab.objectAddress(this.slab.frameCache[frame]!, frame, this.handleIndex[handle]!)
    }
    return frame * this.pageSize
  }

  // --- reporting ------------------------------------------------------------

  metrics(out: MetricsSnapshot): void {
    zoneMetrics(this.zone, this.pageSize, out)
    out.requestedLive = this.stats[Stat.REQUESTED_LIVE]!
    out.allocatedLive = this.stats[Stat.ALLOCATED_LIVE]!
    out.metadataBytes = this.slab.metadataBytes()
    out.peakRequested = this.stats[Stat.PEAK_REQUESTED]!
    out.liveBlocks = this.stats[Stat.LIVE_BLOCKS]!
  }

  /** Free blocks per order of the buddy underneath, index = order (/proc/buddyinfo). */
  buddyinfo(): number[] {
    return this.zone.buddyInfo()
  }

  /** One row per live cache, newest first (/proc/slabinfo). */
  slabinfo(): SlabinfoRow[] {
    return this.slab.slabinfo()
  }

  check(): void {
    this.slab.check()
    const slabFreeMarks = new Map<number, Uint8Array>()
    const handlesPerSlab = new Map<number, number>()
    const objectsSeen = new Set<number>()
    let pageBlocks = 0
    let live = 0
    let requested = 0
    let allocated = 0
    for (let handle = 0; handle < this.handleCount; handle++) {
      const kind = this.handleKind[handle]!
      if (kind === HandleKind.Empty) continue
      const frame = this.handleFrame[handle]!
      if (kind === HandleKind.Object) {
        if (this.zone.state[frame] !== FrameState.Slab)
          fail('objects live in slabs', `handle ${handle}, frame ${frame}`)
        const cache = this.slab.frameCache[frame]!
        const index = this.handleIndex[handle]!
        if (
          !this.slab.isLive(cache) ||
          index < 0 ||
          index >= this.slab.field(cache, CacheField.NUM)
        ) {
          fail('objects live in slabs', `handle ${handle}, frame ${frame}, object ${index}`)
        }
        let marks = slabFreeMarks.get(frame)
        if (marks === undefined) {
          marks = this.slab.freeObjects(frame)
          slabFreeMarks.set(frame, marks)
        }
        if (marks[index] === 1)
          fail('held objects are not free', `handle ${handle}, frame ${frame}, object ${index}`)
        const address = this.addressOf(handle)
        if (objectsSeen.has(address))
          fail('one handle per object', `handle ${handle}, address ${address}`)
        objectsSeen.add(address)
        handlesPerSlab.set(frame, (handlesPerSlab.get(frame) ?? 0) + 1)
      } else {
        if (this.zone.state[frame] !== FrameState.Pages || this.slab.slabFree[frame] !== handle) {
          fail('handles own their page blocks', `handle ${handle}, frame ${frame}`)
        }
        pageBlocks++
      }
      live++
      requested += this.handleRequested[handle]!
      allocated += this.grantedBytes(handle)
    }
    for (const [frame, count] of handlesPerSlab) {
      if (count !== this.slab.slabInuse[frame]) {
        fail(
          'objects in use are held',
          `slab at frame ${frame}: ${this.slab.slabInuse[frame]} in use, ${count} held`
        )
      }
    }
    let active = 0
    for (const row of this.slab.slabinfo()) active += row.activeObjs
    if (active !== objectsSeen.size)
      fail('objects in use are held', `${active} in use, ${objectsSeen.size} held`)
    let zoneBlocks = 0
    this.zone.forEachBlock((_pfn, _order, state) => {
      if (state === FrameState.Pages) zoneBlocks++
    })
    if (zoneBlocks !== pageBlocks)
      fail('page blocks are held', `${zoneBlocks} blocks, ${pageBlocks} held`)
    if (live !== this.stats[Stat.LIVE_BLOCKS] || requested !== this.stats[Stat.REQUESTED_LIVE]) {
      fail(
        'live counters match the handles',
        `${live} handles, ${this.stats[Stat.LIVE_BLOCKS]} counted`
      )
    }
    if (allocated !== this.stats[Stat.ALLOCATED_LIVE]) {
      fail(
        'allocated bytes match the handles',
        `${allocated} held, ${this.stats[Stat.ALLOCATED_LIVE]} counted`
      )
    }
  }

  /**
   * The memory map: free blocks, page blocks (requested bytes, then rounding
   * slack), and slabs laid out as colour padding, on-slab management, the
   * objects (used, or free and still constructed) and the left-over tail.
   * O(blocks + live objects): runs of free objects are reported whole.
   */
  walk(visit: MapVisitor): void {
    const writer = new MapRunWriter(visit)
    const page = this.pageSize
    const slab = this.slab
    const objectHandles: number[] = []
    for (let handle = 0; handle < this.handleCount; handle++) {
      if (this.handleKind[handle] === HandleKind.Object) objectHandles.push(handle)
    }
    const addresses = new Float64Array(this.handleCount)
    for (const handle of objectHandles) addresses[handle] = this.addressOf(handle)
    objectHandles.sort((a, b) => addresses[a]! - addresses[b]!)
    let nextHeld = 0
    this.zone.forEachBlock((pfn, order, state) => {
      const start = pfn * page
      const bytes = 2 ** order * page
      if (state === FrameState.Free) {
        writer.addFree(start, bytes)
      } else if (state === FrameState.Pages) {
        const handle = slab.slabFree[pfn]!
        writer.addHeld(start, bytes, this.handleRequested[handle]!, handle)
      } else {
        const cache = slab.frameCache[pfn]!
        const stride = slab.field(cache, CacheField.BUFFER_SIZE)
        const objects = slab.field(cache, CacheField.NUM)
        const colour = slab.slabColour[pfn]! * slab.field(cache, CacheField.COLOUR_OFFSET)
        const management =
          slab.field(cache, CacheField.OFF_SLAB) === 1
            ? 0
            : slab.field(cache, CacheField.MANAGEMENT_BYTES)
        const first = start + colour + management
        writer.add(start, colour, MapState.Slack, -1)
        writer.add(start + colour, management, MapState.Overhead, -1)
        let index = 0
        while (
          nextHeld < objectHandles.length &&
          this.handleFrame[objectHandles[nextHeld]!] === pfn
        ) {
          const handle = objectHandles[nextHeld++]!
          const held = this.handleIndex[handle]!
          writer.add(first + index * stride, (held - index) * stride, MapState.CachedObject, -1)
          writer.addHeld(first + held * stride, stride, this.handleRequested[handle]!, handle)
          index = held + 1
        }
        writer.add(first + index * stride, (objects - index) * stride, MapState.CachedObject, -1)
        const end = first + objects * stride
        writer.add(end, start + bytes - end, MapState.Slack, -1)
      }
    })
    writer.finish()
  }
}

function invalid(out: RequestOutcome, reason: InvalidReasonCode): void {
  out.status = Status.Invalid
  out.invalidReason = reason
}

function fail(rule: string, detail: string): never {
  throw new InvariantError(`slab: ${rule}: ${detail}`)
}
