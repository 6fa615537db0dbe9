import {
  CODE_STRIDE as codeStride,
  Op as ops,
  type CacheSpec,
  type CompiledProgram
} from '@shared/scenario/program'
import { BuddyZone, type ZoneCounts } from '../buddy/buddy-zone'
import type { FrameGeometry } from '../buddy/frame-options'
import { FrameState as frameStates } from '../buddy/frame-state'
import type { SlabinfoRow } from '../final-state'
import type { FramePool } from '../frame-pool'
import { InvariantFailure } from '../invariant-failure'
import {
  InvalidReason as invalidReasons,
  type InvalidReasonCode,
  type RequestOutcome
} from '../outcome'
import {
  carveLayout,
  float64,
  int32,
  layoutBytes,
  layoutRegionBytes,
  uint16
} from '../region-layout'
import {
  CACHE_STRIDE as cacheStride,
  COST_STRIDE as costStride,
  CacheField as cacheFields,
  CostField as costFields,
  ListField as listFields,
  NO_CACHE as noCache,
  SLAB_LIST_FIELDS as slabListFields,
  SlabList as slabLists,
  type SlabListCode
} from './cache-record'
import { MIN_OBJECT_ALIGN, slabGeometry, type SlabGeometry } from './cache-estimate'
import { KMALLOC_SIZES, kmallocCacheName, kmallocIndex } from './kmalloc-sizes'

// Local copies of imported constants: a CommonJS build (tsx, the bench) reads an imported
// binding through a getter on every access, which the hot path cannot afford.
const CODE_STRIDE = codeStride
const Op = { ...ops }
const CACHE_STRIDE = cacheStride
const COST_STRIDE = costStride
const SLAB_LIST_FIELDS = slabListFields
const NO_CACHE = noCache
const CacheField = { ...cacheFields }
const CostField = { ...costFields }
const ListField = { ...listFields }
const SlabList = { ...slabLists }
const FrameState = { ...frameStates }
const InvalidReason = { ...invalidReasons }

/**
 * Bonwick's slab allocator as Linux's SLAB built it, over a buddy zone.
 *
 * The cache chain is a table of kmem_cache records (see cache-record.ts):
 * the caches a scenario names take ids 0..n-1, the kmalloc general caches
 * follow. A slab is one buddy block; its head frame's record doubles as the
 * slab descriptor (objects in use, bufctl free chain, colour), its list links
 * thread the cache's full/partial/empty lists, and every frame of the slab
 * names the owning cache, so kfree finds the cache from any address.
 *
 * The bufctl free chain of a slab is one Int32 at its head frame:
 *   >= 0      a node of the bufctl pool: nodeObject[n] is free, nodeNext[n] goes on;
 *   -(k + 1)  objects k..num-1, never handed out, follow in address order.
 * This is exactly the chain Linux keeps (initially 0 -> 1 -> ... -> num-1,
 * a freed object pushed on the front), without an array entry per object:
 * only objects freed since their slab was made need a node.
 */
export interface SlabConfig extends FrameGeometry {
  readonly cacheLine: number
  readonly colouring: boolean
}

/** The slab lists by SlabList code, as Linux's kmem_cache_node names them. */
const LIST_NAMES = ['slabs_full', 'slabs_partial', 'slabs_free'] as const

/** Int32 words of slab-layer state. */
const SlabWord = {
  /** First free node of the bufctl pool, or -1. */
  FREE_NODE: 0,
  /** Creation number the next cache gets. */
  NEXT_SEQ: 1
} as const
const SLAB_WORDS = 2

/** Float64 words. */
const SlabTotal = {
  /** Descriptor + bufctl bytes of every slab in existence (on and off the slabs). */
  MANAGEMENT_BYTES: 0
} as const
const SLAB_TOTALS = 1

