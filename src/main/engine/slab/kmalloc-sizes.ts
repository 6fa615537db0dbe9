/**
 * The general caches kmalloc serves from: powers of two from 32 bytes to
 * 128 KiB, plus 96 and 192 (which catch the many requests just over 64 and
 * 128 bytes). Larger requests go straight to the page allocator.
 */
export const KMALLOC_SIZES: readonly number[] = [
  32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072
]

export const KMALLOC_MAX_CACHE_SIZE = 131072

export function kmallocCacheName(size: number): string {
  return `kmalloc-${size}`
}

/** Class index for sizes up to 192, in 8-byte steps: ((size - 1) >> 3), as Linux's size_index table. */
const SMALL_CLASS = Int8Array.from({ length: 24 }, (_, step) => {
  const size = (step + 1) * 8
  return KMALLOC_SIZES.findIndex((classSize) => classSize >= size)
})

/** Index into KMALLOC_SIZES of the smallest class that holds `size` bytes, or -1 when none does. */
export function kmallocIndex(size: number): number {
  if (size <= 192) return size <= 0 ? 0 : SMALL_CLASS[(size - 1) >> 3]!
  if (size > KMALLOC_MAX_CACHE_SIZE) return -1
  // 256 is class 5: ceil(log2(size)) - 3 for every power-of-two class above 192.
  return 32 - Math.clz32(size - 1) - 3
}
