import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonWithoutControls, visibleParams, visibleText } from './visible-text'

/** Anything a terminal would act on or not show: what must never come out raw. */
const RAW = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u

describe('visibleText', () => {
  it('shows escape sequences, bells, DEL and C1 controls as \\x escapes', () => {
    expect(visibleText('\x1b[31mred\x07')).toBe('\\x1b[31mred\\x07')
    expect(visibleText('a\x7fb\x9bc\0')).toBe('a\\x7fb\\x9bc\\x00')
  })

  it('shows bidirectional overrides, isolates and invisible spaces as \\u escapes', () => {
    expect(visibleText('file\u202egnp.exe')).toBe('file\\u202egnp.exe')
    expect(visibleText('\u2066a\u2069\u200b\ufeff\u2028')).toBe(
      '\\u2066a\\u2069\\u200b\\ufeff\\u2028'
    )
  })

  it('escapes line breaks, tabs and carriage returns inside one value', () => {
    expect(visibleText('a\nb\tc\rd')).toBe('a\\x0ab\\x09c\\x0dd')
  })

  it('keeps the line breaks of a whole message, and the tabs of a document when asked', () => {
    expect(visibleText('one\ntwo\t\x1b\r', 'lines')).toBe('one\ntwo\\x09\\x1b\\x0d')
    expect(visibleText('one\ntwo\t\x1b\r', 'lines-and-tabs')).toBe('one\ntwo\t\\x1b\\x0d')
  })

  it('leaves ordinary text alone: Chinese, accents, emoji, backslashes, a Windows path', () => {
    const ordinary = '场景 café 🙂 C:\\Users\\xiaoming\\lesson.alloc'
    expect(visibleText(ordinary)).toBe(ordinary)
  })

  it('never lets a raw control character through, and escaping twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = visibleText(text)
        expect(RAW.test(once)).toBe(false)
        expect(visibleText(once)).toBe(once)
      })
    )
  })

  it('tells one control character from another', () => {
    const controls = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i))
    const shown = new Set(controls.map((c) => visibleText(c)))
    expect(shown.size).toBe(controls.length)
  })
})

describe('visibleParams', () => {
  it('escapes every string param and passes numbers through', () => {
    expect(visibleParams({ file: 'a\x1b.scn', count: 3 })).toEqual({ file: 'a\\x1b.scn', count: 3 })
  })
})

describe('jsonWithoutControls', () => {
  it('gives JSON that parses to the same value and holds nothing raw but its own line breaks', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const json = JSON.stringify({ value, text }, null, 2)
        const safe = jsonWithoutControls(json)
        expect(JSON.parse(safe)).toEqual(JSON.parse(json))
        expect(RAW.test(safe.replaceAll('\n', ''))).toBe(false)
      })
    )
  })
})
