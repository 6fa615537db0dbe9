/**
 * Mulberry32, the 32-bit generator Tommy Ettinger published in 2017 (public
 * domain): one 32-bit word of state, advanced by the odd constant 0x6D2B79F5,
 * then mixed by two multiply-xorshift rounds. Everything below is integer
 * arithmetic or IEEE-754 +, -, *, / — which every conforming machine rounds
 * the same way — so a seed gives the same numbers everywhere. Math.log and
 * friends are deliberately avoided: the language standard lets them differ
 * between engines in the last bit.
 */
export class Mulberry32 {
  private state: number

  /** The seed is taken modulo 2^32 (negative seeds wrap), as the state is one 32-bit word. */
  constructor(seed: number) {
    this.state = Number.isFinite(seed) ? Number(BigInt.asUintN(32, BigInt(Math.trunc(seed)))) : 0
  }

  /** The next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** Uniform in [0, 1), with 32 random bits. */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** Uniform integer in [low, high], both inclusive. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1))
  }

  /** True with probability `share`. */
  chance(share: number): boolean {
    return this.next() < share
  }
}

const LN2 = 0.6931471805599453

/**
 * Natural logarithm of x in (0, 1] by basic arithmetic only, so it is the same
 * on every machine: x = m · 2^e with m in [1, 2), then
 * ln m = 2·atanh(z) = 2(z + z³/3 + z⁵/5 + …) with z = (m − 1)/(m + 1) < 1/3,
 * where 20 terms are far below double precision.
 */
export function portableLog(x: number): number {
  if (!(x > 0)) return -Infinity
  let exponent = 0
  let m = x
  while (m < 1) {
    m *= 2
    exponent--
  }
  while (m >= 2) {
    m /= 2
    exponent++
  }
  const z = (m - 1) / (m + 1)
  const z2 = z * z
  let power = z
  let sum = 0
  for (let k = 0; k < 20; k++) {
    sum += power / (2 * k + 1)
    power *= z2
  }
  return exponent * LN2 + 2 * sum
}
