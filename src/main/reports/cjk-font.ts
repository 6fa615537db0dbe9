import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Chinese text in a report must read on any machine, and lab machines often
 * have no CJK font at all (this project's own test machines have none; the
 * window ships Noto Sans SC for that reason). A report therefore carries the
 * glyphs it shows: Noto Sans SC (SIL Open Font License 1.1) comes from
 * @fontsource in about a hundred slices by Unicode range, and a report
 * embeds only the slices holding a character it uses (their CJK part, so
 * Latin text keeps the system's fonts) — typically 14 slices,
 * about 440 kB of WOFF2, for a Chinese report, against 1.1 MB for the whole
 * face. A glyph-exact subset would be far smaller, but needs a font
 * subsetter this project does not have. An English report with no CJK
 * character embeds nothing. Where the slices are not installed (a packaged
 * app without @fontsource), the report falls back to the system's CJK fonts
 * named first in its font stack.
 */

/** A font face carried inside a report as a data URL. */
export interface EmbeddedFont {
  readonly family: string
  /** CSS unicode-range of this face. */
  readonly unicodeRange: string
  readonly woff2Base64: string
}

/** One slice of a sliced web font: its file and the code points it covers. */
export interface FontSlice {
  readonly file: string
  readonly unicodeRange: string
  readonly ranges: readonly (readonly [number, number])[]
}

export const EMBEDDED_CJK_FAMILY = 'AllocLab Noto Sans SC'

/** The lowest code point of the CJK blocks (radicals, punctuation, ideographs, full-width forms). */
const CJK_START = 0x2e80

/** The regular-weight slices of Noto Sans SC as @fontsource lists them, or null when not installed. */
export function notoSansScSlices(): FontSlice[] | null {
  let css: string
  let folder: string
  try {
    const path = createRequire(__filename).resolve('@fontsource/noto-sans-sc/400.css')
    css = readFileSync(path, 'utf8')
    folder = dirname(path)
  } catch {
    return null
  }
  const slices: FontSlice[] = []
  const face = /src: url\(\.\/(files\/[^)]+\.woff2)\)[^;]*;\s*unicode-range: ([^;]+);/g
  for (const [, file, range] of css.matchAll(face)) {
    // Only the CJK part of a slice: its Latin letters and digits stay the reader's own
    // (a monospace table must not borrow a proportional '>' from it).
    const ranges = parseRange(range!).flatMap(([low, high]): [number, number][] =>
      high < CJK_START ? [] : [[Math.max(low, CJK_START), high]]
    )
    if (ranges.length === 0) continue
    slices.push({ file: join(folder, file!), unicodeRange: formatRange(ranges), ranges })
  }
  return slices
}

function formatRange(ranges: readonly (readonly [number, number])[]): string {
  const hex = (code: number): string => code.toString(16)
  return ranges
    .map(([low, high]) => (low === high ? `U+${hex(low)}` : `U+${hex(low)}-${hex(high)}`))
    .join(',')
}

function parseRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [low, high] = part.trim().replace(/^U\+/i, '').split('-')
    const start = Number.parseInt(low!, 16)
    return [start, high === undefined ? start : Number.parseInt(high, 16)]
  })
}

/** The faces to embed for the CJK characters in `text` (none when it has none). */
export function cjkFontsFor(
  text: string,
  slices: readonly FontSlice[] | null = notoSansScSlices()
): EmbeddedFont[] {
  if (!slices) return []
  const used = new Set<FontSlice>()
  const seen = new Set<number>()
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < CJK_START || seen.has(code)) continue
    seen.add(code)
    const slice = slices.find((s) => s.ranges.some(([low, high]) => code >= low && code <= high))
    if (slice) used.add(slice)
  }
  return slices
    .filter((slice) => used.has(slice))
    .map((slice) => ({
      family: EMBEDDED_CJK_FAMILY,
      unicodeRange: slice.unicodeRange,
      woff2Base64: readFileSync(slice.file).toString('base64')
    }))
}
