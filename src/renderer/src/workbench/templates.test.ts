import { describe, expect, it } from 'vitest'
import { compileScenario } from '@shared/scenario'
import { translator } from '@shared/i18n/translate'
import { LOCALES } from '@shared/i18n/locales'
import { SCENARIO_TEMPLATES } from './templates'

describe('the example scenarios', () => {
  it.each(LOCALES)('compile without errors or warnings in %s', (locale) => {
    const t = translator(locale)
    for (const template of SCENARIO_TEMPLATES) {
      const { program, diagnostics } = compileScenario(template.text(t))
      expect(diagnostics, template.id).toEqual([])
      expect(program!.count, template.id).toBeGreaterThan(1)
    }
  })

  it('asks for 2^8 = 256 frames on an empty pool of 1024 in the article example', () => {
    const { program } = compileScenario(SCENARIO_TEMPLATES[0]!.text(translator('en')))
    expect(program!.geometry).toEqual({ frames: 1024 })
    expect(program!.sizes[0]).toBe(8)
  })
})
