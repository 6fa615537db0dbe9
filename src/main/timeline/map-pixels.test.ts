import { describe, expect, it } from 'vitest'
import { mapPixels } from './map-pixels'
import { MapRunBuilder } from './map-runs'

describe('mapPixels', () => {
  it('ends on every run edge, even where pool / width is not a whole number of bytes', () => {
    // 64 KiB over 640 pixels is 102.4 bytes a pixel; every byte offset is a run edge here,
    // so some edge falls where from / per rounds just below a pixel boundary.
    const runs = new MapRunBuilder()
    for (let offset = 0; offset < 65536; offset += 1) runs.add(offset, 1, offset % 2, -1)
    const pixels = mapPixels(runs.build(), 65536, 640)
    expect(pixels.bytesPerPixel).toBeCloseTo(102.4)
    expect(pixels.mixed.every((m) => m === 1)).toBe(true)
  })

  it('gives each pixel the state with the most bytes', () => {
    const runs = new MapRunBuilder()
    runs.add(0, 30, 1, 0)
    runs.add(30, 70, 0, -1)
    const pixels = mapPixels(runs.build(), 100, 2)
    expect(Array.from(pixels.dominant)).toEqual([1, 0])
    expect(Array.from(pixels.mixed)).toEqual([1, 0])
  })
})
