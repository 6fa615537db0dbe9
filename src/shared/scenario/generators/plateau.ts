import { LiveSet } from './live-set'
import type { ResolvedOptions } from './options'
import { Mulberry32 } from './prng'
import { rangeOf } from './random'
import { ScenarioWriter } from './scenario-writer'
import { SizeSampler } from './size-distribution'

/**
 * Plateau with churn: allocate `live` blocks, then `count` times free a random
 * live block and allocate a new one (the heap stays the same size while its
 * holes move), then free everything.
 */
export function generatePlateau(options: ResolvedOptions): string {
  const rng = new Mulberry32(options.seed)
  const sizes = new SizeSampler(rangeOf(options), rng)
  const live = new LiveSet()
  const out = new ScenarioWriter(
    'plateau',
    options,
    `hold ${options.live} blocks while replacing one ${options.count} times, then free all`
  )
  for (let i = 0; i < options.live; i++) out.push(`alloc h${live.acquire()} ${sizes.next()}`)
  for (let i = 0; i < options.count; i++) {
    out.push(`free h${live.releaseRandom(rng)}`)
    out.push(`alloc h${live.acquire()} ${sizes.next()}`)
  }
  while (live.size > 0) out.push(`free h${live.releaseRandom(rng)}`)
  return out.text()
}
