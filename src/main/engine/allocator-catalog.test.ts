import { describe, expect, it } from 'vitest'
import { AllocatorCatalogSchema } from '@shared/allocator-catalog'
import { LOCALES } from '@shared/i18n/locales'
import { allocatorCatalog, checkSpec } from './allocator-catalog'
import { parseAllocatorSpec } from './allocator-spec'
import { allFamilies } from './families'
import { allPresets } from './presets'

const catalog = allocatorCatalog(allFamilies, allPresets)

describe('the allocator catalog', () => {
  it('lists every family with every option, in the shape allocators:list promises', () => {
    expect(AllocatorCatalogSchema.parse(catalog)).toEqual(catalog)
    expect(catalog.families.map((f) => f.name)).toEqual(allFamilies.map((f) => f.name))
    for (const [i, family] of allFamilies.entries()) {
      expect(catalog.families[i]!.options.map((o) => o.key)).toEqual(
        family.options.map((o) => o.key)
      )
    }
  })

  it('gives every family, option and preset a text in every language, never a bare key', () => {
    const texts = [
      ...catalog.families.flatMap((f) => [f.summary, ...f.options.map((o) => o.description)]),
      ...catalog.presets.flatMap((p) => [p.label, p.description])
    ]
    for (const text of texts) {
      for (const locale of LOCALES) {
        expect(text[locale]).toBeTruthy()
        expect(text[locale]).not.toMatch(/^[a-z]+(\.[\w-]+)+$/)
      }
    }
  })

  it('writes each default the way a spec would', () => {
    const heap = catalog.families.find((f) => f.name === 'first-fit')!
    expect(heap.options.find((o) => o.key === 'arena')).toMatchObject({
      defaultText: '1MiB',
      unit: 'bytes',
      min: 1
    })
    expect(heap.options.find((o) => o.key === 'align')).toMatchObject({ powerOfTwo: true })
    expect(heap.options.find((o) => o.key === 'coalesce')).toMatchObject({
      kind: 'switch',
      defaultText: 'on'
    })
  })

  it('offers only presets whose specs parse', () => {
    expect(catalog.presets.length).toBeGreaterThan(0)
    for (const preset of catalog.presets) {
      for (const spec of preset.specs)
        expect(() => parseAllocatorSpec(spec, allFamilies)).not.toThrow()
    }
  })
})

describe('checkSpec', () => {
  it('gives the canonical spec and values of a good spec, with the scenario geometry applied', () => {
    const result = checkSpec('buddy', allFamilies, { frames: 64 })
    expect(result.error).toBeNull()
    expect(result.label).toBe('buddy:frames=64,page=4KiB,max-order=10')
    expect(result.values).toMatchObject({ frames: 64 })
  })

  it('names the option an out-of-range value belongs to', () => {
    expect(checkSpec('first-fit:align=0', allFamilies, {}).error).toMatchObject({
      key: 'engine.spec.outOfRange',
      option: 'align'
    })
  })

  it('names the option a whole-configuration check blames', () => {
    expect(checkSpec('first-fit:header=2', allFamilies, {}).error).toMatchObject({
      key: 'heap.invalid.inbandHeader',
      option: 'header'
    })
    expect(checkSpec('buddy:page=3000', allFamilies, {}).error).toMatchObject({ option: 'page' })
  })

  it('blames no option for a spec that names no known family', () => {
    expect(checkSpec('frist-fit', allFamilies, {})).toMatchObject({
      family: null,
      error: { key: 'engine.spec.unknownFamilyGuess', option: null }
    })
  })
})
