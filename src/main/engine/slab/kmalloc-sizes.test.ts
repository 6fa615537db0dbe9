import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KMALLOC_MAX_CACHE_SIZE, KMALLOC_SIZES, kmallocIndex } from './kmalloc-sizes'

describe('kmalloc size classes', () => {
  it('serves a size from the smallest general cache that holds it', () => {
    const classOf = (size: number): number | undefined => KMALLOC_SIZES[kmallocIndex(size)]
    expect([1, 32, 33, 64, 65, 96, 97, 129, 192, 193, 4097, 131072].map(classOf)).toEqual([
      32, 32, 64, 64, 96, 96, 128, 192, 192, 256, 8192, 131072
    ])
  })

  it('has no class above 128 KiB', () => {
    expect(kmallocIndex(KMALLOC_MAX_CACHE_SIZE + 1)).toBe(-1)
  })

  it('agrees with a linear search of the classes for every size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: KMALLOC_MAX_CACHE_SIZE }), (size) => {
        expect(kmallocIndex(size)).toBe(KMALLOC_SIZES.findIndex((classSize) => classSize >= size))
      }),
      { numRuns: 2000 }
    )
  })
})
