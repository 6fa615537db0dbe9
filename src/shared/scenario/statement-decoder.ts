/**
 * The syntax of one line: which keyword, which words are handles, cache names
 * and numbers, and whether each is well formed. Meaning that depends on other
 * lines (is this handle live? does that cache exist?) is the analyzer's job.
 * The decoder is reused for every line and keeps its results in fields, so
 * decoding a million lines allocates only the name strings.
 */
import { diagnostic, type Diagnostic } from './diagnostic'
import { closestWord } from './closest-word'
import {
  CACHE_OPTION_WORDS,
  KEYWORDS,
  KEYWORD_WORDS,
  Keyword as keywordIds,
  UNIT_WORDS,
  keywordAt as findKeyword,
  type KeywordId
} from './keywords'
import type { LineReader } from './line-reader'
import { MAX_BYTES, NumberProblem, NumberReader, canonicalUnit, formatSize } from './size'

// Imported bindings may compile to getter calls (CommonJS output, tsx); the
// per-line code reads these module-local copies instead.
const Keyword = keywordIds
const keywordAt = findKeyword

/** Inclusive bounds and unit rules of each kind of number in the language. */
interface NumberRule {
  /** Param for messages; rendered through `scenario.what.<what>`. */
  readonly what: string
  readonly min: number
  readonly max: number
  readonly allowUnit: boolean
  readonly powerOfTwo?: boolean
  /** Zero is allowed even though it is not a power of two. */
  readonly zeroAllowed?: boolean
}

const SIZE_RULE: NumberRule = { what: 'size', min: 0, max: MAX_BYTES, allowUnit: true }
const OBJECT_SIZE_RULE: NumberRule = { what: 'objectSize', min: 1, max: MAX_BYTES, allowUnit: true }
const ORDER_RULE: NumberRule = { what: 'order', min: 0, max: 30, allowUnit: false }
const DIRECTIVE_RULES: Partial<Record<KeywordId, NumberRule>> = {
  [Keyword.Arena]: { what: 'arena', min: 1, max: MAX_BYTES, allowUnit: true },
  [Keyword.Base]: { what: 'base', min: 0, max: Number.MAX_SAFE_INTEGER, allowUnit: true },
  [Keyword.Frames]: { what: 'frames', min: 1, max: 2 ** 24, allowUnit: false },
  [Keyword.PageSize]: {
    what: 'pageSize',
    min: 1,
    max: 2 ** 30,
    allowUnit: true,
    powerOfTwo: true
  },
  [Keyword.MaxOrder]: { what: 'maxOrder', min: 0, max: 30, allowUnit: false },
  [Keyword.Grow]: { what: 'grow', min: 1, max: MAX_BYTES, allowUnit: true }
}
const OPTION_RULES: Readonly<Record<string, NumberRule>> = {
  align: { what: 'align', min: 1, max: 2 ** 20, allowUnit: true, powerOfTwo: true },
  ctor: { what: 'ctor', min: 0, max: 1e9, allowUnit: false },
  dtor: { what: 'dtor', min: 0, max: 1e9, allowUnit: false },
  pages: {
    what: 'slabPages',
    min: 0,
    max: 1024,
    allowUnit: false,
    powerOfTwo: true,
    zeroAllowed: true
  }
}

/** Object alignment when `cache` does not say: one machine word. */
export const DEFAULT_ALIGN = 8

function isPowerOfTwo(value: number): boolean {
  return value > 0 && Number.isInteger(Math.log2(value))
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46
}

export class StatementDecoder {
  /** Keyword of the line, or -1 for a blank, comment-only or unknown line. */
  keyword: KeywordId | -1 = -1
  /** False when this line has a syntax error; its values are then not to be trusted. */
  wellFormed = true
  /** Word index of the handle name (requests on handles) or cache name (cache, shrink, destroy). */
  nameWord = -1
  /** Word index of the cache name of `object`. */
  cacheWord = -1
  /** Bytes, order or directive value. */
  value = 0
  /** Word index of `value`, -1 when the line has none. */
  valueWord = -1
  /** Text of `name` and `description`. */
  text = ''
  align = DEFAULT_ALIGN
  ctorCost = 0
  dtorCost = 0
  slabPages = 0
  /** Bit i set: word i is a number whose unit is to be spelled canonically. */
  unitWords = 0
  /** Bit i set: word i is a unit written apart from its number (`16 KiB`). */
  detachedUnitWords = 0

