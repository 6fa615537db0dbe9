import fc from 'fast-check'
import { Op, type CacheSpec } from '@shared/scenario/program'
import type { Step } from './scenario-steps'

/** Geometry of a small random page pool. */
export interface PoolShape {
  readonly frames: number
  readonly pageSize: number
  readonly maxOrder: number
}

export const poolShapeArbitrary: fc.Arbitrary<PoolShape> = fc.record({
  frames: fc.integer({ min: 1, max: 300 }),
  pageSize: fc.constantFrom(16, 256, 4096),
  maxOrder: fc.integer({ min: 0, max: 7 })
})

export const cacheSpecsArbitrary: fc.Arbitrary<CacheSpec[]> = fc.array(
  fc.record({
    // Repeated names and a general cache's name exercise the "cache exists" refusal.
    name: fc.constantFrom('dentry', 'inode', 'dentry', 'kmalloc-64'),
    objectSize: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 9000 })),
    align: fc.constantFrom(0, 8, 16, 64),
    ctorCost: fc.constantFrom(0, 1, 5),
    dtorCost: fc.constantFrom(0, 2),
    pagesPerSlab: fc.constantFrom(0, 0, 0, 1, 2, 3)
  }),
  { minLength: 0, maxLength: 3 }
)

const opArbitrary = fc.constantFrom(
  Op.Alloc,
  Op.Alloc,
  Op.Kmalloc,
  Op.Realloc,
  Op.PageAlloc,
  Op.Free,
  Op.Free,
  Op.Kfree,
  Op.PageFree,
  Op.CacheCreate,
  Op.CacheAlloc,
  Op.CacheAlloc,
  Op.CacheFree,
  Op.CacheShrink,
  Op.CacheDestroy
)

/** Random requests over `handles` handles and `caches` caches, sized for the pool shape. */
export function requestsArbitrary(shape: PoolShape, handles: number, caches: number): fc.Arbitrary<Step[]> {
  const bytes = fc.oneof(
    fc.integer({ min: 0, max: 256 }),
    fc.integer({ min: 1, max: 8 * shape.pageSize }),
    fc.integer({ min: 1, max: 300_000 })
  )
  const request = fc
    .record({
      op: opArbitrary,
      handle: fc.integer({ min: 0, max: handles - 1 }),
      aux: fc.integer({ min: -1, max: Math.max(-1, caches - 1) }),
      bytes,
      order: fc.integer({ min: 0, max: shape.maxOrder + 1 })
    })
    .map(({ op, handle, aux, bytes, order }): Step => {
      const size = op === Op.PageAlloc ? order : op === Op.Alloc || op === Op.Kmalloc || op === Op.Realloc ? bytes : 0
      return { op, handle, aux, size }
    })
  return fc.array(request, { minLength: 1, maxLength: 80 })
}
