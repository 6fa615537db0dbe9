import { MAP_STATES } from '@shared/vocabulary/map-states'
import type { MapRuns } from './map-runs'

/** A map squeezed into `width` pixels: each pixel's state with the most bytes, and whether others share it. */
export interface MapPixels {
  readonly bytesPerPixel: number
  readonly dominant: Uint8Array
  readonly mixed: Uint8Array
}

const STATES = MAP_STATES.length

export function mapPixels(runs: MapRuns, poolBytes: number, width: number): MapPixels {
  const per = Math.max(poolBytes, 1) / width
  const bytes = new Float64Array(width * STATES)
  for (let r = 0; r < runs.count; r++) {
    const state = runs.state[r]!
    let from = runs.start[r]!
    const to = from + runs.length[r]!
    while (from < to) {
      let pixel = Math.min(width - 1, Math.floor(from / per))
      // from / per can round down across a boundary (307.2 / 102.4 = 2.9999...): move on, or loop forever.
      if (pixel < width - 1 && (pixel + 1) * per <= from) pixel++
      const pixelEnd = (pixel + 1) * per
      const stop = pixel === width - 1 ? to : Math.min(to, pixelEnd)
      bytes[pixel * STATES + state]! += stop - from
      from = stop
    }
  }
  const dominant = new Uint8Array(width)
  const mixed = new Uint8Array(width)
  for (let p = 0; p < width; p++) {
    let best = 0
    let kinds = 0
    for (let s = 0; s < STATES; s++) {
      const b = bytes[p * STATES + s]!
      if (b > 0) kinds++
      if (b > bytes[p * STATES + best]!) best = s
    }
    dominant[p] = best
    mixed[p] = kinds > 1 ? 1 : 0
  }
  return { bytesPerPixel: per, dominant, mixed }
}
