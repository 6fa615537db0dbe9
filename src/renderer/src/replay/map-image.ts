import type { LabOutput } from '@shared/api'
import { pixelCodes } from '@shared/timeline/map-pixel-text'
import { MAP_STATES, type MapStateName } from '@shared/vocabulary/map-states'
import type { MapViewport } from './map-viewport'

export interface MapRange {
  readonly start: number
  readonly length: number
  readonly state: MapStateName
  readonly handle: string | null
}

/**
 * A map as the window keeps it for drawing: the exact ranges, or the
 * service's pixels (state codes in MAP_STATES order, so drawing a column is
 * an array read, not a string compare).
 */
export type MapImage =
  | {
      readonly kind: 'exact'
      readonly step: number
      readonly poolBytes: number
      readonly ranges: readonly MapRange[]
    }
  | {
      readonly kind: 'pixels'
      readonly step: number
      readonly poolBytes: number
      readonly bytesPerPixel: number
      readonly dominant: Uint8Array
      readonly mixed: Uint8Array
    }

const STATE_CODE: Readonly<Record<MapStateName, number>> = Object.fromEntries(
  MAP_STATES.map((state, code) => [state, code])
) as Record<MapStateName, number>

export function stateCode(state: MapStateName): number {
  return STATE_CODE[state]
}

export function mapImageOf(map: LabOutput<'timeline:map'>): MapImage {
  if (map.ranges)
    return { kind: 'exact', step: map.step, poolBytes: map.poolBytes, ranges: map.ranges }
  const pixels = map.pixels!
  return {
    kind: 'pixels',
    step: map.step,
    poolBytes: map.poolBytes,
    bytesPerPixel: pixels.bytesPerPixel,
    dominant: pixelCodes(pixels.dominant),
    mixed: pixelCodes(pixels.mixed)
  }
}

/** What each of `columns` device columns across `view` shows: its state code and whether others share it. */
export interface MapColumns {
  readonly state: Uint8Array
  readonly mixed: Uint8Array
}

const STATES = MAP_STATES.length

/** The state with the most bytes in each column (exact ranges), like the service's own downsampling. */
export function columnsOf(image: MapImage, view: MapViewport, columns: number): MapColumns {
  const n = Math.max(1, Math.floor(columns))
  const state = new Uint8Array(n)
  const mixed = new Uint8Array(n)
  const per = view.span / n
  const end = view.start + view.span
  if (image.kind === 'pixels') {
    for (let c = 0; c < n; c++) {
      const byte = view.start + (c + 0.5) * per
      const p = Math.min(
        image.dominant.length - 1,
        Math.max(0, Math.floor(byte / image.bytesPerPixel))
      )
      state[c] = image.dominant[p]!
      // A column covering several service pixels is mixed when they disagree.
      const from = view.start + c * per
      const first = Math.max(0, Math.floor(from / image.bytesPerPixel))
      const last = Math.min(
        image.dominant.length - 1,
        Math.ceil((from + per) / image.bytesPerPixel) - 1
      )
      let m = image.mixed[p]!
      for (let q = first; q <= last && !m; q++) {
        if (image.dominant[q] !== state[c]) m = 1
      }
      mixed[c] = m
    }
    return { state, mixed }
  }
  const bytes = new Float64Array(n * STATES)
  const ranges = image.ranges
  for (let r = firstRangeEnding(ranges, view.start); r < ranges.length; r++) {
    const range = ranges[r]!
    if (range.start >= end) break
    const code = STATE_CODE[range.state]
    const from = Math.max(view.start, range.start)
    const to = Math.min(end, range.start + range.length)
    if (to <= from) continue
    // Walk columns by index, not by summing float widths: a boundary that rounds down would never advance.
    const first = Math.min(n - 1, Math.floor((from - view.start) / per))
    const last = Math.min(n - 1, Math.floor((to - view.start) / per))
    for (let column = first; column <= last; column++) {
      const columnStart = column === 0 ? view.start : view.start + column * per
      const columnEnd = column === n - 1 ? end : view.start + (column + 1) * per
      const overlap = Math.min(to, columnEnd) - Math.max(from, columnStart)
      if (overlap > per * 1e-9) bytes[column * STATES + code]! += overlap
    }
  }
  for (let c = 0; c < n; c++) {
    let best = 0
    let kinds = 0
    for (let s = 0; s < STATES; s++) {
      const b = bytes[c * STATES + s]!
      if (b > 0) kinds++
      if (b > bytes[c * STATES + best]!) best = s
    }
    state[c] = best
    mixed[c] = kinds > 1 ? 1 : 0
  }
  return { state, mixed }
}

