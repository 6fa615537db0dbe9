/**
 * Scenario text as a list of statements, one per line, for editors and the
 * formatter. The compiler does not need these objects; `compileScenario` goes
 * straight from text to typed arrays.
 */
import { analyzeScenario } from './analyze'
import type { Diagnostic } from './diagnostic'
import { KEYWORDS } from './keywords'
import type { LineReader } from './line-reader'
import { NumberReader, canonicalUnit } from './size'
import type { StatementDecoder } from './statement-decoder'

export interface ScenarioWord {
  readonly text: string
  /** 1-based column of the word's first character. */
  readonly column: number
}

export type StatementKind = 'blank' | 'comment' | 'directive' | 'request' | 'unknown'

export interface ScenarioStatement {
  /** 1-based line number. */
  readonly line: number
  readonly kind: StatementKind
  /** The first word when it is a keyword, else ''. */
  readonly keyword: string
  /** Every word before the comment, keyword first. */
  readonly words: readonly ScenarioWord[]
  /** The comment including its `#`, or ''. */
  readonly comment: string
  /** 1-based column of `#`, or 0. */
  readonly commentColumn: number
  /** False when the line itself is malformed (wrong words, bad numbers). */
  readonly wellFormed: boolean
  /**
   * The line's words in canonical spelling (single spaces, units such as KiB
   * spelled one way and joined to their number); a malformed line's words as
   * written. '' for blank and comment lines.
   */
  readonly canonical: string
}

export interface ParseResult {
  readonly statements: readonly ScenarioStatement[]
  /** Every problem in the text, the same list `compileScenario` gives. */
  readonly diagnostics: readonly Diagnostic[]
}

/** Split scenario text into statements and find every problem in it. Never throws. */
export function parseScenario(text: string): ParseResult {
  const statements: ScenarioStatement[] = []
  const numbers = new NumberReader()
  const { diagnostics } = analyzeScenario(text, (reader, decoder) => {
    statements.push(toStatement(reader, decoder, numbers))
  })
  return { statements, diagnostics }
}

function toStatement(
  reader: LineReader,
  decoder: StatementDecoder,
  numbers: NumberReader
): ScenarioStatement {
  const words: ScenarioWord[] = []
  for (let i = 0; i < reader.storedWords; i++) {
    words.push({ text: reader.word(i), column: reader.column(i) })
  }
  const comment = reader.comment()
  const commentColumn = reader.commentStart < 0 ? 0 : reader.commentStart - reader.lineStart + 1
  const info = decoder.keyword >= 0 ? KEYWORDS[decoder.keyword] : undefined
  let kind: StatementKind
  if (words.length === 0) kind = comment ? 'comment' : 'blank'
  else if (info === undefined) kind = 'unknown'
  else kind = info.role
  return {
    line: reader.line,
    kind,
    keyword: info?.word ?? '',
    words,
    comment,
    commentColumn,
    wellFormed: decoder.wellFormed,
    canonical: words.length === 0 ? '' : canonicalWords(reader, decoder, numbers)
  }
}

function canonicalWords(
  reader: LineReader,
  decoder: StatementDecoder,
  numbers: NumberReader
): string {
  const text = reader.text
  if (!decoder.wellFormed || decoder.keyword < 0) {
    const end = reader.commentStart >= 0 ? reader.commentStart : reader.lineEnd
    return text.slice(reader.wordStart[0], end).trim()
  }
  const keyword = KEYWORDS[decoder.keyword]!.word
  if (keyword === 'name' || keyword === 'description') return `${keyword} ${decoder.text}`
  const parts: string[] = []
  for (let i = 0; i < reader.storedWords; i++) {
    if (decoder.detachedUnitWords & (1 << i)) continue
    let word = reader.word(i)
    if (decoder.unitWords & (1 << i)) {
      const start = reader.wordStart[i]!
      const end = reader.wordEnd[i]!
      numbers.read(text, start, end, true)
      word = text.slice(start, numbers.unitStart)
      if (numbers.unitStart < end) word += canonicalUnit(text.slice(numbers.unitStart, end)) ?? ''
      if (decoder.detachedUnitWords & (1 << (i + 1))) {
        word += canonicalUnit(reader.word(i + 1)) ?? ''
      }
    }
    parts.push(word)
  }
  return parts.join(' ')
}