export class SlabAllocator {
  readonly zone: BuddyZone
  readonly pageSize: number
  /** Per frame: the cache whose slab holds this frame, or NO_CACHE. */
  readonly frameCache: Uint16Array
  /** Per slab head: objects in use. */
  readonly slabInuse: Uint16Array
  /**
   * Per slab head: the bufctl free chain (class comment). For a block handed
   * out whole instead, the same word holds the handle that has it, as
   * struct page keeps unrelated fields in one union.
   */
  readonly slabFree: Int32Array
  /** Per slab head: its colour number. */
  readonly slabColour: Uint16Array
  /** The cache chain: CACHE_STRIDE Int32 fields per cache. */
  readonly caches: Int32Array
  /** Constructor and destructor cost per object, COST_STRIDE per cache. */
  readonly costs: Float64Array
  private readonly nodeNext: Int32Array
  private readonly nodeObject: Int32Array
  private readonly words: Int32Array
  private readonly totals: Float64Array
  /** Cache id to name: scenario caches first, then kmalloc-32 ... kmalloc-131072. */
  readonly cacheNames: readonly string[]
  /** Id of the first general cache (= number of scenario caches). */
  readonly generalBase: number
  private readonly specs: readonly CacheSpec[]
  private readonly config: SlabConfig
  private readonly fixedMetadata: number
  /** Object index the last successful cacheAlloc handed out. */
  allocatedIndex = -1

  /**
   * The slab layer's records in the frame pool, after the zone's: per frame
   * and per cache (its metadata), then the bufctl pool and the layer's words
   * (the bufctl pool stands in for the bufctl arrays, which each slab's
   * management bytes already count).
   */
  private static layouts(config: SlabConfig, program: CompiledProgram) {
    const { frames } = config
    const cacheCount = program.caches.length + KMALLOC_SIZES.length
    const nodes = bufctlNodeCount(config, program)
    return {
      records: {
        frameCache: uint16(frames),
        slabInuse: uint16(frames),
        slabFree: int32(frames),
        slabColour: uint16(frames),
        caches: int32(cacheCount * CACHE_STRIDE),
        costs: float64(cacheCount * COST_STRIDE)
      },
      bufctl: {
        nodeNext: int32(nodes),
        nodeObject: int32(nodes),
        words: int32(SLAB_WORDS),
        totals: float64(SLAB_TOTALS)
      }
    }
  }

  static regionBytes(config: SlabConfig, program: CompiledProgram): number[] {
    const { records, bufctl } = SlabAllocator.layouts(config, program)
    return [
      ...BuddyZone.regionBytes(config.frames, config.maxOrder),
      ...layoutRegionBytes(records),
      ...layoutRegionBytes(bufctl)
    ]
  }

  constructor(pool: FramePool, config: SlabConfig, program: CompiledProgram, fresh: boolean) {
    const { frames, maxOrder } = config
    if (program.caches.length + KMALLOC_SIZES.length >= NO_CACHE) {
      throw new RangeError(
        `A scenario may name at most ${NO_CACHE - KMALLOC_SIZES.length - 1} caches`
      )
    }
    this.config = config
    this.pageSize = config.pageSize
    this.specs = program.caches
    this.generalBase = program.caches.length
    this.cacheNames = [
      ...program.caches.map((cache) => cache.name),
      ...KMALLOC_SIZES.map(kmallocCacheName)
    ]
    const layouts = SlabAllocator.layouts(config, program)
    this.zone = new BuddyZone(pool, frames, maxOrder, fresh)
    const records = carveLayout(pool, layouts.records)
    this.frameCache = records.frameCache
    this.slabInuse = records.slabInuse
    this.slabFree = records.slabFree
    this.slabColour = records.slabColour
    this.caches = records.caches
    this.costs = records.costs
    const bufctl = carveLayout(pool, layouts.bufctl)
    this.nodeNext = bufctl.nodeNext
    this.nodeObject = bufctl.nodeObject
    this.words = bufctl.words
    this.totals = bufctl.totals
    this.fixedMetadata = BuddyZone.metadataBytes(frames, maxOrder) + layoutBytes(layouts.records)
    if (fresh) this.initialise(layouts.bufctl.nodeNext.count)
  }

  private initialise(nodes: number): void {
    this.frameCache.fill(NO_CACHE)
    for (let node = 0; node < nodes; node++) this.nodeNext[node] = node + 1 < nodes ? node + 1 : -1
    this.words[SlabWord.FREE_NODE] = nodes > 0 ? 0 : -1
    for (let cache = 0; cache < this.cacheNames.length; cache++) {
      const base = cache * CACHE_STRIDE
      for (let list = 0; list < 3; list++) {
        const field = base + CacheField.LISTS + list * SLAB_LIST_FIELDS
        this.caches[field + ListField.HEAD] = -1
        this.caches[field + ListField.TAIL] = -1
      }
    }
    // The general caches exist from the start, smallest first, as kmem_cache_init makes them.
    KMALLOC_SIZES.forEach((size, index) => {
      const geometry = this.geometryFor(size, MIN_OBJECT_ALIGN, 0)
      if (geometry !== undefined) this.setUpCache(this.generalBase + index, size, geometry, 0, 0)
    })
  }