/** Index of the first range that ends after `byte` (ranges touch and are sorted). */
export function firstRangeEnding(ranges: readonly MapRange[], byte: number): number {
  let lo = 0
  let hi = ranges.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const range = ranges[mid]!
    if (range.start + range.length <= byte) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** One block of a map: consecutive ranges with the same owner (a free run when nobody owns it). */
export interface MapBlock {
  readonly start: number
  readonly length: number
  readonly handle: string | null
  /** The state with the most bytes in the block. */
  readonly state: MapStateName
  readonly parts: readonly MapRange[]
}

/** The block around `byte`: the range there, widened over its neighbours with the same owner. */
export function blockAt(ranges: readonly MapRange[], byte: number): MapBlock | undefined {
  const index = firstRangeEnding(ranges, byte)
  const hit = ranges[index]
  if (!hit || hit.start > byte) return undefined
  let first = index
  let last = index
  if (hit.handle !== null) {
    while (first > 0 && ranges[first - 1]!.handle === hit.handle) first--
    while (last < ranges.length - 1 && ranges[last + 1]!.handle === hit.handle) last++
  }
  const parts = ranges.slice(first, last + 1)
  const start = parts[0]!.start
  const end = parts.at(-1)!.start + parts.at(-1)!.length
  let state = hit.state
  let most = 0
  for (const part of parts) {
    if (part.length > most) {
      most = part.length
      state = part.state
    }
  }
  return { start, length: end - start, handle: hit.handle, state, parts }
}

/** Where each live handle's block is (first byte and length), from exact ranges. */
export function handlePlaces(
  ranges: readonly MapRange[]
): Map<string, { start: number; length: number }> {
  const places = new Map<string, { start: number; length: number }>()
  for (const range of ranges) {
    if (range.handle === null) continue
    const place = places.get(range.handle)
    if (!place) places.set(range.handle, { start: range.start, length: range.length })
    else place.length = range.start + range.length - place.start
  }
  return places
}

/** Byte intervals whose state or owner differs between two maps of the same pool. */
export function changedSpans(before: MapImage, after: MapImage): { start: number; end: number }[] {
  if (before.poolBytes !== after.poolBytes) return [{ start: 0, end: after.poolBytes }]
  if (before.kind === 'exact' && after.kind === 'exact')
    return rangeChanges(before.ranges, after.ranges)
  if (
    before.kind === 'pixels' &&
    after.kind === 'pixels' &&
    before.dominant.length === after.dominant.length
  ) {
    const spans: { start: number; end: number }[] = []
    const per = after.bytesPerPixel
    for (let p = 0; p < after.dominant.length; p++) {
      if (before.dominant[p] === after.dominant[p] && before.mixed[p] === after.mixed[p]) continue
      const last = spans.at(-1)
      if (last && last.end === p * per) last.end = (p + 1) * per
      else spans.push({ start: p * per, end: (p + 1) * per })
    }
    return spans
  }
  return []
}

function rangeChanges(
  a: readonly MapRange[],
  b: readonly MapRange[]
): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  let i = 0
  let j = 0
  let at = 0
  while (i < a.length && j < b.length) {
    const ra = a[i]!
    const rb = b[j]!
    const endA = ra.start + ra.length
    const endB = rb.start + rb.length
    const end = Math.min(endA, endB)
    if (end > at && (ra.state !== rb.state || ra.handle !== rb.handle)) {
      const last = spans.at(-1)
      if (last && last.end === at) last.end = end
      else spans.push({ start: at, end })
    }
    at = end
    if (endA === end) i++
    if (endB === end) j++
  }
  return spans
}
