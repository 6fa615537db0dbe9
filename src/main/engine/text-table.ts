/**
 * Plain-text tables for terminals. Widths count display columns, so Chinese
 * labels (two columns per character) line up with English ones.
 */

/** Terminal columns `text` takes: wide East Asian characters count two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1
  return width
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  )
}

export function padEndDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

export function padStartDisplay(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text
}

/**
 * Rows of cells as aligned text: the first column left-aligned, the others
 * right-aligned (they hold numbers), two spaces between columns.
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))
    })
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === 0 ? padEndDisplay(cell, widths[i]!) : padStartDisplay(cell, widths[i]!)
        )
        .join('  ')
        .trimEnd()
    )
    .map((line) => `${line}\n`)
    .join('')
}
