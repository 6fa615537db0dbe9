/**
 * Python's `int(text, base)` for bases 2, 8, 10 and 16, and optparse's
 * `type='int'` conversion built on it, because malloc.py reads every number
 * that way: `-a -1`, `-b 0x1000`, `-S 010` (octal, 8) and `-A +1_0` all
 * mean what Python makes of them.
 */

const PREFIX: Readonly<Record<number, string>> = { 2: 'b', 8: 'o', 16: 'x' }

/** `int(text, base)`, or undefined where Python raises ValueError. */
export function pythonInt(text: string, base: 2 | 8 | 10 | 16): bigint | undefined {
  let s = text.trim()
  let negative = false
  if (s.startsWith('+') || s.startsWith('-')) {
    negative = s.startsWith('-')
    s = s.slice(1)
  }
  const prefix = PREFIX[base]
  if (prefix !== undefined && s.length >= 2 && s[0] === '0' && s[1]!.toLowerCase() === prefix) {
    // After a base prefix Python allows one underscore before the first digit.
    s = s.slice(2)
    if (s.startsWith('_')) s = s.slice(1)
  }
  if (s === '' || s.startsWith('_') || s.endsWith('_') || s.includes('__')) return undefined
  let value = 0n
  const radix = BigInt(base)
  for (const c of s) {
    if (c === '_') continue
    const digit = Number.parseInt(c, 16)
    if (!(digit >= 0 && digit < base) || !/[0-9a-f]/i.test(c)) return undefined
    value = value * radix + BigInt(digit)
  }
  return negative ? -value : value
}

/**
 * optparse's `_parse_num(val, int)`: the base comes from the raw text's
 * prefix — "0x" hexadecimal, "0b" binary, any other leading "0" octal
 * ("010" is 8), otherwise decimal — and then `int(val, base)` decides.
 */
export function optparseInt(text: string): bigint | undefined {
  const head = text.slice(0, 2).toLowerCase()
  if (head === '0x') return pythonInt(text, 16)
  if (head === '0b') return pythonInt(text.slice(2) || '0', 2)
  if (text.startsWith('0')) return pythonInt(text, 8)
  return pythonInt(text, 10)
}
