import { describe, expect, it } from 'vitest'
import { translate } from '@shared/i18n/translate'
import { Op } from '@shared/scenario/program'
import { FramePool, HEADER_BYTES } from '../frame-pool'
import { buildProgram } from '../testing/program-builder'
import { heapFamilies } from './index'

const firstFit = heapFamilies[0]
const program = buildProgram([
  [Op.Alloc, 'a', 10],
  [Op.Realloc, 'a', 20],
  [Op.Alloc, 'b', 5],
  [Op.Free, 'a', 0]
])

function problemOf(values: Record<string, number | string | boolean>): string | undefined {
  const filled = firstFit.applyGeometry(values, new Set(Object.keys(values)), {})
  return firstFit.validate(filled)?.key
}

describe('heap family options', () => {
  it('offers four fit policies sharing one option list', () => {
    expect(heapFamilies.map((f) => f.name)).toEqual([
      'first-fit',
      'next-fit',
      'best-fit',
      'worst-fit'
    ])
    for (const family of heapFamilies) expect(family.options).toBe(firstFit.options)
    expect(Object.fromEntries(firstFit.options.map((o) => [o.key, o.default]))).toEqual({
      arena: 1024 * 1024,
      base: 0,
      header: 8,
      align: 8,
      order: 'addr',
      coalesce: true,
      meta: 'inband',
      page: 4096,
      sort: 'auto',
      split: 'auto',
      merge: 'physical',
      list: 'explicit',
      realloc: 'in-place',
      word: 4,
      grow: 0,
      limit: 20 * 1024 * 1024,
      prologue: 0,
      epilogue: 0
    })
  })

  it('takes a growing heap from the scenario unless the spec fixed it', () => {
    // Without an arena of its own, the heap starts at one chunk.
    expect(firstFit.applyGeometry({}, new Set(), { growBytes: 4096 })).toMatchObject({
      grow: 4096,
      arena: 4096
    })
    expect(
      firstFit.applyGeometry({ arena: 8192 }, new Set(['arena']), { growBytes: 4096 })
    ).toMatchObject({ grow: 4096, arena: 8192 })
    expect(
      firstFit.applyGeometry({ grow: 0 }, new Set(['grow']), { growBytes: 4096 })
    ).toMatchObject({ grow: 0 })
  })

  it('takes arena, base and page size from the scenario unless the spec set them', () => {
    const geometry = { arenaBytes: 4096, baseAddress: 0x10000, pageSize: 256 }
    expect(firstFit.applyGeometry({}, new Set(), geometry)).toMatchObject({
      arena: 4096,
      base: 0x10000,
      page: 256,
      header: 8
    })
    expect(firstFit.applyGeometry({ arena: 512 }, new Set(['arena']), geometry)).toMatchObject({
      arena: 512,
      base: 0x10000
    })
  })

  it('accepts the textbook configuration and the defaults', () => {
    expect(problemOf({ arena: 100, base: 1000, header: 0, align: 1, meta: 'side' })).toBeUndefined()
    expect(problemOf({})).toBeUndefined()
  })

  it('refuses configurations that cannot work, naming the problem', () => {
    expect(problemOf({ align: 3 })).toBe('heap.invalid.alignPowerOfTwo')
    expect(problemOf({ header: 4 })).toBe('heap.invalid.inbandHeader')
    expect(problemOf({ header: 10 })).toBe('heap.invalid.inbandHeader')
    expect(problemOf({ align: 2 })).toBe('heap.invalid.inbandAlign')
    expect(problemOf({ arena: 102 })).toBe('heap.invalid.inbandArena')
    expect(problemOf({ arena: 12 })).toBe('heap.invalid.arenaTooSmall')
    expect(problemOf({ arena: 4, header: 8, meta: 'side' })).toBe('heap.invalid.arenaTooSmall')
    expect(problemOf({ arena: 100.5, meta: 'side' })).toBe('heap.invalid.notWhole')
    expect(problemOf({ arena: 0 })).toBe('heap.invalid.outOfRange')
    expect(problemOf({ order: 'random' })).toBe('heap.invalid.choice')
    expect(problemOf({ word: 6 })).toBe('heap.invalid.word')
    expect(problemOf({ word: 8 })).toBe('heap.invalid.inbandHeader')
    expect(problemOf({ word: 8, header: 16, align: 4 })).toBe('heap.invalid.inbandAlign')
    expect(problemOf({ word: 8, header: 16, arena: 100 })).toBe('heap.invalid.inbandArena')
    expect(problemOf({ prologue: 6 })).toBe('heap.invalid.inbandMultiple')
    expect(problemOf({ split: 'any' })).toBe('heap.invalid.splitAnyInband')
    expect(problemOf({ merge: 'list', list: 'implicit' })).toBe('heap.invalid.listMergeImplicit')
    expect(problemOf({ grow: 4096, arena: 64 * 1024 * 1024 })).toBe('heap.invalid.limitBelowArena')
    expect(problemOf({ arena: 36, prologue: 16, epilogue: 8 })).toBe(
      'heap.invalid.arenaTooSmallFramed'
    )
  })

  it('accepts the new rules where they make sense', () => {
    expect(problemOf({ split: 'any', meta: 'side', header: 4, align: 1 })).toBeUndefined()
    expect(problemOf({ merge: 'list', sort: 'resort', order: 'size-asc' })).toBeUndefined()
    expect(
      problemOf({
        word: 8,
        header: 16,
        align: 16,
        arena: 4128,
        prologue: 24,
        epilogue: 8,
        grow: 4096
      })
    ).toBeUndefined()
    // A fixed arena ignores the limit, whatever it is.
    expect(problemOf({ limit: 6 })).toBeUndefined()
  })

  it('has an English and a Chinese text for every message and description', () => {
    const keys = [
      ...heapFamilies.map((f) => f.summaryKey),
      ...firstFit.options.map((o) => o.descriptionKey),
      ...[
        'notWhole',
        'outOfRange',
        'choice',
        'alignPowerOfTwo',
        'inbandHeader',
        'inbandAlign',
        'inbandArena',
        'inbandMultiple',
        'word',
        'splitAnyInband',
        'listMergeImplicit',
        'limitBelowArena',
        'arenaTooSmall',
        'arenaTooSmallFramed'
      ].map((k) => `heap.invalid.${k}`),
      ...['heapEnd', 'listUnsorted'].map((k) => `heap.invariant.${k}`)
    ]
    for (const key of keys) {
      expect(translate('en', key)).not.toBe(key)
      expect(translate('zh-CN', key)).not.toBe(translate('en', key))
    }
  })

  it('sizes the pool exactly as create carves it, in both metadata modes', () => {
    for (const meta of ['inband', 'side']) {
      const values = firstFit.applyGeometry({ arena: 4096, meta }, new Set(['arena', 'meta']), {})
      const bytes = firstFit.poolBytes(values, program)
      const pool = FramePool.create(bytes)
      firstFit.create(pool, values, program, true).check()
      expect(HEADER_BYTES + pool.regionBytes).toBe(bytes)
    }
  })

  it('refuses to create a heap from values that fail validation', () => {
    const values = firstFit.applyGeometry({ align: 3 }, new Set(['align']), {})
    const pool = FramePool.create(1 << 16)
    expect(() => firstFit.create(pool, values, program, true)).toThrow(/power of two/)
  })
})
