/**
 * Compact SVG path data: coordinates in tenths, each point relative to the
 * one before, no separator before a minus sign and no leading zero. A chart
 * line of a few hundred points stays a few kilobytes.
 */
export function polylinePath(
  points: readonly (readonly [number, number])[],
  close = false
): string {
  let d = ''
  let x = 0
  let y = 0
  for (let i = 0; i < points.length; i++) {
    const tx = Math.round(points[i]![0] * 10)
    const ty = Math.round(points[i]![1] * 10)
    d +=
      i === 0 ? `M${pair(tx, ty)}` : `${i === 1 ? 'l' : separator(tx - x)}${pair(tx - x, ty - y)}`
    x = tx
    y = ty
  }
  return close && points.length > 0 ? `${d}z` : d
}

/** Rectangles [x, width] on one row: `M x y h w v h h -w z` each. */
export function rowRectsPath(
  rects: readonly (readonly [number, number])[],
  y: number,
  height: number
): string {
  return rects.map(([x, width]) => `M${x} ${y}h${width}v${height}h${-width}z`).join('')
}

function tenths(value: number): string {
  return String(value / 10).replace(/^(-?)0\./, '$1.')
}

function pair(tx: number, ty: number): string {
  const second = tenths(ty)
  return `${tenths(tx)}${second.startsWith('-') ? '' : ' '}${second}`
}

function separator(next: number): string {
  return next < 0 ? '' : ' '
}
