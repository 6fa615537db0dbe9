import fc from 'fast-check'
import { Op } from '@shared/scenario/program'
import type { ProgramStep } from '../../testing/program-builder'
import { minBlockFor } from '../heap-config'
import type { ReferenceConfig } from './reference-heap'

export const FAMILIES = ['first-fit', 'next-fit', 'best-fit', 'worst-fit'] as const
export const ORDERS = ['addr', 'size-asc', 'size-desc', 'front', 'back'] as const
export const METAS = ['inband', 'side'] as const

/** Every policy x order x coalescing x metadata combination (4 x 5 x 2 x 2 = 80). */
export const COMBINATIONS = FAMILIES.flatMap((family) =>
  ORDERS.flatMap((order) =>
    [true, false].flatMap((coalesce) => METAS.map((meta) => ({ family, order, coalesce, meta })))
  )
)

/** Arena geometry that is valid for the metadata mode, small enough to fill up often. */
export function geometryArbitrary(
  meta: 'inband' | 'side'
): fc.Arbitrary<{ arena: number; base: number; header: number; align: number }> {
  const header = meta === 'inband' ? fc.constantFrom(8, 12, 16) : fc.constantFrom(0, 1, 3, 8)
  const align = meta === 'inband' ? fc.constantFrom(4, 8, 16) : fc.constantFrom(1, 2, 4, 8)
  return fc
    .record({
      header,
      align,
      base: fc.integer({ min: 0, max: 1 << 20 }),
      units: fc.integer({ min: 4, max: 96 })
    })
    .map(({ header, align, base, units }) => ({
      header,
      align,
      base,
      // In-band arenas are whole words and hold at least one minimum block.
      arena:
        meta === 'inband'
          ? Math.max(units * 4, minBlockFor(meta, header))
          : Math.max(units * 3, header)
    }))
}

/** Random alloc/free/realloc requests over a few handles; some sizes exceed any arena. */
export function requestsArbitrary(maxLength = 60): fc.Arbitrary<ProgramStep[]> {
  const handle = fc.constantFrom('h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6')
  // A few repeated sizes make equal-sized holes, where the tie rules matter.
  const size = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 48 }) },
    { weight: 6, arbitrary: fc.constantFrom(4, 8, 12, 16, 24) },
    { weight: 1, arbitrary: fc.integer({ min: 49, max: 2000 }) }
  )
  const step: fc.Arbitrary<ProgramStep> = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constant(Op.Alloc as number), handle, size) },
    { weight: 4, arbitrary: fc.tuple(fc.constant(Op.Free as number), handle, fc.constant(0)) },
    { weight: 2, arbitrary: fc.tuple(fc.constant(Op.Realloc as number), handle, size) }
  )
  return fc.array(step, { minLength: 1, maxLength })
}

/** The reference model's view of one combination and geometry. */
export function referenceConfigOf(
  combination: (typeof COMBINATIONS)[number],
  geometry: { arena: number; base: number; header: number; align: number }
): ReferenceConfig {
  return {
    policy: combination.family.replace('-fit', '') as ReferenceConfig['policy'],
    order: combination.order,
    coalesce: combination.coalesce,
    ...geometry,
    minBlock: minBlockFor(combination.meta, geometry.header)
  }
}