  private geometryFor(
    objectSize: number,
    align: number,
    pagesPerSlab: number
  ): SlabGeometry | undefined {
    const { pageSize, maxOrder, frames, cacheLine, colouring } = this.config
    return slabGeometry({
      objectSize,
      align,
      pagesPerSlab,
      pageSize,
      maxOrder,
      poolBytes: frames * pageSize,
      cacheLine,
      colouring
    })
  }

  private setUpCache(
    cache: number,
    objectSize: number,
    geometry: SlabGeometry,
    ctor: number,
    dtor: number
  ): void {
    const base = cache * CACHE_STRIDE
    const fields = this.caches
    fields[base + CacheField.LIVE] = 1
    fields[base + CacheField.SEQ] = this.words[SlabWord.NEXT_SEQ]!++
    fields[base + CacheField.OBJECT_SIZE] = objectSize
    fields[base + CacheField.BUFFER_SIZE] = geometry.bufferSize
    fields[base + CacheField.ALIGN] = geometry.align
    fields[base + CacheField.ORDER] = geometry.order
    fields[base + CacheField.NUM] = geometry.objectsPerSlab
    fields[base + CacheField.MANAGEMENT_BYTES] = geometry.managementBytes
    fields[base + CacheField.OFF_SLAB] = geometry.offSlab ? 1 : 0
    fields[base + CacheField.COLOUR_OFFSET] = geometry.colourOffset
    fields[base + CacheField.COLOUR_COUNT] = geometry.colourCount
    fields[base + CacheField.COLOUR_NEXT] = 0
    fields[base + CacheField.ACTIVE_OBJECTS] = 0
    this.costs[cache * COST_STRIDE + CostField.CTOR] = ctor
    this.costs[cache * COST_STRIDE + CostField.DTOR] = dtor
  }

  // --- the cache chain ----------------------------------------------------

  isLive(cache: number): boolean {
    return (
      cache >= 0 &&
      cache < this.cacheNames.length &&
      this.caches[cache * CACHE_STRIDE + CacheField.LIVE] === 1
    )
  }

  field(cache: number, field: number): number {
    return this.caches[cache * CACHE_STRIDE + field]!
  }

  /** Number of slabs on one of a cache's lists. */
  listCount(cache: number, list: SlabListCode): number {
    return this.caches[
      cache * CACHE_STRIDE + CacheField.LISTS + list * SLAB_LIST_FIELDS + ListField.COUNT
    ]!
  }

  /** The general cache kmalloc uses for `size` bytes, or -1 when the request must go to the buddy. */
  kmallocCache(size: number): number {
    const index = kmallocIndex(size)
    if (index < 0) return -1
    const cache = this.generalBase + index
    return this.caches[cache * CACHE_STRIDE + CacheField.LIVE] === 1 ? cache : -1
  }

  /** kmem_cache_create for scenario cache `cache`. */
  createCache(cache: number): InvalidReasonCode {
    const spec = this.specs[cache]
    if (spec === undefined) return InvalidReason.UnknownCache
    if (this.nameTaken(cache)) return InvalidReason.CacheExists
    const geometry = this.geometryFor(spec.objectSize, spec.align, spec.pagesPerSlab)
    if (geometry === undefined) return InvalidReason.TooLarge
    this.setUpCache(cache, spec.objectSize, geometry, spec.ctorCost, spec.dtorCost)
    return InvalidReason.None
  }

  private nameTaken(cache: number): boolean {
    const name = this.cacheNames[cache]
    for (let other = 0; other < this.cacheNames.length; other++) {
      if (this.cacheNames[other] === name && this.isLive(other)) return true
    }
    return false
  }

  /** kmem_cache_destroy: refused while objects are out; otherwise every slab goes back to the buddy. */
  destroyCache(cache: number, out: RequestOutcome): InvalidReasonCode {
    if (this.field(cache, CacheField.ACTIVE_OBJECTS) > 0) return InvalidReason.CacheHasLiveObjects
    this.shrink(cache, out)
    this.caches[cache * CACHE_STRIDE + CacheField.LIVE] = 0
    return InvalidReason.None
  }

