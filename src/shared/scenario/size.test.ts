import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NumberProblem, NumberReader, canonicalUnit, formatSize, parseSize } from './size'

function problemOf(text: string, allowUnit = true): number {
  const reader = new NumberReader()
  reader.read(text, 0, text.length, allowUnit)
  return reader.problem
}

describe('sizes', () => {
  it('reads bytes, binary units, fractions, separators and hex', () => {
    expect(parseSize('4096')).toBe(4096)
    expect(parseSize('16KiB')).toBe(16384)
    expect(parseSize('16k')).toBe(16384)
    expect(parseSize('2M')).toBe(2 * 1024 ** 2)
    expect(parseSize('1GiB')).toBe(1024 ** 3)
    expect(parseSize('1TiB')).toBe(1024 ** 4)
    expect(parseSize('1.5K')).toBe(1536)
    expect(parseSize('1_000_000')).toBe(1_000_000)
    expect(parseSize('0x10000')).toBe(65536)
    expect(parseSize(' 8B ')).toBe(8)
  })

  it('tells what is wrong with a bad size', () => {
    expect(problemOf('abc')).toBe(NumberProblem.NotANumber)
    expect(problemOf('0x')).toBe(NumberProblem.NotANumber)
    expect(problemOf('0xfg')).toBe(NumberProblem.NotANumber)
    expect(problemOf('1.')).toBe(NumberProblem.NotANumber)
    expect(problemOf('1__0')).toBe(NumberProblem.NotANumber)
    expect(problemOf('16KB')).toBe(NumberProblem.BadUnit)
    expect(problemOf('1.3K')).toBe(NumberProblem.Fractional)
    expect(problemOf('2.5')).toBe(NumberProblem.Fractional)
    expect(problemOf('2K', false)).toBe(NumberProblem.UnitNotAllowed)
  })

  it('reads a number in place inside a longer text', () => {
    const reader = new NumberReader()
    expect(reader.read('alloc a 12K rest', 8, 11, true)).toBe(true)
    expect(reader.value).toBe(12 * 1024)
    expect(reader.unitStart).toBe(10)
  })

  it('reports numbers past 2^53 as infinitely large rather than rounding them', () => {
    expect(parseSize('99999999999999999999')).toBe(Infinity)
  })

  it('spells units canonically', () => {
    expect(['b', 'k', 'KIB', 'mib', 'g', 'GiB', 'kb'].map(canonicalUnit)).toEqual([
      'B',
      'K',
      'KiB',
      'MiB',
      'G',
      'GiB',
      undefined
    ])
  })

  it('formats a size so that it reads back to the same number of bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (bytes) => {
        expect(parseSize(formatSize(bytes))).toBe(bytes)
      })
    )
    expect(formatSize(16 * 1024 ** 2)).toBe('16MiB')
    expect(formatSize(1536)).toBe('1536')
  })
})
