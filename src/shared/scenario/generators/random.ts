import { LiveSet } from './live-set'
import type { ResolvedOptions } from './options'
import { Mulberry32 } from './prng'
import { ScenarioWriter } from './scenario-writer'
import { SizeSampler } from './size-distribution'

/**
 * `count` heap requests. Each step draws u: u < allocShare allocates,
 * u < allocShare + reallocShare resizes a random live block, otherwise a
 * random live block is freed. With nothing live the step allocates; with
 * maxLive live it frees (or resizes, if that is what u chose).
 */
export function generateRandom(options: ResolvedOptions): string {
  const rng = new Mulberry32(options.seed)
  const sizes = new SizeSampler(rangeOf(options), rng)
  const live = new LiveSet()
  const out = new ScenarioWriter(
    'random',
    options,
    `${options.count} heap requests (alloc share ${options.allocShare}), at most ${options.maxLive} live, ${options.sizes} sizes ${options.sizeMin}..${options.sizeMax} B`
  )
  const reallocBelow = options.allocShare + options.reallocShare
  for (let step = 0; step < options.count; step++) {
    const u = rng.next()
    if (live.size === 0 || (u < options.allocShare && live.size < options.maxLive)) {
      out.push(`alloc h${live.acquire()} ${sizes.next()}`)
    } else if (u >= options.allocShare && u < reallocBelow) {
      out.push(`realloc h${live.pick(rng)} ${sizes.next()}`)
    } else {
      out.push(`free h${live.releaseRandom(rng)}`)
    }
  }
  return out.text()
}

export function rangeOf(options: ResolvedOptions): ConstructorParameters<typeof SizeSampler>[0] {
  return {
    distribution: options.sizes,
    min: options.sizeMin,
    max: options.sizeMax,
    mean: options.sizeMean,
    largeShare: options.largeShare
  }
}
