import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MapOutput } from '../run-schemas'
import { MAP_STATES } from '../vocabulary/map-states'
import { pixelCodes, pixelState, pixelText } from './map-pixel-text'

describe('map pixel text', () => {
  it('gives back every state code and mixed flag it was made from, at any width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: MAP_STATES.length - 1 }), { maxLength: 10_000 }),
        (codes) => {
          const text = pixelText(codes)
          expect(text).toHaveLength(codes.length)
          expect(Array.from(pixelCodes(text))).toEqual(codes)
          codes.forEach((code, i) => expect(pixelState(text, i)).toBe(MAP_STATES[code]))
        }
      ),
      { numRuns: 50 }
    )
    expect(pixelText([1, 0, 0, 1])).toBe('1001')
  })

  it('is refused by the map schema when it is not one digit per pixel', () => {
    const map = (dominant: string, mixed: string) => ({
      step: 0,
      poolBytes: 64,
      ranges: null,
      pixels: { width: 4, bytesPerPixel: 16, dominant, mixed }
    })
    expect(MapOutput.safeParse(map('0123', '0101')).success).toBe(true)
    expect(MapOutput.safeParse(map('012', '0101')).success).toBe(false)
    expect(MapOutput.safeParse(map('0129', '0101')).success).toBe(false)
    expect(MapOutput.safeParse(map('0123', '0102')).success).toBe(false)
    expect(MapOutput.safeParse(map('0123', '01010')).success).toBe(false)
  })
})
