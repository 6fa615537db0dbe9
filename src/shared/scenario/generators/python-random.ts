/**
 * Python's `random` module, as far as `random.seed(int)` and `random.random()`
 * go: the Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998) seeded by
 * its `init_by_array` with the 32-bit words of |seed|, least significant
 * first, and 53-bit floats made from two outputs, as CPython's _randommodule.c
 * does. Implemented from the published algorithm, so that OSTEP's homework
 * (which draws its workloads this way) can be replayed number for number.
 */

const N = 624
const M = 397
const MATRIX_A = 0x9908b0df
const UPPER_MASK = 0x80000000
const LOWER_MASK = 0x7fffffff

export class PythonRandom {
  private readonly mt = new Uint32Array(N)
  private index = N

  /** `random.seed(seed)` for an integer seed (any size, either sign). */
  constructor(seed: bigint | number) {
    this.initByArray(seedWords(BigInt(seed)))
  }

  /** `random.random()`: a float in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.next() >>> 5
    const b = this.next() >>> 6
    return (a * 67108864 + b) / 9007199254740992
  }

  /** One tempered 32-bit output (genrand_uint32). */
  next(): number {
    if (this.index >= N) this.twist()
    let y = this.mt[this.index++]!
    y ^= y >>> 11
    y ^= (y << 7) & 0x9d2c5680
    y ^= (y << 15) & 0xefc60000
    y ^= y >>> 18
    return y >>> 0
  }

  private initGenrand(s: number): void {
    const mt = this.mt
    mt[0] = s
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!
      mt[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i
    }
    this.index = N
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt
    this.initGenrand(19650218)
    let i = 1
    let j = 0
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]!
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) >>> 0) + key[j]! + j
      i++
      j++
      if (i >= N) {
        mt[0] = mt[N - 1]!
        i = 1
      }
      if (j >= key.length) j = 0
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) >>> 0) - i
      i++
      if (i >= N) {
        mt[0] = mt[N - 1]!
        i = 1
      }
    }
    // The most significant bit is 1: the state is never all zeros.
    mt[0] = 0x80000000
  }

  private twist(): void {
    const mt = this.mt
    let kk = 0
    for (; kk < N - M; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK)
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK)
      mt[kk] = mt[kk + M - N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)
    }
    const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK)
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)
    this.index = 0
  }
}

/** |seed| as 32-bit words, least significant first; zero is one zero word (CPython's random_seed). */
function seedWords(seed: bigint): number[] {
  let rest = seed < 0n ? -seed : seed
  const words: number[] = []
  do {
    words.push(Number(rest & 0xffffffffn))
    rest >>= 32n
  } while (rest > 0n)
  return words
}