  // --- objects --------------------------------------------------------------

  /**
   * kmem_cache_alloc: an object from the first partial slab, else the first
   * empty one, else a new slab. Returns the slab's head frame and sets
   * `allocatedIndex`, or returns -1 with a failure status in `out`.
   */
  cacheAlloc(cache: number, out: RequestOutcome): number {
    const fields = this.caches
    const base = cache * CACHE_STRIDE
    const lists = base + CacheField.LISTS
    let slab = fields[lists + SlabList.Partial * SLAB_LIST_FIELDS + ListField.HEAD]!
    let from: SlabListCode = SlabList.Partial
    out.examined += 1
    if (slab < 0) {
      out.examined += 1
      from = SlabList.Empty
      slab = fields[lists + SlabList.Empty * SLAB_LIST_FIELDS + ListField.HEAD]!
      if (slab < 0) {
        slab = this.grow(cache, out)
        if (slab < 0) return -1
      }
    }
    const chain = this.slabFree[slab]!
    let index: number
    if (chain >= 0) {
      index = this.nodeObject[chain]!
      this.slabFree[slab] = this.nodeNext[chain]!
      this.nodeNext[chain] = this.words[SlabWord.FREE_NODE]!
      this.words[SlabWord.FREE_NODE] = chain
      // The object was used and freed before: it kept its constructed state.
      if (this.costs[cache * COST_STRIDE + CostField.CTOR]! > 0) out.ctorSaved += 1
    } else {
      index = -chain - 1
      this.slabFree[slab] = chain - 1
    }
    const inuse = ++this.slabInuse[slab]!
    const full = inuse === fields[base + CacheField.NUM]
    // Linux moves the slab to the front of its new list; a partial slab taken from the front stays put.
    if (from === SlabList.Empty || full) {
      this.unlinkSlab(lists, from, slab)
      this.pushSlabFront(lists, full ? SlabList.Full : SlabList.Partial, slab)
    }
    fields[base + CacheField.ACTIVE_OBJECTS]!++
    this.allocatedIndex = index
    return slab
  }

  /**
   * kmem_cache_free: push the object on its slab's free chain. A slab that
   * becomes empty goes to the front of the empty list, any other to the back
   * of the partial list (giving its other objects time to come back too).
   */
  cacheFree(cache: number, slab: number, index: number): void {
    const node = this.words[SlabWord.FREE_NODE]!
    if (node < 0) {
      throw new RangeError(
        'bufctl pool exhausted: the frame pool was sized for a different program'
      )
    }
    this.words[SlabWord.FREE_NODE] = this.nodeNext[node]!
    this.nodeObject[node] = index
    this.nodeNext[node] = this.slabFree[slab]!
    this.slabFree[slab] = node
    const fields = this.caches
    const base = cache * CACHE_STRIDE
    const lists = base + CacheField.LISTS
    const inuse = --this.slabInuse[slab]!
    fields[base + CacheField.ACTIVE_OBJECTS]!--
    const wasFull = inuse + 1 === fields[base + CacheField.NUM]
    // A partial slab already at the back of the partial list stays where it is.
    if (inuse > 0 && !wasFull && this.zone.next[slab] === -1) return
    this.unlinkSlab(lists, wasFull ? SlabList.Full : SlabList.Partial, slab)
    if (inuse === 0) this.pushSlabFront(lists, SlabList.Empty, slab)
    else this.pushSlabBack(lists, SlabList.Partial, slab)
  }

  /** cache_grow: a new slab from the buddy, every object constructed now, coloured, on the empty list. */
  private grow(cache: number, out: RequestOutcome): number {
    const fields = this.caches
    const base = cache * CACHE_STRIDE
    const order = fields[base + CacheField.ORDER]!
    const slab = this.zone.allocPages(order, FrameState.Slab, out)
    if (slab < 0) return -1
    this.frameCache.fill(cache, slab, slab + (1 << order))
    this.slabInuse[slab] = 0
    this.slabFree[slab] = -1
    const colour = fields[base + CacheField.COLOUR_NEXT]!
    this.slabColour[slab] = colour
    fields[base + CacheField.COLOUR_NEXT] =
      colour + 1 >= fields[base + CacheField.COLOUR_COUNT]! ? 0 : colour + 1
    this.pushSlabBack(base + CacheField.LISTS, SlabList.Empty, slab)
    const objects = fields[base + CacheField.NUM]!
    const ctor = this.costs[cache * COST_STRIDE + CostField.CTOR]!
    if (ctor > 0) {
      out.ctorCalls += objects
      out.workUnits += objects * ctor
    }
    out.slabsGrown += 1
    this.totals[SlabTotal.MANAGEMENT_BYTES]! += fields[base + CacheField.MANAGEMENT_BYTES]!
    return slab
  }

