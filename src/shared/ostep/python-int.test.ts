import { describe, expect, it } from 'vitest'
import { optparseInt, pythonInt } from './python-int'

/** What CPython 3's optparse._parse_num(text, int) gives (undefined: ValueError). */
const OPTPARSE: readonly [string, bigint | undefined][] = [
  ['10', 10n],
  ['-1', -1n],
  ['0x10', 16n],
  ['0X1f', 31n],
  ['010', 8n],
  ['0', 0n],
  ['00', 0n],
  ['08', undefined],
  ['0o17', 15n],
  ['0b101', 5n],
  ['0b', 0n],
  ['1_000', 1000n],
  ['_1', undefined],
  ['1__0', undefined],
  [' 12 ', 12n],
  ['+5', 5n],
  ['-0x10', undefined],
  ['0x_1f', 31n],
  ['abc', undefined],
  ['', undefined],
  ['1e3', undefined],
  ['0b_1', undefined]
]

/** What CPython 3's int(text) gives. */
const INT: readonly [string, bigint | undefined][] = [
  ['10', 10n],
  [' 10 ', 10n],
  ['+10', 10n],
  ['-5', -5n],
  ['1_0', 10n],
  ['', undefined],
  ['x', undefined],
  ['0x10', undefined],
  ['007', 7n],
  ['+-5', undefined]
]

describe('Python integer parsing', () => {
  it.each(OPTPARSE)('reads %j as optparse does', (text, value) => {
    expect(optparseInt(text)).toBe(value)
  })

  it.each(INT)('reads %j as int() does', (text, value) => {
    expect(pythonInt(text, 10)).toBe(value)
  })
})