  private readonly numbers = new NumberReader()
  private reader!: LineReader
  private diagnostics!: Diagnostic[]

  /** The handle or cache name as a string (a copy: keep it off hot paths). */
  get name(): string {
    return this.nameWord < 0 ? '' : this.reader.word(this.nameWord)
  }

  /** The cache name of `object`. */
  get cacheName(): string {
    return this.cacheWord < 0 ? '' : this.reader.word(this.cacheWord)
  }

  decode(reader: LineReader, diagnostics: Diagnostic[]): void {
    this.reader = reader
    this.diagnostics = diagnostics
    this.keyword = -1
    this.wellFormed = true
    this.valueWord = -1
    this.nameWord = -1
    this.cacheWord = -1
    this.unitWords = 0
    this.detachedUnitWords = 0
    if (reader.wordCount === 0) return

    const keyword = keywordAt(reader.text, reader.wordStart[0]!, reader.wordEnd[0]!)
    if (keyword < 0) {
      this.reportUnknownKeyword(reader.word(0))
      return
    }
    this.keyword = keyword
    switch (keyword) {
      case Keyword.Name:
      case Keyword.Description:
        this.decodeText()
        break
      case Keyword.Arena:
      case Keyword.Base:
      case Keyword.Frames:
      case Keyword.PageSize:
      case Keyword.MaxOrder:
      case Keyword.Grow: {
        const rule = DIRECTIVE_RULES[keyword]!
        const detached = rule.allowUnit && reader.wordCount >= 3 && this.isDetachedUnit(2)
        if (this.expectWords(2, detached ? 3 : 2)) this.decodeNumber(1, rule, detached)
        break
      }
      case Keyword.Alloc:
      case Keyword.Realloc:
      case Keyword.Kmalloc:
        this.decodeHandleAndSize()
        break
      case Keyword.Pages:
        if (this.expectWords(3, 3) && this.decodeName(1)) this.decodeNumber(2, ORDER_RULE)
        break
      case Keyword.Free:
      case Keyword.FreePages:
      case Keyword.FreeObject:
      case Keyword.Kfree:
      case Keyword.Shrink:
      case Keyword.Destroy:
        if (this.expectWords(2, 2)) this.decodeName(1)
        break
      case Keyword.Object:
        if (this.expectWords(3, 3) && this.decodeName(1) && this.isName(2)) this.cacheWord = 2
        break
      case Keyword.Cache:
        this.decodeCache()
        break
    }
  }

  private report(
    code: Parameters<typeof diagnostic>[0],
    firstWord: number,
    lastWord: number,
    message: string,
    params: Record<string, string | number> = {}
  ): void {
    const reader = this.reader
    const start = reader.wordStart[firstWord]!
    this.diagnostics.push(
      diagnostic(
        code,
        reader.line,
        start - reader.lineStart + 1,
        reader.wordEnd[lastWord]! - start,
        message,
        params
      )
    )
    this.wellFormed = false
  }

  private reportUnknownKeyword(word: string): void {
    const suggestion = closestWord(word, KEYWORD_WORDS)
    if (suggestion !== undefined) {
      this.report('unknown-keyword', 0, 0, 'unknownKeywordSuggest', { word, suggestion })
    } else {
      this.report('unknown-keyword', 0, 0, 'unknownKeyword', { word })
    }
  }

