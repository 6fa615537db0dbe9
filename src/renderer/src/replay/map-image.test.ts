import { describe, expect, it } from 'vitest'
import {
  blockAt,
  changedSpans,
  columnsOf,
  handlePlaces,
  mapImageOf,
  stateCode,
  type MapRange
} from './map-image'
import { wholePool } from './map-viewport'

const r = (
  start: number,
  length: number,
  state: MapRange['state'],
  handle: string | null = null
): MapRange => ({
  start,
  length,
  state,
  handle
})

/** A 100-byte arena after alloc a 10 (4 header bytes, 2 bytes of slack) and alloc b 20. */
const ARENA: MapRange[] = [
  r(0, 4, 'overhead', 'a'),
  r(4, 4, 'used', 'a'),
  r(8, 2, 'slack', 'a'),
  r(10, 20, 'used', 'b'),
  r(30, 70, 'free')
]

const exact = (ranges: MapRange[], step = 0) =>
  mapImageOf({ step, poolBytes: 100, ranges, pixels: null })

describe('memory maps as the window draws them', () => {
  it('gives each column the state with the most bytes in it, and marks shared columns', () => {
    const columns = columnsOf(exact(ARENA), wholePool(100), 10)
    expect(Array.from(columns.state)).toEqual([
      stateCode('used'),
      stateCode('used'),
      stateCode('used'),
      ...Array(7).fill(stateCode('free'))
    ])
    expect(Array.from(columns.mixed)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  })

  it('draws a zoomed view from the ranges in it only', () => {
    const columns = columnsOf(exact(ARENA), { start: 0, span: 10 }, 10)
    expect(
      Array.from(columns.state).map((code) => ['free', 'used', 'overhead', 'slack', 'cached'][code])
    ).toEqual([
      'overhead',
      'overhead',
      'overhead',
      'overhead',
      'used',
      'used',
      'used',
      'used',
      'slack',
      'slack'
    ])
  })

  it('spreads a small arena over many device columns without losing a column to rounding', () => {
    const columns = columnsOf(exact(ARENA), wholePool(100), 1500)
    // 15 columns a byte: bytes 0-3 overhead, 4-7 used, 8-9 slack, 10-29 used, then free.
    expect(columns.state[59]).toBe(stateCode('overhead'))
    expect(columns.state[60]).toBe(stateCode('used'))
    expect(columns.state[149]).toBe(stateCode('slack'))
    expect(columns.state[150]).toBe(stateCode('used'))
    expect(columns.state[450]).toBe(stateCode('free'))
    expect(columns.mixed.reduce((sum, m) => sum + m, 0)).toBe(0)
  })

  it('samples the service’s pixels for each column', () => {
    const image = mapImageOf({
      step: 3,
      poolBytes: 400,
      ranges: null,
      pixels: {
        width: 4,
        bytesPerPixel: 100,
        dominant: '1002',
        mixed: '0100'
      }
    })
    const columns = columnsOf(image, wholePool(400), 8)
    expect(Array.from(columns.state)).toEqual([1, 1, 0, 0, 0, 0, 2, 2])
    expect(Array.from(columns.mixed)).toEqual([0, 0, 1, 1, 0, 0, 0, 0])
  })

  it('finds the whole block of the handle under the pointer', () => {
    expect(blockAt(ARENA, 5)).toMatchObject({
      start: 0,
      length: 10,
      handle: 'a',
      state: 'overhead'
    })
    expect(blockAt(ARENA, 50)).toMatchObject({ start: 30, length: 70, handle: null, state: 'free' })
    expect(blockAt(ARENA, 100)).toBeUndefined()
  })

  it('says where every live handle sits', () => {
    expect(Object.fromEntries(handlePlaces(ARENA))).toEqual({
      a: { start: 0, length: 10 },
      b: { start: 10, length: 20 }
    })
  })

  it('finds the bytes a step changed', () => {
    const after = [...ARENA.slice(0, 3), r(10, 20, 'free'), r(30, 70, 'free')]
    expect(changedSpans(exact(ARENA), exact(after, 1))).toEqual([{ start: 10, end: 30 }])
    expect(changedSpans(exact(ARENA), exact(ARENA, 1))).toEqual([])
  })
})
