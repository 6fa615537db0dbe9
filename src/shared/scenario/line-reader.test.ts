import { describe, expect, it } from 'vitest'
import { LineReader } from './line-reader'

function lines(text: string): { words: string[]; columns: number[]; comment: string }[] {
  const reader = new LineReader(text)
  const out = []
  while (reader.next()) {
    const words = []
    const columns = []
    for (let i = 0; i < reader.storedWords; i++) {
      words.push(reader.word(i))
      columns.push(reader.column(i))
    }
    out.push({ words, columns, comment: reader.comment() })
  }
  return out
}

describe('LineReader', () => {
  it('splits lines into words with 1-based columns and a trailing comment', () => {
    expect(lines('  alloc a\t16K # first  \nfree a#done')).toEqual([
      { words: ['alloc', 'a', '16K'], columns: [3, 9, 11], comment: '# first' },
      { words: ['free', 'a'], columns: [1, 6], comment: '#done' }
    ])
  })

  it('yields one line more than there are line breaks', () => {
    expect(lines('')).toHaveLength(1)
    expect(lines('a\n')).toHaveLength(2)
    expect(lines('\n\n')).toHaveLength(3)
  })

  it('counts words past the ones it stores', () => {
    const reader = new LineReader(Array.from({ length: 100 }, () => 'w').join(' '))
    reader.next()
    expect(reader.wordCount).toBe(100)
    expect(reader.storedWords).toBe(64)
  })
})
