import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileScenario } from './compile'
import { formatScenario } from './format'
import { generate } from './generators/generate'
import { programsEqual } from './programs-equal'
import { mutatedScenarioText, scenarioText } from './scenario-arbitrary'

/** Formatting must not change what a scenario means: the same program, or the same problems. */
function expectSameMeaning(text: string): void {
  const before = compileScenario(text)
  const formatted = formatScenario(text)
  const after = compileScenario(formatted)
  expect(after.diagnostics.map((d) => d.code)).toEqual(before.diagnostics.map((d) => d.code))
  if (before.program === undefined) {
    expect(after.program).toBeUndefined()
  } else {
    expect(after.program).toBeDefined()
    expect(programsEqual(before.program, after.program!)).toBe(true)
  }
  expect(formatScenario(formatted)).toBe(formatted)
}

describe('formatScenario', () => {
  it('puts one space between words, joins units and keeps comments', () => {
    expect(formatScenario('  alloc   a\t16 kib   # the first block\nfree a')).toBe(
      'alloc a 16KiB  # the first block\nfree a\n'
    )
  })

  it('keeps at most one blank line in a row and none at either end', () => {
    expect(formatScenario('\n\n# title\n\n\n\nalloc a 1\n\n\n')).toBe('# title\n\nalloc a 1\n')
  })

  it('leaves a malformed line as written, apart from surrounding spaces', () => {
    expect(formatScenario('  aloc   a  1  # typo\n')).toBe('aloc   a  1  # typo\n')
  })

  it('spells cache option units canonically', () => {
    expect(formatScenario('cache c 64 b align 8 k ctor 3')).toBe('cache c 64B align 8K ctor 3\n')
  })

  it('keeps the text of name and description', () => {
    expect(formatScenario('name   Two  spaces  inside ')).toBe('name Two  spaces  inside\n')
  })

  it('gives an empty text for a text with nothing in it', () => {
    expect(formatScenario(' \n\t\n')).toBe('')
  })

  it('round-trips scenarios made from the grammar', () => {
    fc.assert(fc.property(scenarioText, expectSameMeaning), { numRuns: 400 })
  })

  it('round-trips mutated scenarios', () => {
    fc.assert(fc.property(mutatedScenarioText, expectSameMeaning), { numRuns: 400 })
  })

  it('round-trips every generator kind', () => {
    for (const kind of ['random', 'ramp', 'plateau', 'fragmentation', 'slab', 'pages'] as const) {
      expectSameMeaning(generate(kind, { seed: 7, count: 50 }))
    }
  })
})
