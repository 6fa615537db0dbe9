import type { ResolvedOptions } from './options'
import { Mulberry32 } from './prng'
import { rangeOf } from './random'
import { ScenarioWriter } from './scenario-writer'
import { SizeSampler } from './size-distribution'

/**
 * Grow then shrink: allocate `count` blocks, then free them all — oldest
 * first (fifo), newest first (lifo) or in a shuffled order (random).
 */
export function generateRamp(options: ResolvedOptions): string {
  const rng = new Mulberry32(options.seed)
  const sizes = new SizeSampler(rangeOf(options), rng)
  const out = new ScenarioWriter(
    'ramp',
    options,
    `allocate ${options.count} blocks, then free them (${options.release})`
  )
  const count = options.count
  for (let i = 0; i < count; i++) out.push(`alloc h${i} ${sizes.next()}`)
  const order = Array.from({ length: count }, (_, i) =>
    options.release === 'lifo' ? count - 1 - i : i
  )
  if (options.release === 'random') {
    // Fisher–Yates, drawing from the same seeded stream.
    for (let i = count - 1; i > 0; i--) {
      const j = rng.int(0, i)
      const held = order[i]!
      order[i] = order[j]!
      order[j] = held
    }
  }
  for (const slot of order) out.push(`free h${slot}`)
  return out.text()
}
