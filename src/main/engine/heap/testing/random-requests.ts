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

/**
 * Random alloc/free/realloc requests over a few handles; some sizes exceed any
 * arena. `fewSizes` draws from three sizes only, so exact fits, equal holes and
 * blocks that fill a gap exactly (where rovers and merges meet) are common.
 */
export function requestsArbitrary(maxLength = 60, fewSizes = false): fc.Arbitrary<ProgramStep[]> {
  const handle = fc.constantFrom('h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6')
  // A few repeated sizes make equal-sized holes, where the tie rules matter.
  const size = fewSizes
    ? fc.constantFrom(8, 16, 24)
    : fc.oneof(
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

/** The reference model's view of one combination and geometry, with the defaults for its metadata mode. */
export function referenceConfigOf(
  combination: (typeof COMBINATIONS)[number],
  geometry: { arena: number; base: number; header: number; align: number }
): ReferenceConfig {
  const minBlock = minBlockFor(combination.meta, geometry.header)
  const side = combination.meta === 'side'
  return {
    policy: combination.family.replace('-fit', '') as ReferenceConfig['policy'],
    order: combination.order,
    coalesce: combination.coalesce,
    ...geometry,
    minBlock,
    // Side tables default to malloc.py's rules: any remainder stays free, sorted lists re-sort.
    minRemainder: side ? 1 : minBlock,
    resort: side && combination.order.startsWith('size')
  }
}

/** One heap configuration with the rules beyond the classic four: sorting, splitting, merging, lists, realloc, growth. */
export interface RuleCase {
  readonly family: (typeof FAMILIES)[number]
  readonly values: Record<string, number | string | boolean>
  readonly reference: ReferenceConfig
}

/** Valid configurations over every new option, each paired with the reference model's view of it. */
export function ruleCaseArbitrary(): fc.Arbitrary<RuleCase> {
  return fc
    .record({
      family: fc.constantFrom(...FAMILIES),
      order: fc.constantFrom(...ORDERS),
      coalesce: fc.boolean(),
      meta: fc.constantFrom(...METAS),
      sort: fc.constantFrom('auto', 'insert', 'resort'),
      split: fc.constantFrom('auto', 'min-block', 'any'),
      merge: fc.constantFrom('physical', 'list'),
      list: fc.constantFrom('explicit', 'implicit'),
      realloc: fc.constantFrom('in-place', 'move'),
      word: fc.constantFrom(4, 8),
      growUnits: fc.constantFrom(0, 0, 2, 5, 16),
      limitUnits: fc.integer({ min: 0, max: 120 }),
      frameUnits: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })),
      headerWords: fc.integer({ min: 0, max: 2 }),
      sideHeader: fc.constantFrom(0, 1, 3, 8),
      alignShift: fc.integer({ min: 0, max: 2 }),
      base: fc.integer({ min: 0, max: 1 << 20 }),
      units: fc.integer({ min: 6, max: 60 })
    })
    .map((r): RuleCase => {
      const side = r.meta === 'side'
      const word = side ? 4 : r.word
      // Sizes are counted in words in-band (every size a multiple of it), in bytes with side tables.
      const unit = side ? 1 : word
      const header = side ? r.sideHeader : word * (2 + r.headerWords)
      const align = side ? 2 ** r.alignShift : word * 2 ** r.alignShift
      const minBlock = minBlockFor(r.meta, header, word)
      const prologue = r.frameUnits[0] * unit
      const epilogue = r.frameUnits[1] * unit
      const arena = Math.max(r.units * 3 * unit, minBlock + prologue + epilogue)
      const grow = r.growUnits * 8 * unit
      const limit = arena + r.limitUnits * 4 * unit
      const split = side ? r.split : r.split === 'any' ? 'min-block' : r.split
      const merge = r.list === 'implicit' ? 'physical' : r.merge
      const values = {
        order: r.order,
        coalesce: r.coalesce,
        meta: r.meta,
        sort: r.sort,
        split,
        merge,
        list: r.list,
        realloc: r.realloc,
        word,
        header,
        align,
        base: r.base,
        arena,
        grow,
        limit,
        prologue,
        epilogue
      }
      const sortedBySize = r.order === 'size-asc' || r.order === 'size-desc'
      const implicit = r.list === 'implicit'
      return {
        family: r.family,
        values,
        reference: {
          policy: r.family.replace('-fit', '') as ReferenceConfig['policy'],
          order: r.order,
          coalesce: r.coalesce,
          arena,
          base: r.base,
          header,
          align,
          minBlock,
          minRemainder: (split === 'auto' ? side : split === 'any') ? 1 : minBlock,
          resort: !implicit && sortedBySize && (r.sort === 'auto' ? side : r.sort === 'resort'),
          listMerge: merge === 'list' && !implicit,
          implicit,
          reallocMoves: r.realloc === 'move',
          grow,
          growUnit: Math.max(align, side ? 1 : word),
          limit: grow > 0 ? limit : arena,
          prologue,
          epilogue
        }
      }
    })
}
