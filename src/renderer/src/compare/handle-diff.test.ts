import { describe, expect, it } from 'vitest'
import type { MapRange } from '@renderer/replay/map-image'
import { handleDiff } from './handle-diff'

const used = (start: number, length: number, handle: string): MapRange => ({
  start,
  length,
  state: 'used',
  handle
})

describe('where each live handle sits in two configurations', () => {
  it('tells the same place, a different place, and a handle live in one only', () => {
    // First fit put d in the first hole; best fit in the tightest one.
    const firstFit = [used(0, 10, 'a'), used(10, 60, 'd'), used(70, 20, 'c')]
    const bestFit = [used(0, 10, 'a'), used(30, 60, 'd')]
    expect(handleDiff(firstFit, bestFit)).toEqual([
      {
        handle: 'd',
        left: { start: 10, length: 60 },
        right: { start: 30, length: 60 },
        verdict: 'differs'
      },
      { handle: 'c', left: { start: 70, length: 20 }, right: null, verdict: 'missing' },
      {
        handle: 'a',
        left: { start: 0, length: 10 },
        right: { start: 0, length: 10 },
        verdict: 'same'
      }
    ])
  })
})
