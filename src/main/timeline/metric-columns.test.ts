import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { downsampleSamples, downsampleSteps } from './metric-columns'

describe('downsampling metric columns', () => {
  it('keeps every bucket’s true minimum and maximum, in at most maxPoints buckets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 400 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        (values, a, b, maxPoints) => {
          const from = a % values.length
          const to = from + 1 + (b % (values.length - from))
          const buckets = downsampleSteps(values, from, to, maxPoints)
          expect(buckets.start.length).toBeLessThanOrEqual(maxPoints)
          expect(buckets.start[0]).toBe(from)
          buckets.start.forEach((start, i) => {
            const end = buckets.start[i + 1] ?? to
            const slice = values.slice(start, end)
            expect(buckets.min[i]).toBe(Math.min(...slice))
            expect(buckets.max[i]).toBe(Math.max(...slice))
          })
        }
      )
    )
  })

  it('puts each sample in the bucket of the request it follows', () => {
    const positions = Int32Array.from([0, 4, 8, 12, 16])
    const values = Float64Array.from([9, 1, 7, 3, 5])
    const buckets = downsampleSamples(positions, values, 0, 16, 2)
    expect(buckets).toEqual({ start: [0, 8], min: [1, 3], max: [7, 5] })
  })
})