  /** Checks the word count (keyword included); reports and returns false when wrong. */
  private expectWords(min: number, max: number): boolean {
    const reader = this.reader
    if (reader.wordCount >= min && reader.wordCount <= max) return true
    const info = KEYWORDS[this.keyword]!
    const params = { keyword: info.word, synopsis: info.synopsis, example: info.example }
    if (reader.wordCount < min) {
      const last = reader.storedWords - 1
      const numberWhereNameBelongs =
        (this.keyword === Keyword.Alloc ||
          this.keyword === Keyword.Realloc ||
          this.keyword === Keyword.Kmalloc ||
          this.keyword === Keyword.Pages) &&
        reader.wordCount === 2 &&
        this.numbers.read(reader.text, reader.wordStart[1]!, reader.wordEnd[1]!, true)
      this.report(
        'missing-argument',
        last,
        last,
        numberWhereNameBelongs ? 'missingHandle' : 'missingArgument',
        params
      )
    } else {
      const last = reader.storedWords - 1
      this.report('extra-argument', max, last, 'extraArgument', {
        ...params,
        word: reader.word(max)
      })
    }
    return false
  }

  private decodeText(): void {
    const reader = this.reader
    if (!this.expectWords(2, Infinity)) return
    const last = reader.storedWords - 1
    const end = reader.wordCount > last + 1 ? reader.commentStart : reader.wordEnd[last]!
    this.text = reader.text.slice(reader.wordStart[1], end < 0 ? reader.lineEnd : end).trimEnd()
  }

  private decodeHandleAndSize(): void {
    const reader = this.reader
    let max = 3
    // `alloc a 16 KiB`: a unit standing alone after the number belongs to it.
    if (reader.wordCount >= 4 && this.isDetachedUnit(3)) {
      max = 4
    }
    if (!this.expectWords(3, max)) return
    if (!this.decodeName(1)) return
    this.decodeNumber(2, SIZE_RULE, max === 4)
  }

  private decodeCache(): void {
    const reader = this.reader
    if (!this.expectWords(3, Infinity)) return
    this.align = DEFAULT_ALIGN
    this.ctorCost = 0
    this.dtorCost = 0
    this.slabPages = 0
    if (!this.decodeName(1)) return
    let next = 3
    if (reader.wordCount > 3 && this.isDetachedUnit(3)) next = 4
    if (!this.decodeNumber(2, OBJECT_SIZE_RULE, next === 4)) return
    const objectSize = this.value
    const valueWord = this.valueWord
    const seen = new Set<string>()
    const stored = reader.storedWords
    for (let i = next; i < stored; i += 2) {
      const option = reader.word(i)
      const rule = OPTION_RULES[option]
      if (rule === undefined) {
        const suggestion = closestWord(option, CACHE_OPTION_WORDS)
        this.report('unknown-option', i, i, suggestion ? 'unknownOptionSuggest' : 'unknownOption', {
          word: option,
          suggestion: suggestion ?? '',
          options: CACHE_OPTION_WORDS.join(', ')
        })
        return
      }
      if (seen.has(option)) {
        this.report('duplicate-option', i, i, 'duplicateOption', { option })
        return
      }
      seen.add(option)
      if (i + 1 >= stored) {
        this.report('missing-argument', i, i, 'missingOptionValue', { option })
        return
      }
      let detached = false
      if (
        rule.allowUnit &&
        i + 2 < stored &&
        OPTION_RULES[reader.word(i + 2)] === undefined &&
        this.isDetachedUnit(i + 2)
      ) {
        detached = true
      }
      if (!this.decodeNumber(i + 1, rule, detached)) return
      if (option === 'align') this.align = this.value
      else if (option === 'ctor') this.ctorCost = this.value
      else if (option === 'dtor') this.dtorCost = this.value
      else this.slabPages = this.value
      if (detached) i++
    }
    if (reader.wordCount > stored) {
      this.report('extra-argument', stored - 1, stored - 1, 'tooManyWords', { max: stored })
      return
    }
    this.value = objectSize
    this.valueWord = valueWord
  }

  /**
   * Word `index` is a unit standing alone after a plain decimal number
   * (`16 KiB`), so it belongs to that number. Not after hex: `0x1 B` would
   * silently read as 0x1B.
   */
  private isDetachedUnit(index: number): boolean {
    const reader = this.reader
    const text = reader.text
    const numberStart = reader.wordStart[index - 1]!
    const last = text.charCodeAt(reader.wordEnd[index - 1]! - 1)
    const hex =
      text.charCodeAt(numberStart) === 48 && (text.charCodeAt(numberStart + 1) | 32) === 120
    return last >= 48 && last <= 57 && !hex && canonicalUnit(reader.word(index)) !== undefined
  }

