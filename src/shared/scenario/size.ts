/**
 * Numbers as the scenario language writes them: `4096`, `16KiB`, `1.5K`,
 * `1_000_000`, `0x8000`. Binary units only (K = KiB = 1024) because memory is
 * counted in powers of two; case is ignored. Reading works on a slice of the
 * source without copying it, because the compiler reads millions of them.
 */

/** Largest byte count any request or geometry field may name: 1 TiB. */
export const MAX_BYTES = 2 ** 40

export const NumberProblem = {
  None: 0,
  /** Not a number at all (`abc`, `12x4`, `0x`). */
  NotANumber: 1,
  /** Digits followed by letters that are not a unit (`16KB`, `3kg`). */
  BadUnit: 2,
  /** The value is not a whole number of bytes (`1.3K`, `2.5`). */
  Fractional: 3,
  /** A unit where only a plain count is allowed (`pages p 2K`). */
  UnitNotAllowed: 4
} as const
export type NumberProblemCode = (typeof NumberProblem)[keyof typeof NumberProblem]

const UNIT_BY_LOWER: Readonly<Record<string, { canonical: string; bytes: number }>> = {
  b: { canonical: 'B', bytes: 1 },
  k: { canonical: 'K', bytes: 1024 },
  kib: { canonical: 'KiB', bytes: 1024 },
  m: { canonical: 'M', bytes: 1024 ** 2 },
  mib: { canonical: 'MiB', bytes: 1024 ** 2 },
  g: { canonical: 'G', bytes: 1024 ** 3 },
  gib: { canonical: 'GiB', bytes: 1024 ** 3 },
  t: { canonical: 'T', bytes: 1024 ** 4 },
  tib: { canonical: 'TiB', bytes: 1024 ** 4 }
}

/** Canonical spelling of a unit word (`kib` → `KiB`), or undefined if it is not a unit. */
export function canonicalUnit(word: string): string | undefined {
  return UNIT_BY_LOWER[word.toLowerCase()]?.canonical
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

function hexValue(c: number): number {
  if (isDigit(c)) return c - 48
  const lower = c | 32
  return lower >= 97 && lower <= 102 ? lower - 87 : -1
}

/**
 * Reads one number from `text[start, end)`. Reusable: the fields describe the
 * last read, so the hot loop allocates nothing.
 */
export class NumberReader {
  value = 0
  problem: NumberProblemCode = NumberProblem.None
  /** Offset where the unit starts (`end` when there is none). */
  unitStart = 0

  /** True when the text is a valid number (with a unit only if `allowUnit`). */
  read(text: string, start: number, end: number, allowUnit: boolean): boolean {
    this.value = 0
    this.unitStart = end
    this.problem = NumberProblem.None
    if (start >= end || !isDigit(text.charCodeAt(start))) return this.fail(NumberProblem.NotANumber)

    if (
      end - start >= 2 &&
      text.charCodeAt(start) === 48 &&
      (text.charCodeAt(start + 1) | 32) === 120
    ) {
      if (end - start === 2) return this.fail(NumberProblem.NotANumber)
      let value = 0
      for (let i = start + 2; i < end; i++) {
        const digit = hexValue(text.charCodeAt(i))
        if (digit < 0) return this.fail(NumberProblem.NotANumber)
        value = value * 16 + digit
      }
      this.value = Number.isSafeInteger(value) ? value : Infinity
      return true
    }

    let whole = 0
    let i = start
    for (; i < end; i++) {
      const c = text.charCodeAt(i)
      if (isDigit(c)) whole = whole * 10 + (c - 48)
      else if (c === 95 && i + 1 < end && isDigit(text.charCodeAt(i + 1))) continue
      else break
    }
    let scale = 1
    if (i < end && text.charCodeAt(i) === 46) {
      if (i + 1 >= end || !isDigit(text.charCodeAt(i + 1)))
        return this.fail(NumberProblem.NotANumber)
      for (i++; i < end && isDigit(text.charCodeAt(i)); i++) {
        whole = whole * 10 + (text.charCodeAt(i) - 48)
        scale *= 10
      }
    }

    let unitBytes = 1
    if (i < end) {
      this.unitStart = i
      for (let j = i; j < end; j++) {
        if (!isLetter(text.charCodeAt(j))) return this.fail(NumberProblem.NotANumber)
      }
      if (!allowUnit) return this.fail(NumberProblem.UnitNotAllowed)
      const unit = end - i <= 3 ? UNIT_BY_LOWER[text.slice(i, end).toLowerCase()] : undefined
      if (unit === undefined) return this.fail(NumberProblem.BadUnit)
      unitBytes = unit.bytes
    }
    // Beyond 2^53 digits stop being exact; every limit is far below that anyway.
    if (!Number.isSafeInteger(whole)) {
      this.value = Infinity
      return true
    }
    // Multiply before dividing so a whole result (1.5K = 1536) comes out exact.
    const value = (whole * unitBytes) / scale
    this.value = value
    if (!Number.isInteger(value)) return this.fail(NumberProblem.Fractional)
    return true
  }

  private fail(problem: NumberProblemCode): false {
    this.problem = problem
    return false
  }
}

/**
 * A size such as `16MiB` or `4096` in bytes, or undefined when the text is not
 * one. For option values elsewhere (allocator configs) that share the syntax.
 */
export function parseSize(text: string): number | undefined {
  const trimmed = text.trim()
  const reader = new NumberReader()
  return reader.read(trimmed, 0, trimmed.length, true) ? reader.value : undefined
}

/** The shortest exact spelling of a byte count: `16MiB`, `1536`, `4KiB`. */
export function formatSize(bytes: number): string {
  if (bytes > 0 && Number.isInteger(bytes)) {
    for (const [unit, size] of [
      ['TiB', 1024 ** 4],
      ['GiB', 1024 ** 3],
      ['MiB', 1024 ** 2],
      ['KiB', 1024]
    ] as const) {
      if (bytes % size === 0) return `${bytes / size}${unit}`
    }
  }
  return String(bytes)
}