  /** kmem_cache_shrink: every empty slab back to the buddy, the last one first as drain_freelist does. */
  shrink(cache: number, out: RequestOutcome): void {
    const lists = cache * CACHE_STRIDE + CacheField.LISTS
    const tail = lists + SlabList.Empty * SLAB_LIST_FIELDS + ListField.TAIL
    for (let slab = this.caches[tail]!; slab >= 0; slab = this.caches[tail]!) {
      this.unlinkSlab(lists, SlabList.Empty, slab)
      this.destroySlab(cache, slab, out)
    }
  }

  /** slab_destroy: run the destructor on every object, then give the pages back. */
  private destroySlab(cache: number, slab: number, out: RequestOutcome): void {
    const base = cache * CACHE_STRIDE
    const order = this.caches[base + CacheField.ORDER]!
    const dtor = this.costs[cache * COST_STRIDE + CostField.DTOR]!
    if (dtor > 0) out.workUnits += this.caches[base + CacheField.NUM]! * dtor
    for (let node = this.slabFree[slab]!; node >= 0;) {
      const after = this.nodeNext[node]!
      this.nodeNext[node] = this.words[SlabWord.FREE_NODE]!
      this.words[SlabWord.FREE_NODE] = node
      node = after
    }
    this.frameCache.fill(NO_CACHE, slab, slab + (1 << order))
    this.totals[SlabTotal.MANAGEMENT_BYTES]! -= this.caches[base + CacheField.MANAGEMENT_BYTES]!
    this.zone.freePages(slab, order, out)
    out.slabsReaped += 1
  }

  /** Byte offset of an object in the pool: slab start, colour, on-slab management, then the objects. */
  objectAddress(cache: number, slab: number, index: number): number {
    const base = cache * CACHE_STRIDE
    const fields = this.caches
    let offset = this.slabColour[slab]! * fields[base + CacheField.COLOUR_OFFSET]!
    if (fields[base + CacheField.OFF_SLAB] === 0)
      offset += fields[base + CacheField.MANAGEMENT_BYTES]!
    return slab * this.pageSize + offset + index * fields[base + CacheField.BUFFER_SIZE]!
  }

  /** Marks (1) the objects of a slab that are on its free chain. */
  freeObjects(slab: number): Uint8Array {
    const cache = this.frameCache[slab]!
    const objects = this.field(cache, CacheField.NUM)
    const free = new Uint8Array(objects)
    let chain = this.slabFree[slab]!
    let steps = 0
    while (chain >= 0) {
      if (++steps > objects) throw new InvariantFailure('slab', 'freeChainEnds', { frame: slab })
      const index = this.nodeObject[chain]!
      if (index < 0 || index >= objects || free[index] === 1) {
        throw new InvariantFailure('slab', 'freeChainOnce', { frame: slab, object: index })
      }
      free[index] = 1
      chain = this.nodeNext[chain]!
    }
    const untouched = -chain - 1
    if (untouched > objects) {
      throw new InvariantFailure('slab', 'freeChainInside', { frame: slab })
    }
    for (let index = untouched; index < objects; index++) {
      if (free[index] === 1) {
        throw new InvariantFailure('slab', 'freeChainOnce', { frame: slab, object: index })
      }
      free[index] = 1
    }
    return free
  }

  // --- slab lists -----------------------------------------------------------

  private unlinkSlab(lists: number, list: SlabListCode, slab: number): void {
    const field = lists + list * SLAB_LIST_FIELDS
    const { next, prev } = this.zone
    const after = next[slab]!
    const before = prev[slab]!
    if (before >= 0) next[before] = after
    else this.caches[field + ListField.HEAD] = after
    if (after >= 0) prev[after] = before
    else this.caches[field + ListField.TAIL] = before
    this.caches[field + ListField.COUNT]!--
  }

