/**
 * Row math for a list of millions of fixed-height rows. Browsers cap an
 * element's height (about 33 million pixels in Chromium), so past
 * MAX_SCROLL_HEIGHT the scrollbar is scaled: scrolling through the whole
 * height passes every row once, and rows are positioned by index, not by a
 * pixel offset that would lose precision.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000

export interface RowWindow {
  /** Index of the first row drawn. */
  readonly first: number
  /** Rows drawn (at most what fits, plus one partly shown). */
  readonly count: number
  /** Where the first row's top sits inside the viewport, in pixels (≤ 0). */
  readonly offset: number
}

export function scrollHeight(total: number, rowHeight: number): number {
  return Math.min(MAX_SCROLL_HEIGHT, total * rowHeight)
}

/** Which rows a viewport `height` tall shows at `scrollTop`. */
export function rowWindow(
  total: number,
  rowHeight: number,
  height: number,
  scrollTop: number
): RowWindow {
  if (total <= 0) return { first: 0, count: 0, offset: 0 }
  const visible = Math.ceil(height / rowHeight) + 1
  const full = total * rowHeight
  const scroll = scrollHeight(total, rowHeight)
  const room = Math.max(1, scroll - height)
  // Rows past the top, as a fraction of all that can scroll by.
  const position = Math.min(1, Math.max(0, scrollTop / room)) * Math.max(0, full - height)
  const first = Math.min(total - 1, Math.floor(position / rowHeight))
  return { first, count: Math.min(visible, total - first), offset: first * rowHeight - position }
}

/** The scrollTop that puts row `index` at the bottom of the viewport (a log keeps its newest line there). */
export function scrollTopForRowAtBottom(
  total: number,
  rowHeight: number,
  height: number,
  index: number
): number {
  const full = total * rowHeight
  const position = Math.max(0, (index + 1) * rowHeight - height)
  const room = Math.max(0, full - height)
  if (room === 0) return 0
  return (Math.min(position, room) / room) * Math.max(0, scrollHeight(total, rowHeight) - height)
}

/** Whether row `index` is wholly inside the window. */
export function rowShown(
  window: RowWindow,
  rowHeight: number,
  height: number,
  index: number
): boolean {
  if (index < window.first || index >= window.first + window.count) return false
  const top = window.offset + (index - window.first) * rowHeight
  return top >= -0.5 && top + rowHeight <= height + 0.5
}
