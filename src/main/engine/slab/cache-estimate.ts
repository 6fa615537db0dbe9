/**
 * How a cache lays out its slabs, after Linux mm/slab.c (kernels before 6.8):
 * cache_estimate counts the objects that fit in 2^order pages,
 * calculate_slab_order picks the order, and kmem_cache_create decides where
 * the slab descriptor lives and how many colours the left-over bytes allow.
 *
 * Sizes are those of a 64-bit kernel: struct slab is 48 bytes (list head 16,
 * colouroff 8, s_mem 8, inuse 4, free 4, nodeid 2, padded), kmem_bufctl_t is
 * 4 bytes, and objects are at least word aligned.
 */

/** sizeof(struct slab) on a 64-bit kernel. */
export const SLAB_DESCRIPTOR_BYTES = 48
/** sizeof(kmem_bufctl_t): one free-object index per object. */
export const BUFCTL_BYTES = 4
/** BYTES_PER_WORD: the least alignment of any object. */
export const MIN_OBJECT_ALIGN = 8
/** Objects per slab are capped so per-slab counters fit 16 bits (the SLAB_OBJ_MAX_NUM idea). */
export const MAX_OBJECTS_PER_SLAB = 0xffff
/** Colours per cache are capped for the same reason. */
export const MAX_COLOURS = 0xffff
/** No slab spans more than 1 GiB, which keeps in-slab offsets exact 32-bit integers. */
export const MAX_SLAB_BYTES = 2 ** 30
/** Memory above which slabs may take two pages when that wastes less (slab_break_gfp_order). */
export const BREAK_ORDER_MEMORY = 32 * 1024 * 1024

export interface SlabGeometryInput {
  readonly objectSize: number
  /** Requested alignment (power of two, or 0/1 for none). */
  readonly align: number
  /** Pages per slab asked for; 0 lets calculate_slab_order choose. */
  readonly pagesPerSlab: number
  readonly pageSize: number
  readonly maxOrder: number
  /** Bytes in the pool: above BREAK_ORDER_MEMORY the order search may go one step further. */
  readonly poolBytes: number
  readonly cacheLine: number
  readonly colouring: boolean
}

export interface SlabGeometry {
  /** Object size rounded up to the alignment: the stride between objects (slabinfo objsize). */
  readonly bufferSize: number
  readonly align: number
  /** gfporder: a slab is 2^order pages. */
  readonly order: number
  /** Objects per slab. */
  readonly objectsPerSlab: number
  /** True when the descriptor and bufctl array live outside the slab's pages. */
  readonly offSlab: boolean
  /** Bytes of descriptor + bufctl array per slab (inside the slab when on-slab). */
  readonly managementBytes: number
  /** Bytes of each slab that hold neither objects nor on-slab management. */
  readonly leftoverBytes: number
  /** Colour step: the cache line, or the alignment when that is larger. */
  readonly colourOffset: number
  /** Number of distinct colours; successive slabs cycle through 0..colourCount-1. */
  readonly colourCount: number
}

interface Estimate {
  readonly objects: number
  readonly managementBytes: number
  readonly leftoverBytes: number
}

/** cache_estimate: objects and left-over bytes in 2^order pages. */
export function cacheEstimate(
  slabBytes: number,
  bufferSize: number,
  align: number,
  offSlab: boolean
): Estimate {
  let objects: number
  if (offSlab) {
    objects = Math.floor(slabBytes / bufferSize)
  } else {
    // A first guess ignores the padding after the bufctl array; it is at most one too many.
    objects = Math.max(
      0,
      Math.floor((slabBytes - SLAB_DESCRIPTOR_BYTES) / (bufferSize + BUFCTL_BYTES))
    )
    if (objects > 0 && onSlabManagement(objects, align) + objects * bufferSize > slabBytes)
      objects--
  }
  objects = Math.min(objects, MAX_OBJECTS_PER_SLAB)
  const managementBytes = offSlab || objects === 0 ? 0 : onSlabManagement(objects, align)
  return {
    objects,
    managementBytes,
    leftoverBytes: slabBytes - objects * bufferSize - managementBytes
  }
}

/** slab_mgmt_size: descriptor plus bufctl array, padded so the first object stays aligned. */
export function onSlabManagement(objects: number, align: number): number {
  return alignUpTo(SLAB_DESCRIPTOR_BYTES + objects * BUFCTL_BYTES, align)
}

/**
 * The whole layout of a cache's slabs, or undefined when no slab of at most
 * maxOrder (and at most MAX_SLAB_BYTES) holds a single object.
 */
export function slabGeometry(input: SlabGeometryInput): SlabGeometry | undefined {
  const align = Math.max(MIN_OBJECT_ALIGN, input.align)
  const bufferSize = alignUpTo(Math.max(1, input.objectSize), align)
  // Large objects keep their management off the slab, so it does not eat an object's worth of room.
  let offSlab = bufferSize >= input.pageSize / 8
  const chosen = chooseOrder(input, bufferSize, align, offSlab)
  if (chosen === undefined) return undefined
  const { order, estimate } = chosen
  let leftoverBytes = estimate.leftoverBytes
  let managementBytes = estimate.managementBytes
  const wanted = onSlabManagement(estimate.objects, align)
  if (offSlab && leftoverBytes >= wanted) {
    // The left-over room holds the descriptor anyway: keep it on the slab and spend nothing outside.
    offSlab = false
    leftoverBytes -= wanted
    managementBytes = wanted
  } else if (offSlab) {
    managementBytes = SLAB_DESCRIPTOR_BYTES + estimate.objects * BUFCTL_BYTES
  }
  const colourOffset = Math.max(input.cacheLine, align)
  const colourCount = input.colouring
    ? Math.min(MAX_COLOURS, Math.floor(leftoverBytes / colourOffset))
    : 0
  return {
    bufferSize,
    align,
    order,
    objectsPerSlab: estimate.objects,
    offSlab,
    managementBytes,
    leftoverBytes,
    colourOffset,
    colourCount
  }
}

/**
 * calculate_slab_order: the lowest order that holds an object, going higher
 * only while the pool is large enough to allow it (slab_break_gfp_order) and
 * more than an eighth of the slab would be wasted. A fixed pages-per-slab is
 * rounded up to a power of two.
 */
function chooseOrder(
  input: SlabGeometryInput,
  bufferSize: number,
  align: number,
  offSlab: boolean
): { order: number; estimate: Estimate } | undefined {
  const { pageSize, maxOrder } = input
  const largest = Math.min(maxOrder, Math.floor(Math.log2(MAX_SLAB_BYTES / pageSize)))
  if (input.pagesPerSlab > 0) {
    const order = Math.ceil(Math.log2(input.pagesPerSlab))
    if (order > largest) return undefined
    const estimate = cacheEstimate(pageSize * 2 ** order, bufferSize, align, offSlab)
    return estimate.objects > 0 ? { order, estimate } : undefined
  }
  const breakOrder = input.poolBytes > BREAK_ORDER_MEMORY ? 1 : 0
  let chosen: { order: number; estimate: Estimate } | undefined
  for (let order = 0; order <= largest; order++) {
    const slabBytes = pageSize * 2 ** order
    const estimate = cacheEstimate(slabBytes, bufferSize, align, offSlab)
    if (estimate.objects === 0) continue
    chosen = { order, estimate }
    if (order >= breakOrder) break
    if (estimate.leftoverBytes * 8 <= slabBytes) break
  }
  return chosen
}

function alignUpTo(value: number, align: number): number {
  return Math.ceil(value / align) * align
}
