/**
 * Which part of a pool a memory map shows: `start` and `span` in bytes.
 * Zoom keeps the byte under the pointer in place; nothing shows less than
 * a few allocation units, and nothing leaves the pool.
 */
export interface MapViewport {
  readonly start: number
  readonly span: number
}

/** The fewest units (bytes of a heap, frames of a page pool) a zoomed map still shows. */
const MIN_UNITS = 8

export function wholePool(poolBytes: number): MapViewport {
  return { start: 0, span: Math.max(1, poolBytes) }
}

export function clampViewport(
  view: MapViewport,
  poolBytes: number,
  unitBytes: number
): MapViewport {
  const pool = Math.max(1, poolBytes)
  const minSpan = Math.min(pool, Math.max(1, unitBytes) * MIN_UNITS)
  const span = Math.min(pool, Math.max(minSpan, view.span))
  const start = Math.min(Math.max(0, view.start), pool - span)
  return { start, span }
}

/** Zoom by `factor` (> 1 zooms in) keeping the byte at `anchor` (0..1 across the map) where it is. */
export function zoomViewport(
  view: MapViewport,
  poolBytes: number,
  unitBytes: number,
  factor: number,
  anchor = 0.5
): MapViewport {
  const at = view.start + view.span * anchor
  const span = view.span / factor
  return clampViewport({ start: at - span * anchor, span }, poolBytes, unitBytes)
}

/** Move by `fraction` of what is shown (negative: towards lower addresses). */
export function panViewport(
  view: MapViewport,
  poolBytes: number,
  unitBytes: number,
  fraction: number
): MapViewport {
  return clampViewport(
    { start: view.start + view.span * fraction, span: view.span },
    poolBytes,
    unitBytes
  )
}

export function zoomFactor(view: MapViewport, poolBytes: number): number {
  return Math.max(1, poolBytes) / view.span
}

/** The byte at x (0..width) across the map. */
export function byteAt(view: MapViewport, width: number, x: number): number {
  return view.start + (x / Math.max(1, width)) * view.span
}

/** Where a byte falls across a map `width` wide. */
export function xOf(view: MapViewport, width: number, byte: number): number {
  return ((byte - view.start) / view.span) * width
}

/** How a map asks the service for its state: every range, or pixels at some width. */
export type MapQuery = { readonly exact: true } | { readonly exact: false; readonly width: number }

/** Ranges a map may ask for at once; beyond it the service's downsampling draws it. */
export const MAX_EXACT_RANGES = 20_000
/** At least this many device pixels per allocation unit shown for exact ranges to pay off. */
const EXACT_UNITS_PER_PIXEL = 4

/**
 * Exact ranges when every unit in view can be drawn (a textbook arena, a
 * 1024-frame pool, or a big pool zoomed far in) and there are few enough
 * blocks to send; otherwise the service's pixels, as many as the zoom needs
 * for one per device pixel in view (at most `maxWidth`).
 */
export function mapQuery(options: {
  readonly view: MapViewport
  readonly poolBytes: number
  readonly unitBytes: number
  readonly widthPx: number
  /** An upper bound on the ranges the map can have (from the run's peaks), or Infinity. */
  readonly rangeBound: number
  readonly maxWidth: number
}): MapQuery {
  const { view, poolBytes, unitBytes, widthPx, rangeBound, maxWidth } = options
  const width = Math.max(1, Math.round(widthPx))
  const unitsInView = view.span / Math.max(1, unitBytes)
  const poolUnits = poolBytes / Math.max(1, unitBytes)
  if (poolUnits <= width * EXACT_UNITS_PER_PIXEL) return { exact: true }
  if (unitsInView <= width * EXACT_UNITS_PER_PIXEL && rangeBound <= MAX_EXACT_RANGES)
    return { exact: true }
  const wanted = Math.ceil(width * zoomFactor(view, poolBytes))
  // Round up to a power of two so small zoom steps reuse one answer.
  const rounded = 2 ** Math.ceil(Math.log2(Math.max(1, wanted)))
  return { exact: false, width: Math.min(maxWidth, Math.max(width, rounded)) }
}
