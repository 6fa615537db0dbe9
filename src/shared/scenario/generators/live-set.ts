import type { Mulberry32 } from './prng'

/**
 * The handles a generator has live, as small integer slots. A freed slot is
 * reused by the next allocation, so a million requests with at most a
 * thousand live need only a thousand handle names.
 */
export class LiveSet {
  private readonly live: number[] = []
  private readonly spare: number[] = []
  private nextSlot = 0

  get size(): number {
    return this.live.length
  }

  /** A slot for a new allocation: the most recently freed, else a fresh one. */
  acquire(): number {
    const slot = this.spare.pop() ?? this.nextSlot++
    this.live.push(slot)
    return slot
  }

  /** Any live slot, uniformly, without releasing it. */
  pick(rng: Mulberry32): number {
    return this.live[rng.int(0, this.live.length - 1)]!
  }

  /** Release a live slot chosen uniformly at random. */
  releaseRandom(rng: Mulberry32): number {
    return this.releaseAt(rng.int(0, this.live.length - 1))
  }

  private releaseAt(index: number): number {
    const live = this.live
    const slot = live[index]!
    live[index] = live[live.length - 1]!
    live.pop()
    this.spare.push(slot)
    return slot
  }
}
