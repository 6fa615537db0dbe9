import type { ResolvedOptions } from './options'
import { ScenarioWriter } from './scenario-writer'

/**
 * The fragmentation adversary: `count` small blocks of sizeMin, free every
 * other one, then ask for blocks of sizeMax. The holes together hold enough
 * bytes for several large blocks, but none is large enough alone. Without an
 * `arena` option the arena is sized so the small blocks (with a 16-byte
 * header each) just fill it, so the large requests have nowhere else to go.
 * Uses no randomness; the seed is recorded only for uniformity.
 */
export function generateFragmentation(options: ResolvedOptions): string {
  const count = options.count
  const small = options.sizeMin
  const large = options.sizeMax
  const holes = Math.floor(count / 2)
  const largeCount = Math.max(1, Math.floor((holes * small) / large))
  const arena = options.arena ?? Math.ceil((count * (small + 16)) / 1024) * 1024
  const out = new ScenarioWriter(
    'fragmentation',
    { ...options, arena },
    `${count} blocks of ${small} B, every other one freed, then ${largeCount} of ${large} B`
  )
  for (let i = 0; i < count; i++) out.push(`alloc s${i} ${small}`)
  for (let i = 1; i < count; i += 2) out.push(`free s${i}`)
  for (let i = 0; i < largeCount; i++) out.push(`alloc big${i} ${large}`)
  return out.text()
}
