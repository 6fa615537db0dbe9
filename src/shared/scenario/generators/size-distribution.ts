import { portableLog, type Mulberry32 } from './prng'

export const SIZE_DISTRIBUTIONS = ['uniform', 'pow2', 'exponential', 'bimodal'] as const
export type SizeDistribution = (typeof SIZE_DISTRIBUTIONS)[number]

export interface SizeRange {
  readonly distribution: SizeDistribution
  /** Smallest size in bytes. */
  readonly min: number
  /** Largest size in bytes. */
  readonly max: number
  /** exponential: mean of the part above `min`. */
  readonly mean: number
  /** bimodal: share of requests drawn from the large mode. */
  readonly largeShare: number
}

/** Exponents k with min ≤ 2^k ≤ max, found by doubling so no Math.log2 rounding can creep in. */
export function powerOfTwoExponents(min: number, max: number): [number, number] {
  let low = 0
  while (2 ** low < min) low++
  let high = low
  while (2 ** (high + 1) <= max) high++
  return [low, 2 ** low <= max ? high : low - 1]
}

/**
 * Draws sizes:
 * - uniform: every whole size in [min, max] equally likely;
 * - pow2: a power of two in [min, max], every exponent equally likely;
 * - exponential: min + ⌊−mean·ln(1 − u)⌋, capped at max (many small, few large);
 * - bimodal: with probability largeShare uniform in [max(min, ⌊max/4⌋), max],
 *   else uniform in [min, min(max, 4·min)].
 */
export class SizeSampler {
  private readonly range: SizeRange
  private readonly rng: Mulberry32
  private readonly exponents: [number, number]

  constructor(range: SizeRange, rng: Mulberry32) {
    this.range = range
    this.rng = rng
    this.exponents = powerOfTwoExponents(range.min, range.max)
  }

  next(): number {
    const { distribution, min, max } = this.range
    const rng = this.rng
    switch (distribution) {
      case 'uniform':
        return rng.int(min, max)
      case 'pow2':
        return 2 ** rng.int(this.exponents[0], this.exponents[1])
      case 'exponential': {
        const size = min + Math.floor(-this.range.mean * portableLog(1 - rng.next()))
        return size > max ? max : size
      }
      case 'bimodal':
        return rng.chance(this.range.largeShare)
          ? rng.int(Math.max(min, Math.floor(max / 4)), max)
          : rng.int(min, Math.min(max, 4 * min))
    }
  }
}