  private decodeName(index: number): boolean {
    if (!this.isName(index)) return false
    this.nameWord = index
    return true
  }

  /** True when word `index` is a valid name; reports it otherwise. */
  private isName(index: number): boolean {
    const reader = this.reader
    const text = reader.text
    const start = reader.wordStart[index]!
    const end = reader.wordEnd[index]!
    let ok = isNameStart(text.charCodeAt(start))
    for (let i = start + 1; ok && i < end; i++) ok = isNameChar(text.charCodeAt(i))
    if (!ok) this.report('bad-name', index, index, 'badName', { word: reader.word(index) })
    return ok
  }

  /** `-5`: a number with a minus sign, which no quantity in the language may have. */
  private isNegative(index: number, rule: NumberRule): boolean {
    const reader = this.reader
    const start = reader.wordStart[index]!
    return (
      reader.text.charCodeAt(start) === 45 &&
      new NumberReader().read(reader.text, start + 1, reader.wordEnd[index]!, rule.allowUnit)
    )
  }

  /**
   * Reads word `index` as a number under `rule`; with `detachedUnit` the next
   * word is its unit. Out-of-range values are reported here because the limit
   * does not depend on other lines.
   */
  private decodeNumber(index: number, rule: NumberRule, detachedUnit = false): boolean {
    const reader = this.reader
    const numbers = this.numbers
    const lastWord = detachedUnit ? index + 1 : index
    const word = detachedUnit ? `${reader.word(index)}${reader.word(index + 1)}` : ''
    const ok = detachedUnit
      ? numbers.read(word, 0, word.length, rule.allowUnit)
      : numbers.read(reader.text, reader.wordStart[index]!, reader.wordEnd[index]!, rule.allowUnit)
    if (!ok) {
      const params = { word: word || reader.word(index), what: rule.what }
      switch (numbers.problem) {
        case NumberProblem.BadUnit:
          this.report('bad-unit', index, lastWord, 'badUnit', {
            ...params,
            units: UNIT_WORDS.join(', ')
          })
          break
        case NumberProblem.Fractional:
          this.report('fractional-bytes', index, lastWord, 'fractional', params)
          break
        case NumberProblem.UnitNotAllowed:
          this.report('bad-number', index, lastWord, 'unitNotAllowed', params)
          break
        default:
          if (this.isNegative(index, rule)) {
            this.report('out-of-range', index, lastWord, 'tooSmall', {
              ...params,
              min: rule.allowUnit ? formatSize(rule.min) : rule.min,
              max: rule.allowUnit ? formatSize(rule.max) : rule.max
            })
          } else {
            this.report('bad-number', index, lastWord, 'notANumber', params)
          }
      }
      return false
    }
    const value = numbers.value
    if (value < rule.min || value > rule.max) {
      const bytes = rule.allowUnit
      this.report('out-of-range', index, lastWord, value > rule.max ? 'tooLarge' : 'tooSmall', {
        word: word || reader.word(index),
        what: rule.what,
        min: bytes ? formatSize(rule.min) : rule.min,
        max: bytes ? formatSize(rule.max) : rule.max
      })
      return false
    }
    if (rule.powerOfTwo && !isPowerOfTwo(value) && !(rule.zeroAllowed && value === 0)) {
      this.report('not-power-of-two', index, lastWord, 'notPowerOfTwo', {
        word: word || reader.word(index),
        what: rule.what,
        below: 2 ** Math.floor(Math.log2(value)),
        above: 2 ** Math.ceil(Math.log2(value))
      })
      return false
    }
    this.value = value
    this.valueWord = index
    if (rule.allowUnit) {
      this.unitWords |= 1 << index
      if (detachedUnit) this.detachedUnitWords |= 1 << (index + 1)
    }
    return true
  }
}
