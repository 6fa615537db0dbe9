/** Largest order the options allow (2^20 frames in one block). */
export const MAX_ORDER_LIMIT = 20

/** Smallest order whose block holds `frames` frames: ceil(log2(frames)), 0 for one frame or none. */
export function orderForFrames(frames: number): number {
  if (frames <= 1) return 0
  // Beyond 2^31 frames the answer is above any allowed order anyway.
  if (frames > 0x40000000) return 31
  return 32 - Math.clz32(frames - 1)
}

/** Order of the block a byte request needs: whole frames first, then a power of two of them. */
export function orderForBytes(bytes: number, pageSize: number): number {
  return orderForFrames(Math.ceil(bytes / pageSize))
}