  private pushSlabFront(lists: number, list: SlabListCode, slab: number): void {
    const field = lists + list * SLAB_LIST_FIELDS
    const { next, prev } = this.zone
    const head = this.caches[field + ListField.HEAD]!
    next[slab] = head
    prev[slab] = -1
    if (head >= 0) prev[head] = slab
    else this.caches[field + ListField.TAIL] = slab
    this.caches[field + ListField.HEAD] = slab
    this.caches[field + ListField.COUNT]!++
  }

  private pushSlabBack(lists: number, list: SlabListCode, slab: number): void {
    const field = lists + list * SLAB_LIST_FIELDS
    const { next, prev } = this.zone
    const tail = this.caches[field + ListField.TAIL]!
    prev[slab] = tail
    next[slab] = -1
    if (tail >= 0) next[tail] = slab
    else this.caches[field + ListField.HEAD] = slab
    this.caches[field + ListField.TAIL] = slab
    this.caches[field + ListField.COUNT]!++
  }

  // --- reporting ------------------------------------------------------------

  /** Allocator metadata: frame records, free areas, the cache chain, and every slab's management bytes. */
  metadataBytes(): number {
    return this.fixedMetadata + this.totals[SlabTotal.MANAGEMENT_BYTES]!
  }

  /** The slabinfo 2.1 rows, newest cache first as the cache chain lists them. */
  slabinfo(): SlabinfoRow[] {
    const live: number[] = []
    for (let cache = 0; cache < this.cacheNames.length; cache++)
      if (this.isLive(cache)) live.push(cache)
    live.sort((a, b) => this.field(b, CacheField.SEQ) - this.field(a, CacheField.SEQ))
    return live.map((cache) => {
      const objPerSlab = this.field(cache, CacheField.NUM)
      const activeSlabs =
        this.listCount(cache, SlabList.Full) + this.listCount(cache, SlabList.Partial)
      const numSlabs = activeSlabs + this.listCount(cache, SlabList.Empty)
      return {
        name: this.cacheNames[cache]!,
        activeObjs: this.field(cache, CacheField.ACTIVE_OBJECTS),
        numObjs: numSlabs * objPerSlab,
        objSize: this.field(cache, CacheField.BUFFER_SIZE),
        objPerSlab,
        pagesPerSlab: 2 ** this.field(cache, CacheField.ORDER),
        activeSlabs,
        numSlabs
      }
    })
  }

  // --- invariants -----------------------------------------------------------

