/**
 * Colours for one line of scenario text, from the language's own word
 * tables (keywords, cache options, units), so the editor never keeps a list
 * of its own. Lines are independent in the language, which lets the editor
 * tokenize only the lines on screen.
 */
import { CACHE_OPTION_WORDS, KEYWORDS, canonicalUnit, keywordOf } from '@shared/scenario'
import { isSpace } from '@shared/scenario/line-reader'

export type TokenKind =
  'request' | 'directive' | 'name' | 'number' | 'unit' | 'option' | 'text' | 'comment' | 'unknown'

export interface Token {
  /** Offsets within the line. */
  readonly from: number
  readonly to: number
  readonly kind: TokenKind
}

export interface Word {
  readonly from: number
  readonly to: number
  readonly text: string
}

const CACHE_OPTIONS: ReadonlySet<string> = new Set(CACHE_OPTION_WORDS)
const TEXT_KEYWORDS: ReadonlySet<string> = new Set(['name', 'description'])

/** The words of a line before its comment, and where the comment starts (-1: none). */
export function lineWords(line: string): { words: Word[]; commentFrom: number } {
  const words: Word[] = []
  let at = 0
  while (at < line.length) {
    const c = line.charCodeAt(at)
    if (c === 35 /* # */) return { words, commentFrom: at }
    if (isSpace(c)) {
      at++
      continue
    }
    const from = at
    while (at < line.length && !isSpace(line.charCodeAt(at)) && line.charCodeAt(at) !== 35) at++
    words.push({ from, to: at, text: line.slice(from, at) })
  }
  return { words, commentFrom: -1 }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** `16KiB` → the digits, then the unit when the letters are one. */
function numberTokens(word: Word): Token[] {
  const text = word.text
  if (/^0x[0-9a-f_]+$/i.test(text)) return [{ from: word.from, to: word.to, kind: 'number' }]
  let split = 0
  while (
    split < text.length &&
    (isDigit(text.charCodeAt(split)) || text[split] === '.' || text[split] === '_')
  )
    split++
  if (split === text.length) return [{ from: word.from, to: word.to, kind: 'number' }]
  const unit = text.slice(split)
  if (canonicalUnit(unit) === undefined) return [{ from: word.from, to: word.to, kind: 'unknown' }]
  return [
    { from: word.from, to: word.from + split, kind: 'number' },
    { from: word.from + split, to: word.to, kind: 'unit' }
  ]
}

export function tokenizeLine(line: string): Token[] {
  const { words, commentFrom } = lineWords(line)
  const tokens: Token[] = []
  const first = words[0]
  if (first) {
    const keyword = keywordOf(first.text)
    const info = keyword >= 0 ? KEYWORDS[keyword] : undefined
    tokens.push({
      from: first.from,
      to: first.to,
      kind: info ? (info.role === 'directive' ? 'directive' : 'request') : 'unknown'
    })
    if (info && TEXT_KEYWORDS.has(info.word)) {
      const last = words[words.length - 1]
      if (words.length > 1 && last) tokens.push({ from: words[1]!.from, to: last.to, kind: 'text' })
    } else {
      for (let i = 1; i < words.length; i++) {
        const word = words[i]!
        const previous = words[i - 1]!
        if (isDigit(word.text.charCodeAt(0))) tokens.push(...numberTokens(word))
        else if (
          canonicalUnit(word.text) !== undefined &&
          isDigit(previous.text.charCodeAt(previous.text.length - 1))
        )
          tokens.push({ from: word.from, to: word.to, kind: 'unit' })
        else if (info?.word === 'cache' && i >= 3 && CACHE_OPTIONS.has(word.text))
          tokens.push({ from: word.from, to: word.to, kind: 'option' })
        else tokens.push({ from: word.from, to: word.to, kind: 'name' })
      }
    }
  }
  if (commentFrom >= 0) tokens.push({ from: commentFrom, to: line.length, kind: 'comment' })
  return tokens
}
