/**
 * One kmem_cache record: Int32 fields at `cache * CACHE_STRIDE + field` of
 * the cache table, the way a kernel struct sits in memory. Each cache keeps
 * three slab lists (full, partial, empty) threaded through the head frames'
 * `next`/`prev` words, with a head, a tail and a count each.
 */
export const CacheField = {
  /** 1 while the cache exists (created and not destroyed). */
  LIVE: 0,
  /** Creation number: slabinfo lists the newest cache first, like the kernel's cache chain. */
  SEQ: 1,
  /** Object size the creator asked for. */
  OBJECT_SIZE: 2,
  /** Object size rounded up to the alignment: the stride between objects. */
  BUFFER_SIZE: 3,
  ALIGN: 4,
  /** gfporder: each slab is 2^ORDER pages. */
  ORDER: 5,
  /** Objects per slab. */
  NUM: 6,
  /** Descriptor + bufctl bytes per slab. */
  MANAGEMENT_BYTES: 7,
  /** 1 when the descriptor lives off the slab. */
  OFF_SLAB: 8,
  /** Bytes between two colours. */
  COLOUR_OFFSET: 9,
  /** Number of colours (0 or 1 means every slab starts at offset 0). */
  COLOUR_COUNT: 10,
  /** Colour the next new slab gets. */
  COLOUR_NEXT: 11,
  /** Objects handed out and not yet returned. */
  ACTIVE_OBJECTS: 12,
  /** First field of the three slab lists, SLAB_LIST_FIELDS each. */
  LISTS: 13
} as const

/** The slab lists of a cache, by how many of a slab's objects are in use. */
export const SlabList = {
  /** Every object in use. */
  Full: 0,
  /** Some objects in use. */
  Partial: 1,
  /** No object in use; the slab can go back to the page allocator. */
  Empty: 2
} as const
export type SlabListCode = (typeof SlabList)[keyof typeof SlabList]

/** Per list: head slab, tail slab, number of slabs. */
export const ListField = { HEAD: 0, TAIL: 1, COUNT: 2 } as const
export const SLAB_LIST_FIELDS = 3

export const CACHE_STRIDE = CacheField.LISTS + 3 * SLAB_LIST_FIELDS

/** Float64 fields of a cache: constructor and destructor cost per object. */
export const CostField = { CTOR: 0, DTOR: 1 } as const
export const COST_STRIDE = 2

/** Frame record value meaning "no cache owns this frame". */
export const NO_CACHE = 0xffff
