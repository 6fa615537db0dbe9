import { describe, expect, it } from 'vitest'
import { closestWord, editDistance } from './closest-word'

const KEYWORDS = ['alloc', 'free', 'realloc', 'pages', 'free-pages', 'cache', 'object', 'kmalloc']

describe('closestWord', () => {
  it('suggests the keyword a one-letter slip came from', () => {
    expect(closestWord('aloc', KEYWORDS)).toBe('alloc')
    expect(closestWord('fre', KEYWORDS)).toBe('free')
  })

  it('suggests through two slips in a word of five letters or more', () => {
    expect(closestWord('alocc', KEYWORDS)).toBe('alloc')
    expect(closestWord('kmaloc', KEYWORDS)).toBe('kmalloc')
  })

  it('ignores case', () => {
    expect(closestWord('Free', KEYWORDS)).toBe('free')
  })

  it('stays silent when nothing is close, rather than guessing', () => {
    expect(closestWord('xyz', KEYWORDS)).toBeUndefined()
    expect(closestWord('banana', KEYWORDS)).toBeUndefined()
  })

  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('aling', 'align')).toBe(1)
    expect(editDistance('alloc', 'alloc')).toBe(0)
  })
})
