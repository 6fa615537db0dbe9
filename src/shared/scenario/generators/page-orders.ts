import { LiveSet } from './live-set'
import type { ResolvedOptions } from './options'
import { Mulberry32 } from './prng'
import { ScenarioWriter } from './scenario-writer'

/**
 * `count` page requests: with probability allocShare ask for a block of an
 * order drawn uniformly from orderMin..orderMax, otherwise free a random live
 * block (forced either way at zero and at maxLive live blocks).
 */
export function generatePageOrders(options: ResolvedOptions): string {
  const rng = new Mulberry32(options.seed)
  const live = new LiveSet()
  const out = new ScenarioWriter(
    'pages',
    options,
    `${options.count} page requests (alloc share ${options.allocShare}), orders ${options.orderMin}..${options.orderMax}`
  )
  for (let step = 0; step < options.count; step++) {
    const u = rng.next()
    if (live.size === 0 || (u < options.allocShare && live.size < options.maxLive)) {
      out.push(`pages p${live.acquire()} ${rng.int(options.orderMin, options.orderMax)}`)
    } else {
      out.push(`free-pages p${live.releaseRandom(rng)}`)
    }
  }
  return out.text()
}
