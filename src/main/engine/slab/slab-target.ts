import { Op as ops, type CompiledProgram } from '@shared/scenario/program'
import type { BuddyZone } from '../buddy/buddy-zone'
import { FrameState as frameStates } from '../buddy/frame-state'
import { MapRunWriter } from '../buddy/map-runs'
import { orderForBytes } from '../buddy/page-order'
import { HandleKind as handleKinds, PageHandleTable } from '../buddy/page-handle-table'
import type { SlabinfoRow } from '../final-state'
import type { FramePool } from '../frame-pool'
import { InvariantFailure } from '../invariant-failure'
import { InvalidReason as invalidReasons, type RequestOutcome } from '../outcome'
import {
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
const FrameState = { ...frameStates }
const HandleKind = { ...handleKinds }
const CacheField = { ...cacheFields }
const CACHE_STRIDE = cacheStride
const MapState = { ...mapStates }

/**
 * The slab family as a scenario target: byte requests are kmalloc, object
 * requests are kmem_cache_alloc on the scenario's caches, page requests go
 * straight to the buddy underneath, and frees follow whatever the handle holds.
 * Page blocks are kept by the handle table the buddy target uses too; a page
 * block's owner goes in the union word of its head frame's record.
 */
export class SlabTarget implements ScenarioTarget {
  readonly family = 'slab'
  readonly slab: SlabAllocator
  readonly zone: BuddyZone
  readonly pageSize: number
  private readonly handles: PageHandleTable

  static regionBytes(config: SlabConfig, program: CompiledProgram): number[] {
    return [
      ...SlabAllocator.regionBytes(config, program),
      ...PageHandleTable.regionBytes(program.handles.length)
    ]
  }

  constructor(pool: FramePool, config: SlabConfig, program: CompiledProgram, fresh: boolean) {
    this.slab = new SlabAllocator(pool, config, program, fresh)
    this.zone = this.slab.zone
    this.pageSize = config.pageSize
    this.handles = new PageHandleTable(
      pool,
      program.handles.length,
      this.zone,
      config.pageSize,
      this.slab.slabFree,
      [HandleKind.Pages, HandleKind.LargeKmalloc, HandleKind.Object]
    )
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
        this.handles.allocOrder(handle, size, out)
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
        out.refuse(InvalidReason.WrongKind)
    }
  }

  // --- requests -------------------------------------------------------------

  private kmalloc(handle: number, bytes: number, out: RequestOutcome): void {
    out.requested = bytes
    if (!this.handles.canFill(handle, out)) return
    const cache = this.slab.kmallocCache(bytes)
    if (cache >= 0) this.takeObject(handle, cache, bytes, out)
    else {
      const order = orderForBytes(bytes, this.pageSize)
      this.handles.takePages(handle, order, bytes, HandleKind.LargeKmalloc, out)
    }
  }

  private cacheAlloc(handle: number, cache: number, out: RequestOutcome): void {
    if (!this.isScenarioCache(cache)) {
      out.refuse(InvalidReason.UnknownCache)
      return
    }
    out.requested = this.slab.field(cache, CacheField.OBJECT_SIZE)
    if (!this.handles.canFill(handle, out)) return
    this.takeObject(handle, cache, out.requested, out)
  }

  private free(handle: number, out: RequestOutcome): void {
    const handles = this.handles
    if (handles.holds(handle) && handles.kind[handle] === HandleKind.Object) {
      // kfree finds the cache from the frame record, as virt_to_cache does.
      const frame = handles.frame[handle]!
      this.freeObject(handle, frame, this.slab.frameCache[frame]!, out)
    } else {
      handles.freePages(handle, out)
    }
  }

  /** kmem_cache_free: only an object, and only to the cache that owns it when one is named. */
  private cacheFree(handle: number, cache: number, out: RequestOutcome): void {
    const handles = this.handles
    if (!handles.holds(handle)) {
      out.refuse(InvalidReason.HandleEmpty)
      return
    }
    const frame = handles.frame[handle]!
    const owner = this.slab.frameCache[frame]!
    if (handles.kind[handle] !== HandleKind.Object || (cache >= 0 && cache !== owner)) {
      out.refuse(InvalidReason.WrongKind)
      return
    }
    this.freeObject(handle, frame, owner, out)
  }

  /** Return the handle's object to `cache` and report what it held. */
  private freeObject(handle: number, frame: number, cache: number, out: RequestOutcome): void {
    const handles = this.handles
    const index = handles.index[handle]!
    const granted = this.slab.caches[cache * CACHE_STRIDE + CacheField.BUFFER_SIZE]!
    out.frame = frame
    out.addr = this.slab.objectAddress(cache, frame, index)
    out.requested = handles.requested[handle]!
    out.granted = granted
    this.slab.cacheFree(cache, frame, index)
    handles.drop(handle, granted)
  }

  private createCache(cache: number, out: RequestOutcome): void {
    const reason = this.slab.createCache(cache)
    if (reason !== InvalidReason.None) out.refuse(reason)
  }

  private shrinkCache(cache: number, out: RequestOutcome): void {
    if (!this.isScenarioCache(cache)) out.refuse(InvalidReason.UnknownCache)
    else this.slab.shrink(cache, out)
  }

  private destroyCache(cache: number, out: RequestOutcome): void {
    if (!this.isScenarioCache(cache)) {
      out.refuse(InvalidReason.UnknownCache)
      return
    }
    const reason = this.slab.destroyCache(cache, out)
    if (reason !== InvalidReason.None) out.refuse(reason)
  }

  /**
   * krealloc: stays in place while the new size falls in the same class (the
   * same general cache, or the same page order); otherwise a new block, a
   * copy and a free of the old one, which survives a failed allocation.
   */
  private krealloc(handle: number, bytes: number, out: RequestOutcome): void {
    const handles = this.handles
    if (handle < 0 || handle >= handles.count) {
      out.refuse(InvalidReason.HandleEmpty)
      return
    }
    if (!handles.holds(handle)) {
      this.kmalloc(handle, bytes, out)
      return
    }
    const frame = handles.frame[handle]!
    const oldRequested = handles.requested[handle]!
    const cache = this.slab.kmallocCache(bytes)
    const order = orderForBytes(bytes, this.pageSize)
    const sameClass =
      handles.kind[handle] === HandleKind.Object
        ? cache === this.slab.frameCache[frame]
        : cache < 0 && order === this.zone.order[frame]
    if (sameClass) {
      handles.resize(handle, bytes)
      this.describe(handle, out)
      return
    }
    out.requested = bytes
    let slab = -1
    let pfn = -1
    if (cache >= 0) {
      slab = this.slab.cacheAlloc(cache, out)
      if (slab < 0) return
    } else {
      pfn = handles.allocBlock(order, out)
      if (pfn < 0) return
    }
    const index = this.slab.allocatedIndex
    this.release(handle, out)
    if (slab >= 0) this.holdObject(handle, cache, slab, index, bytes, out)
    else handles.holdPages(handle, pfn, order, bytes, HandleKind.LargeKmalloc, out)
    out.copied = Math.min(oldRequested, bytes)
  }

  // --- steps ----------------------------------------------------------------

  private isScenarioCache(cache: number): boolean {
    return cache >= 0 && cache < this.slab.generalBase && this.slab.isLive(cache)
  }

  private takeObject(handle: number, cache: number, requested: number, out: RequestOutcome): void {
    const slab = this.slab.cacheAlloc(cache, out)
    if (slab >= 0) this.holdObject(handle, cache, slab, this.slab.allocatedIndex, requested, out)
  }

  private holdObject(
    handle: number,
    cache: number,
    slab: number,
    index: number,
    requested: number,
    out: RequestOutcome
  ): void {
    const granted = this.slab.caches[cache * CACHE_STRIDE + CacheField.BUFFER_SIZE]!
    this.handles.hold(handle, HandleKind.Object, slab, requested, granted)
    this.handles.index[handle] = index
    out.frame = slab
    out.addr = this.slab.objectAddress(cache, slab, index)
    out.granted = granted
  }

  /** kfree / kmem_cache_free / free_pages, whichever the handle's block needs. */
  private release(handle: number, out: RequestOutcome): void {
    const handles = this.handles
    if (handles.kind[handle] !== HandleKind.Object) {
      handles.releasePages(handle, out)
      return
    }
    // kfree finds the cache from the frame record, as virt_to_cache does.
    const frame = handles.frame[handle]!
    const cache = this.slab.frameCache[frame]!
    this.slab.cacheFree(cache, frame, handles.index[handle]!)
    handles.drop(handle, this.slab.caches[cache * CACHE_STRIDE + CacheField.BUFFER_SIZE]!)
  }

  /** Fill `out` with what the handle holds now: frame, address, requested and granted bytes. */
  private describe(handle: number, out: RequestOutcome): void {
    const handles = this.handles
    if (handles.kind[handle] !== HandleKind.Object) {
      handles.describePages(handle, out)
      return
    }
    const frame = handles.frame[handle]!
    const cache = this.slab.frameCache[frame]!
    out.frame = frame
    out.addr = this.slab.objectAddress(cache, frame, handles.index[handle]!)
    out.requested = handles.requested[handle]!
    out.granted = this.slab.field(cache, CacheField.BUFFER_SIZE)
  }

  /** Byte offset of the object a handle holds. */
  private objectAddressOf(handle: number): number {
    const frame = this.handles.frame[handle]!
    return this.slab.objectAddress(this.slab.frameCache[frame]!, frame, this.handles.index[handle]!)
  }

  // --- reporting ------------------------------------------------------------

  metrics(out: MetricsSnapshot): void {
    this.handles.metrics(out, this.slab.metadataBytes())
  }

  /** Free blocks per order of the buddy underneath, index = order (/proc/buddyinfo). */
  buddyinfo(): number[] {
    return this.zone.buddyInfo()
  }

  /** One row per live cache, newest first (/proc/slabinfo). */
  slabinfo(): SlabinfoRow[] {
    return this.slab.slabinfo()
  }

  /**
   * The slab layer's invariants, then every object handle's: its object is
   * in a live slab of its cache, not on the free chain, held by it alone,
   * and each slab's objects in use are exactly the ones held; then the page
   * blocks and the totals, as the handle table checks them.
   */
  check(): void {
    const { pagesBlocks } = this.slab.check()
    const handles = this.handles
    const slab = this.slab
    const slabFreeMarks = new Map<number, Uint8Array>()
    const handlesPerSlab = new Map<number, number>()
    const objectsSeen = new Set<number>()
    let requested = 0
    let granted = 0
    for (let handle = 0; handle < handles.count; handle++) {
      if (handles.kind[handle] !== HandleKind.Object) continue
      const frame = handles.frame[handle]!
      const index = handles.index[handle]!
      const cache = slab.frameCache[frame]!
      if (
        this.zone.state[frame] !== FrameState.Slab ||
        !slab.isLive(cache) ||
        index < 0 ||
        index >= slab.field(cache, CacheField.NUM)
      ) {
        throw new InvariantFailure('slab', 'objectInSlab', { handle, frame, object: index })
      }
      let marks = slabFreeMarks.get(frame)
      if (marks === undefined) {
        marks = slab.freeObjects(frame)
        slabFreeMarks.set(frame, marks)
      }
      if (marks[index] === 1) {
        throw new InvariantFailure('slab', 'heldObjectFree', { handle, frame, object: index })
      }
      const addr = this.objectAddressOf(handle)
      if (objectsSeen.has(addr)) {
        throw new InvariantFailure('slab', 'objectHeldOnce', { handle, addr })
      }
      objectsSeen.add(addr)
      handlesPerSlab.set(frame, (handlesPerSlab.get(frame) ?? 0) + 1)
      requested += handles.requested[handle]!
      granted += slab.field(cache, CacheField.BUFFER_SIZE)
    }
    for (const [frame, held] of handlesPerSlab) {
      if (held !== slab.slabInuse[frame]) {
        throw new InvariantFailure('slab', 'slabObjectsHeld', {
          frame,
          inuse: slab.slabInuse[frame]!,
          held
        })
      }
    }
    let inuse = 0
    for (const row of slab.slabinfo()) inuse += row.activeObjs
    if (inuse !== objectsSeen.size) {
      throw new InvariantFailure('slab', 'objectsHeld', { inuse, held: objectsSeen.size })
    }
    handles.check(pagesBlocks, { handles: objectsSeen.size, requested, granted })
  }

  /**
   * The memory map: free blocks, page blocks (requested bytes, then rounding
   * slack), and slabs laid out as colour padding, on-slab management, the
   * objects (used, or free and still constructed) and the left-over tail.
   * O(blocks + live objects): runs of free objects are reported whole.
   */
  walk(visit: MapVisitor): void {
    const writer = new MapRunWriter(visit)
    const handles = this.handles
    const slab = this.slab
    const objectHandles: number[] = []
    for (let handle = 0; handle < handles.count; handle++) {
      if (handles.kind[handle] === HandleKind.Object) objectHandles.push(handle)
    }
    const addresses = new Float64Array(handles.count)
    for (const handle of objectHandles) addresses[handle] = this.objectAddressOf(handle)
    objectHandles.sort((a, b) => addresses[a]! - addresses[b]!)
    let nextHeld = 0
    handles.walk(writer, (pfn, start, bytes) => {
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
      while (nextHeld < objectHandles.length && handles.frame[objectHandles[nextHeld]!] === pfn) {
        const handle = objectHandles[nextHeld++]!
        const held = handles.index[handle]!
        writer.add(first + index * stride, (held - index) * stride, MapState.CachedObject, -1)
        writer.addHeld(first + held * stride, stride, handles.requested[handle]!, handle)
        index = held + 1
      }
      writer.add(first + index * stride, (objects - index) * stride, MapState.CachedObject, -1)
      const end = first + objects * stride
      writer.add(end, start + bytes - end, MapState.Slack, -1)
    })
  }
}
