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
  pageSize: fc.constantFrom(16, 256, 4096, 4096),
  maxOrder: fc.integer({ min: 0, max: 7 })
})

/** Caches whose objects mostly fit the pool's largest block; now and then one does not. */
export function cacheSpecsArbitrary(shape: PoolShape): fc.Arbitrary<CacheSpec[]> {
  const largest = Math.min(9000, shape.pageSize * 2 ** shape.maxOrder)
  return fc
    .array(
      fc.record({
        // Now and then a cache reuses an earlier name or a general cache's, to exercise "cache exists".
        clash: fc.constantFrom(false, false, false, false, false, true),
        objectSize: fc.oneof(
          { arbitrary: fc.integer({ min: 1, max: Math.min(300, largest) }), weight: 4 },
          { arbitrary: fc.integer({ min: 1, max: largest }), weight: 4 },
          { arbitrary: fc.integer({ min: 1, max: 9000 }), weight: 1 }
        ),
        align: fc.constantFrom(0, 8, 16, 64),
        ctorCost: fc.constantFrom(0, 1, 1, 5),
        dtorCost: fc.constantFrom(0, 2),
        pagesPerSlab: fc.constantFrom(0, 0, 0, 1, 2, 3)
      }),
      { minLength: 1, maxLength: 3, size: 'max' }
    )
    .map((specs) =>
      specs.map(({ clash, ...spec }, i) => ({
        ...spec,
        name: clash ? (i > 0 ? 'cache0' : 'kmalloc-64') : `cache${i}`
      }))
    )
}

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
  Op.CacheAlloc,
  Op.CacheFree,
  Op.CacheFree,
  Op.CacheShrink,
  Op.CacheDestroy
)

/** Random requests over `handles` handles and `caches` caches, sized for the pool shape. */
export function requestsArbitrary(
  shape: PoolShape,
  handles: number,
  caches: number
): fc.Arbitrary<Step[]> {
  const bytes = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 256 }), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 8 * shape.pageSize }), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 300_000 }), weight: 1 }
  )
  const request = fc
    .record({
      op: opArbitrary,
      handle: fc.integer({ min: 0, max: handles - 1 }),
      // Mostly a real cache; sometimes none, to exercise refusals.
      aux:
        caches > 0
          ? fc.oneof(
              { arbitrary: fc.integer({ min: 0, max: caches - 1 }), weight: 9 },
              { arbitrary: fc.constant(-1), weight: 1 }
            )
          : fc.constant(-1),
      bytes,
      order: fc.integer({ min: 0, max: shape.maxOrder + 1 })
    })
    .map(({ op, handle, aux, bytes, order }): Step => {
      const size =
        op === Op.PageAlloc
          ? order
          : op === Op.Alloc || op === Op.Kmalloc || op === Op.Realloc
            ? bytes
            : 0
      return { op, handle, aux, size }
    })
  return fc.array(request, { minLength: 1, maxLength: 200, size: 'max' })
}

/** A random scenario: pool shape, caches and requests that fit them. */
export interface RandomScenario {
  readonly shape: PoolShape
  readonly caches: CacheSpec[]
  readonly steps: Step[]
}

export function scenarioArbitrary(
  handles: number,
  withCaches = true
): fc.Arbitrary<RandomScenario> {
  return poolShapeArbitrary
    .chain((shape) =>
      fc.tuple(
        fc.constant(shape),
        withCaches ? cacheSpecsArbitrary(shape) : fc.constant<CacheSpec[]>([])
      )
    )
    .chain(([shape, caches]) =>
      requestsArbitrary(shape, handles, caches.length).map((requests) => {
        // Creating every cache first makes most object requests meaningful; later creates test refusals.
        const creates = caches.map((_, aux): Step => ({
          op: Op.CacheCreate,
          handle: -1,
          aux,
          size: 0
        }))
        return { shape, caches, steps: [...creates, ...requests] }
      })
    )
}
