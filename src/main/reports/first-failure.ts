import { MAX_METRIC_POINTS } from '@shared/run-schemas'
import type { LabCaller } from './lab-caller'

/**
 * The first request of a configuration that failed, or null when none did,
 * found through `timeline:metrics` alone: the failure counters are running
 * totals, so the first bucket whose maximum is above 0 holds the first
 * failure; narrowing to that bucket until buckets are one request wide
 * takes a handful of calls even for a run of millions of requests.
 */
export async function firstFailureStep(
  lab: LabCaller,
  runId: string,
  config: number,
  requests: number
): Promise<number | null> {
  let from = 0
  let to = requests
  while (to > from) {
    const page = await lab.call('timeline:metrics', {
      runId,
      config,
      from,
      to,
      maxPoints: MAX_METRIC_POINTS,
      columns: ['failNoMemory', 'failFragmented']
    })
    const [noMemory, fragmented] = page.columns
    if (!noMemory || !fragmented) return null
    const bucket = noMemory.max.findIndex((value, i) => value > 0 || fragmented.max[i]! > 0)
    if (bucket < 0) return null
    const start = noMemory.start[bucket]!
    if (page.bucketSize === 1) return start
    from = start
    to = Math.min(to, start + page.bucketSize)
  }
  return null
}
