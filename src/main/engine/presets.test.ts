import { describe, expect, it } from 'vitest'
import { translate } from '@shared/i18n/translate'
import { MALLOC_PY_DEFAULTS } from '@shared/ostep/malloc-py-options'
import { planMallocPy } from '@shared/ostep/malloc-py-run'
import { parseAllocatorSpec, resolveAllocatorValues } from './allocator-spec'
import { allFamilies } from './families'
import { CSAPP_TEXTBOOK_SPEC, OSTEP_SPEC, allPresets, findPreset } from './presets'

describe('allocator presets', () => {
  it.each(allPresets.map((p) => [p.id, p] as const))(
    '%s names valid configurations in both languages',
    (_, preset) => {
      for (const spec of preset.specs) {
        expect(() =>
          resolveAllocatorValues(parseAllocatorSpec(spec, allFamilies), {})
        ).not.toThrow()
      }
      for (const key of [preset.labelKey, preset.descriptionKey]) {
        expect(translate('en', key)).not.toBe(key)
        expect(translate('zh-CN', key)).not.toBe(translate('en', key))
      }
    }
  )

  it('offers malloc.py’s defaults as the ostep preset, the allocator alloclab ostep runs', () => {
    expect(findPreset('ostep')?.specs).toEqual([OSTEP_SPEC])
    const plan = planMallocPy(MALLOC_PY_DEFAULTS)
    expect('spec' in plan && plan.spec).toBe(OSTEP_SPEC)
  })

  it('offers CS:APP’s textbook allocator as csapp-textbook', () => {
    expect(findPreset('csapp-textbook')?.specs).toEqual([CSAPP_TEXTBOOK_SPEC])
    const values = resolveAllocatorValues(parseAllocatorSpec(CSAPP_TEXTBOOK_SPEC, allFamilies), {})
    expect(values).toMatchObject({ list: 'implicit', word: 8, grow: 4096, limit: 20 * 1024 * 1024 })
  })
})