  /**
   * Zone invariants, then: each slab on the list its use count says, owned
   * frame by frame by its cache, with a sound free chain; counts per cache
   * add up; the buddy frames held by slabs are the caches' slabs times their
   * pages; no frame outside a slab names a cache; no bufctl node is lost.
   * Returns the zone's counts, for the target's own checks.
   */
  check(): ZoneCounts {
    const zoneCounts = this.zone.check()
    const { slabFrames, slabBlocks } = zoneCounts
    const { state, order: orders, next, prev } = this.zone
    let slabsSeen = 0
    let framesSeen = 0
    let nodesInUse = 0
    let management = 0
    for (let cache = 0; cache < this.cacheNames.length; cache++) {
      const base = cache * CACHE_STRIDE
      const name = this.cacheNames[cache]!
      if (!this.isLive(cache)) {
        for (let list = 0; list < 3; list++) {
          if (this.listCount(cache, list as SlabListCode) !== 0) {
            throw new InvariantFailure('slab', 'deadCacheEmpty', { cache: name })
          }
        }
        continue
      }
      const objects = this.field(cache, CacheField.NUM)
      const order = this.field(cache, CacheField.ORDER)
      let active = 0
      for (let list = 0; list < 3; list++) {
        const field = base + CacheField.LISTS + list * SLAB_LIST_FIELDS
        let count = 0
        let before = -1
        for (let slab = this.caches[field + ListField.HEAD]!; slab >= 0; slab = next[slab]!) {
          if (++count > this.zone.frames) {
            throw new InvariantFailure('slab', 'slabListEnds', {
              cache: name,
              list: LIST_NAMES[list]!
            })
          }
          if (prev[slab] !== before) {
            throw new InvariantFailure('slab', 'slabListLinks', { cache: name, frame: slab })
          }
          before = slab
          if (state[slab] !== FrameState.Slab || orders[slab] !== order) {
            throw new InvariantFailure('slab', 'slabListBlock', { cache: name, frame: slab })
          }
          for (let frame = slab; frame < slab + (1 << order); frame++) {
            if (this.frameCache[frame] !== cache) {
              throw new InvariantFailure('slab', 'slabFrameCache', {
                cache: name,
                frame,
                named: this.frameCache[frame]!
              })
            }
          }
          const inuse = this.slabInuse[slab]!
          const expected =
            inuse === 0 ? SlabList.Empty : inuse === objects ? SlabList.Full : SlabList.Partial
          if (expected !== list || inuse > objects) {
            throw new InvariantFailure('slab', 'slabOnList', {
              cache: name,
              frame: slab,
              inuse,
              objects
            })
          }
          let free = 0
          for (const mark of this.freeObjects(slab)) free += mark
          if (free !== objects - inuse) {
            throw new InvariantFailure('slab', 'freeChainCount', {
              cache: name,
              frame: slab,
              free,
              inuse
            })
          }
          for (let node = this.slabFree[slab]!; node >= 0; node = this.nodeNext[node]!) nodesInUse++
          active += inuse
          management += this.field(cache, CacheField.MANAGEMENT_BYTES)
        }
        if (
          before !== this.caches[field + ListField.TAIL] ||
          count !== this.caches[field + ListField.COUNT]
        ) {
          throw new InvariantFailure('slab', 'slabListCounts', {
            cache: name,
            list: LIST_NAMES[list]!
          })
        }
        slabsSeen += count
        framesSeen += count << order
      }
      if (active !== this.field(cache, CacheField.ACTIVE_OBJECTS)) {
        throw new InvariantFailure('slab', 'activeObjects', {
          cache: name,
          active,
          counted: this.field(cache, CacheField.ACTIVE_OBJECTS)
        })
      }
    }
    if (slabsSeen !== slabBlocks || framesSeen !== slabFrames) {
      throw new InvariantFailure('slab', 'slabPages', {
        blocks: slabBlocks,
        frames: slabFrames,
        slabs: slabsSeen,
        slabFrames: framesSeen
      })
    }
    this.zone.forEachBlock((pfn, order, blockState) => {
      if (blockState === FrameState.Slab) return
      for (let frame = pfn; frame < pfn + (1 << order); frame++) {
        if (this.frameCache[frame] !== NO_CACHE) {
          throw new InvariantFailure('slab', 'frameCacheOutsideSlab', { frame })
        }
      }
    })
    const nodes = this.nodeNext.length
    let freeNodes = 0
    for (let node = this.words[SlabWord.FREE_NODE]!; node >= 0; node = this.nodeNext[node]!) {
      if (++freeNodes > nodes) throw new InvariantFailure('slab', 'bufctlListEnds', { nodes })
    }
    if (freeNodes + nodesInUse !== nodes) {
      throw new InvariantFailure('slab', 'bufctlNodes', {
        free: freeNodes,
        inUse: nodesInUse,
        nodes
      })
    }
    if (management !== this.totals[SlabTotal.MANAGEMENT_BYTES]) {
      throw new InvariantFailure('slab', 'managementBytes', {
        held: management,
        counted: this.totals[SlabTotal.MANAGEMENT_BYTES]!
      })
    }
    return zoneCounts
  }
}

/**
 * Size of the bufctl pool. A node exists per object that was handed out and
 * came back while its slab lives, so the program's object requests bound it;
 * so does the pool, at one word-sized object per MIN_OBJECT_ALIGN bytes.
 */
export function bufctlNodeCount(config: FrameGeometry, program: CompiledProgram): number {
  let requests = 0
  const code = program.code
  for (let i = 0; i < program.count; i++) {
    // Requests that can hand out an object and so, later, leave one free in a slab.
    const op = code[i * CODE_STRIDE]!
    if (op === Op.Alloc || op === Op.Realloc || op === Op.Kmalloc || op === Op.CacheAlloc)
      requests++
  }
  const objectsInPool = config.frames * Math.floor(config.pageSize / MIN_OBJECT_ALIGN)
  return Math.max(1, Math.min(requests, objectsInPool))
}
