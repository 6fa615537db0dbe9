import { LiveSet } from './live-set'
import type { ResolvedOptions } from './options'
import { Mulberry32 } from './prng'
import { rangeOf } from './random'
import { ScenarioWriter } from './scenario-writer'
import { SizeSampler } from './size-distribution'

/**
 * Slab churn: create `caches` caches (object sizes drawn from the size
 * options), then `count` requests that take an object from a random cache
 * (with probability allocShare) or return a random live object, then return
 * every object, shrink and destroy each cache.
 */
export function generateSlabChurn(options: ResolvedOptions): string {
  const rng = new Mulberry32(options.seed)
  const sizes = new SizeSampler(rangeOf(options), rng)
  const live = new LiveSet()
  const out = new ScenarioWriter(
    'slab',
    options,
    `${options.caches} caches, ${options.count} object requests, at most ${options.maxLive} live`
  )
  for (let c = 0; c < options.caches; c++) {
    out.push(`cache type${c} ${sizes.next()} ctor ${options.ctor}`)
  }
  for (let step = 0; step < options.count; step++) {
    const u = rng.next()
    if (live.size === 0 || (u < options.allocShare && live.size < options.maxLive)) {
      out.push(`object o${live.acquire()} type${rng.int(0, options.caches - 1)}`)
    } else {
      out.push(`free-object o${live.releaseRandom(rng)}`)
    }
  }
  while (live.size > 0) out.push(`free-object o${live.releaseRandom(rng)}`)
  for (let c = 0; c < options.caches; c++) {
    out.push(`shrink type${c}`)
    out.push(`destroy type${c}`)
  }
  return out.text()
}
