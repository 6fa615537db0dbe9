import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDecodedText, decodeText } from './decode-text'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))))

describe('decodeText', () => {
  it('gives back UTF-8 text as it is, Chinese and a byte-order mark included', () => {
    expect(decodeText(bytes('\ufeffalloc 缓冲 16\n'))).toEqual({
      ok: true,
      text: '\ufeffalloc 缓冲 16\n'
    })
  })

  it('refuses a zero byte, naming its offset', () => {
    expect(decodeText(bytes('alloc a 1\n', [0, 1, 2]))).toEqual({
      ok: false,
      problem: { kind: 'nul', offset: 10, byte: 0 }
    })
  })

  it('refuses bytes that are not UTF-8, naming the first bad one', () => {
    expect(decodeText(bytes('héllo ', [0xff, 0x41]))).toEqual({
      ok: false,
      problem: { kind: 'utf8', offset: 7, byte: 0xff }
    })
    // A sequence cut short: the lead byte of "é" without its second byte.
    expect(decodeText(bytes('ab', [0xc3]))).toEqual({
      ok: false,
      problem: { kind: 'utf8', offset: 2, byte: 0xc3 }
    })
  })

  it('counts a real U+FFFD in the file as text, not as the bad byte', () => {
    expect(decodeText(bytes('\ufffd\ufffd', [0x80]))).toEqual({
      ok: false,
      problem: { kind: 'utf8', offset: 6, byte: 0x80 }
    })
  })

  it('calls any input with a zero byte binary, even when a bad sequence comes first', () => {
    expect(decodeText(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({
      ok: false,
      problem: { kind: 'nul', offset: 8, byte: 0 }
    })
  })

  it('never hands back text that would not encode to the very same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        const decoded = decodeText(input)
        if (decoded.ok) {
          expect(Buffer.from(decoded.text, 'utf8').equals(Buffer.from(input))).toBe(true)
        } else {
          expect(decoded.problem.offset).toBeLessThan(input.length)
          expect(decoded.problem.byte).toBe(input[decoded.problem.offset])
        }
      })
    )
  })
})

describe('checkDecodedText', () => {
  it('refuses a zero character in already decoded text, at its UTF-8 offset', () => {
    expect(checkDecodedText('缓\0')).toEqual({
      ok: false,
      problem: { kind: 'nul', offset: 3, byte: 0 }
    })
    expect(checkDecodedText('free a\n')).toEqual({ ok: true, text: 'free a\n' })
  })
})
