import { describe, expect, it } from 'vitest'
import { alignColumns, failureBuckets } from './chart-data'

describe('chart data', () => {
  it('puts configurations on one x axis with gaps where one has no value', () => {
    const aligned = alignColumns([
      { start: [0, 10, 20], min: [1, 2, 3], max: [1, 4, 3], stride: 1 },
      { start: [0, 20], min: [5, 6], max: [5, 7], stride: 64 }
    ])
    expect(aligned).toEqual({
      x: [0, 10, 20],
      lows: [
        [1, 2, 3],
        [5, null, 6]
      ],
      highs: [
        [1, 4, 3],
        [5, null, 7]
      ]
    })
  })

  it('counts the failures in each bucket from the running totals', () => {
    const noMemory = { start: [0, 4, 8, 12], min: [0, 1, 1, 1], max: [1, 1, 1, 2], stride: 1 }
    const fragmented = { start: [0, 4, 8, 12], min: [0, 0, 0, 2], max: [0, 0, 2, 3], stride: 1 }
    expect(failureBuckets(noMemory, fragmented)).toEqual([
      { start: 0, failures: 1 },
      { start: 8, failures: 2 },
      { start: 12, failures: 2 }
    ])
  })
})
