import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Mulberry32, portableLog } from './prng'

/** Mulberry32 exactly as published (Tommy Ettinger, 2017), kept apart from the class under test. */
function publishedMulberry32(seed: number): () => number {
  let a = seed
  return () => {
    let t = (a += 0x6d2b79f5)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('Mulberry32', () => {
  it('produces the published sequence for any 32-bit seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const ours = new Mulberry32(seed)
        const reference = publishedMulberry32(seed)
        for (let i = 0; i < 50; i++) expect(ours.next()).toBe(reference())
      })
    )
  })

  it('takes seeds modulo 2^32', () => {
    expect(new Mulberry32(2 ** 32 + 5).nextUint32()).toBe(new Mulberry32(5).nextUint32())
    expect(new Mulberry32(-1).nextUint32()).toBe(new Mulberry32(2 ** 32 - 1).nextUint32())
  })

  it('draws whole numbers inside the inclusive range', () => {
    const rng = new Mulberry32(3)
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(2, 6)
      expect(Number.isInteger(n) && n >= 2 && n <= 6).toBe(true)
      seen.add(n)
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5, 6])
  })
})

describe('portableLog', () => {
  it('agrees with Math.log to within a few units in the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -40, max: 1, noNaN: true }), (x) => {
        const expected = Math.log(x)
        expect(Math.abs(portableLog(x) - expected)).toBeLessThanOrEqual(
          4 * Number.EPSILON * Math.max(1, Math.abs(expected))
        )
      })
    )
  })

  it('is minus infinity at zero', () => {
    expect(portableLog(0)).toBe(-Infinity)
  })
})
