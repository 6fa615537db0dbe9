/**
 * Splits scenario text into lines and each line into words, by offsets into
 * the one source string: no substring, array or object per line, so a
 * ten-million-line scenario costs one pass over its characters.
 *
 * Words are separated by spaces or tabs (also the no-break and ideographic
 * spaces an input method may slip in); `#` starts a comment that runs to the
 * end of the line.
 */

/** Words kept per line; a longer line is always an error and only needs its first extras. */
const MAX_WORDS = 64

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0xfeff
}

export class LineReader {
  readonly text: string
  /** 1-based number of the current line. */
  line = 0
  lineStart = 0
  /** Offset of the line's `\n` (or the text's end). */
  lineEnd = -1
  /** Words on the current line, not counting the comment; may exceed the stored ones. */
  wordCount = 0
  readonly wordStart = new Int32Array(MAX_WORDS)
  readonly wordEnd = new Int32Array(MAX_WORDS)
  /** Offset of `#`, or -1. */
  commentStart = -1

  constructor(text: string) {
    this.text = text
  }

  /** Advance to the next line; false once the text is used up. */
  next(): boolean {
    const text = this.text
    const start = this.lineEnd + 1
    if (start > text.length) return false
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    this.line++
    this.lineStart = start
    this.lineEnd = end
    this.commentStart = -1
    let count = 0
    let i = start
    while (i < end) {
      let c = text.charCodeAt(i)
      if (isSpace(c)) {
        i++
        continue
      }
      if (c === 35) {
        this.commentStart = i
        break
      }
      const wordStart = i
      do {
        i++
        c = i < end ? text.charCodeAt(i) : 32
      } while (!isSpace(c) && c !== 35)
      if (count < MAX_WORDS) {
        this.wordStart[count] = wordStart
        this.wordEnd[count] = i
      }
      count++
    }
    this.wordCount = count
    return true
  }

  /** Stored words on this line (at most MAX_WORDS). */
  get storedWords(): number {
    return Math.min(this.wordCount, MAX_WORDS)
  }

  word(index: number): string {
    return this.text.slice(this.wordStart[index], this.wordEnd[index])
  }

  /** 1-based column of word `index`. */
  column(index: number): number {
    return this.wordStart[index]! - this.lineStart + 1
  }

  /** The comment text without trailing spaces, including its `#`, or ''. */
  comment(): string {
    return this.commentStart < 0 ? '' : this.text.slice(this.commentStart, this.lineEnd).trimEnd()
  }
}
