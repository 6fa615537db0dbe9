import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  SpecError,
  normalizeSpec,
  parseAllocatorSpec,
  resolveAllocatorValues
} from './allocator-spec'
import type { AllocatorFamily } from './family'
import { tinyFamily } from './testing/tiny-family'

const otherFamily: AllocatorFamily = { ...tinyFamily, name: 'first-fit' }
const families = [tinyFamily, otherFamily]

function specError(text: string): SpecError {
  try {
    parseAllocatorSpec(text, families)
  } catch (error) {
    if (error instanceof SpecError) return error
    throw error
  }
  throw new Error(`"${text}" parsed without error`)
}

describe('parseAllocatorSpec', () => {
  it('fills every option the spec leaves out with its default and remembers the explicit ones', () => {
    const spec = parseAllocatorSpec('tiny:arena=100,reset=off', families)
    expect(spec.family).toBe(tinyFamily)
    expect(spec.values).toEqual({
      arena: 100,
      base: 0,
      order: 'addr',
      reset: false,
      spin: 0,
      'break-at': -1,
      hog: false
    })
    expect([...spec.explicit].sort()).toEqual(['arena', 'reset'])
  })

  it('accepts a bare family name and a family with an empty option list', () => {
    expect(parseAllocatorSpec('tiny', families).explicit.size).toBe(0)
    expect(parseAllocatorSpec(' tiny: ', families).values['arena']).toBe(1024)
  })

  it('reads sizes in the scenario language units', () => {
    const cases: [string, number][] = [
      ['16MiB', 16 * 1024 * 1024],
      ['4K', 4096],
      ['4KiB', 4096],
      ['1G', 1024 ** 3],
      ['1.5K', 1536],
      ['100B', 100],
      ['0x400', 1024]
    ]
    for (const [text, bytes] of cases) {
      expect(parseAllocatorSpec(`tiny:arena=${text}`, families).values['arena']).toBe(bytes)
    }
  })

  it('reads every spelling of a switch', () => {
    for (const [word, value] of [
      ['on', true],
      ['OFF', false],
      ['true', true],
      ['false', false],
      ['yes', true],
      ['no', false],
      ['1', true],
      ['0', false]
    ] as const) {
      expect(parseAllocatorSpec(`tiny:reset=${word}`, families).values['reset']).toBe(value)
    }
  })

  it('suggests the family the user probably meant', () => {
    const error = specError('tinny:arena=1')
    expect(error.messageKey).toBe('engine.spec.unknownFamilyGuess')
    expect(error.message).toContain('"tinny"')
    expect(error.message).toContain('Did you mean "tiny"?')
    expect(specError('first').message).toContain('Did you mean "first-fit"?')
  })

  it('lists the families when the name is nothing like any of them', () => {
    const error = specError('zzzzzzzz')
    expect(error.messageKey).toBe('engine.spec.unknownFamily')
    expect(error.message).toContain('tiny, first-fit')
  })

  it('names the spec and the bad part in every error', () => {
    const cases: [string, string, string][] = [
      ['tiny:arean=10', 'engine.spec.unknownOptionGuess', 'arean'],
      ['tiny:colour=10', 'engine.spec.unknownOption', 'colour'],
      ['tiny:arena', 'engine.spec.missingEquals', 'arena'],
      ['tiny:arena=1,arena=2', 'engine.spec.duplicateOption', 'arena'],
      ['tiny:arena=', 'engine.spec.emptyValue', 'arena'],
      ['tiny:reset=maybe', 'engine.spec.badSwitch', 'maybe'],
      ['tiny:order=adr', 'engine.spec.badChoiceGuess', 'adr'],
      ['tiny:order=zigzag', 'engine.spec.badChoice', 'zigzag'],
      ['tiny:spin=1.5', 'engine.spec.badInteger', '1.5'],
      ['tiny:spin=4K', 'engine.spec.badInteger', '4K'],
      ['tiny:arena=16KB', 'engine.spec.badSize', '16KB'],
      ['tiny:arena=1.3K', 'engine.spec.badSize', '1.3K'],
      ['tiny:arena=0', 'engine.spec.outOfRange', 'arena=0'],
      ['tiny:arena=2G', 'engine.spec.outOfRange', 'arena=2G'],
      ['tiny:spin=-1', 'engine.spec.outOfRange', 'spin=-1']
    ]
    for (const [text, key, part] of cases) {
      const error = specError(text)
      expect(error.messageKey, text).toBe(key)
      expect(error.message, text).toContain(`"${text}"`)
      expect(error.message, text).toContain(part)
    }
  })

  it('says what the range is when a value is outside it', () => {
    expect(specError('tiny:arena=2G').message).toContain('(1 to 1GiB)')
  })

  it('renders its errors in Chinese too', () => {
    expect(specError('tiny:order=adr').describe('zh-CN')).toContain('你是不是想写 "addr"')
  })
})

describe('resolveAllocatorValues', () => {
  it('fills options the spec left out from the scenario geometry, and keeps explicit ones', () => {
    const implicit = parseAllocatorSpec('tiny', families)
    expect(resolveAllocatorValues(implicit, { arenaBytes: 500, baseAddress: 7 })).toMatchObject({
      arena: 500,
      base: 7
    })
    const explicit = parseAllocatorSpec('tiny:arena=100', families)
    expect(resolveAllocatorValues(explicit, { arenaBytes: 500 })['arena']).toBe(100)
  })

  it('reports the family cross-option check with the spec', () => {
    const spec = parseAllocatorSpec('tiny:order=back,reset=off', families)
    expect(() => resolveAllocatorValues(spec, {})).toThrow(SpecError)
    expect(() => resolveAllocatorValues(spec, {})).toThrow(/tiny:order=back,reset=off/)
  })
})

describe('normalizeSpec', () => {
  it('prints every option in the order the family lists them', () => {
    const spec = parseAllocatorSpec('tiny:reset=no,arena=16MiB', families)
    expect(normalizeSpec(spec.family, spec.values)).toBe(
      'tiny:arena=16MiB,base=0,order=addr,reset=off,spin=0,break-at=-1,hog=off'
    )
  })

  it('gives text that parses back to the same values', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.constantFrom('addr', 'front', 'back'),
        fc.boolean(),
        fc.integer({ min: -1, max: 2 ** 31 - 1 }),
        (arena, base, order, reset, breakAt) => {
          const text = `tiny:arena=${arena},base=${base},order=${order},reset=${reset ? 'on' : 'off'},break-at=${breakAt}`
          const spec = parseAllocatorSpec(text, families)
          const again = parseAllocatorSpec(normalizeSpec(spec.family, spec.values), families)
          expect(again.values).toEqual(spec.values)
        }
      )
    )
  })
})
