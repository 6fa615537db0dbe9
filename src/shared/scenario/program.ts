/**
 * The compiled form of a scenario: what crosses from the parser to an engine
 * worker. One request is three Int32 words plus one Float64 size, so a
 * ten-million-request scenario is a handful of typed arrays, never ten million
 * objects. Names live once, in side tables indexed by id.
 */

/** Request opcodes. Every family gives every opcode a meaning (see engine targets). */
export const Op = {
  /** `alloc h SIZE`: a byte request (malloc on heaps, pages on the buddy, kmalloc on slab). */
  Alloc: 1,
  /** `free h`: release whatever handle h holds. */
  Free: 2,
  /** `realloc h SIZE`: resize the block h holds. */
  Realloc: 3,
  /** Page request by order: size field holds the order (2^order contiguous frames). */
  PageAlloc: 4,
  /** Release the pages a handle holds. */
  PageFree: 5,
  /** Create the slab cache `aux` (its spec is `caches[aux]`). */
  CacheCreate: 6,
  /** Take one object from cache `aux` into handle h. */
  CacheAlloc: 7,
  /** Return the object h holds to its cache. */
  CacheFree: 8,
  /** Give cache `aux`'s empty slabs back to the page allocator. */
  CacheShrink: 9,
  /** Destroy cache `aux` (refused while it has live objects). */
  CacheDestroy: 10,
  /** `kmalloc h SIZE`: general-purpose kernel allocation. */
  Kmalloc: 11,
  /** `kfree h`. */
  Kfree: 12
} as const
export type OpCode = (typeof Op)[keyof typeof Op]

/** Words per request in `CompiledProgram.code`: [op, handle id, aux]. */
export const CODE_STRIDE = 3

export interface CacheSpec {
  readonly name: string
  /** Object size in bytes. */
  readonly objectSize: number
  /** Object alignment in bytes (power of two). */
  readonly align: number
  /** Constructor cost in abstract work units, paid once per constructed object. */
  readonly ctorCost: number
  /** Destructor cost in abstract work units, paid when a slab is destroyed. */
  readonly dtorCost: number
  /** Pages per slab, or 0 to let the allocator choose (as Linux's cache_estimate does). */
  readonly pagesPerSlab: number
}

/** Geometry the scenario suggests; an allocator config may override each field. */
export interface ScenarioGeometry {
  /** Heap arena size in bytes. */
  readonly arenaBytes?: number
  /** Address of the arena's first byte. */
  readonly baseAddress?: number
  /** Page-frame count for buddy and slab. */
  readonly frames?: number
  /** Page size in bytes. */
  readonly pageSize?: number
  /** Largest buddy order. */
  readonly maxOrder?: number
  /** A heap that grows (sbrk) by at least this many bytes when nothing fits; absent = a fixed arena. */
  readonly growBytes?: number
}

export interface CompiledProgram {
  readonly version: 1
  readonly name: string
  readonly description: string
  readonly geometry: ScenarioGeometry
  /** Number of requests. */
  readonly count: number
  /** CODE_STRIDE words per request: opcode, handle id (-1 when none), aux (cache id or -1). */
  readonly code: Int32Array
  /** Bytes for Alloc/Realloc/Kmalloc, order for PageAlloc, 0 otherwise. */
  readonly sizes: Float64Array
  /** 1-based source line of each request (0 when generated without text). */
  readonly lines: Int32Array
  /** Handle id to handle name. */
  readonly handles: readonly string[]
  /** Cache id to cache spec. */
  readonly caches: readonly CacheSpec[]
}
