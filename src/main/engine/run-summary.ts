import type {
  FailedRequest,
  FinalMetrics,
  RunPeaks,
  RunSummary
} from '@shared/vocabulary/run-summary'
import { externalFragmentation, utilization } from '@shared/vocabulary/metric-formulas'
import type { MetricsSnapshot } from './target'

export type {
  CostPerRequest,
  CostTotals,
  FailedRequest,
  FinalMetrics,
  RunPeaks,
  RunSummary,
  RunTiming
} from '@shared/vocabulary/run-summary'
export { externalFragmentation, utilization } from '@shared/vocabulary/metric-formulas'

/**
 * Slots of the counters the runner accumulates. A Float64Array indexed by
 * these keeps the hot loop free of object writes between progress points.
 */
export const Counter = {
  Requests: 0,
  Ok: 1,
  FailNoMemory: 2,
  FailFragmented: 3,
  Invalid: 4,
  NoOp: 5,
  Examined: 6,
  Splits: 7,
  Merges: 8,
  CtorCalls: 9,
  CtorSaved: 10,
  WorkUnits: 11,
  SlabsGrown: 12,
  SlabsReaped: 13,
  Copied: 14
} as const
export const COUNTER_SLOTS = 15

export function finalMetrics(snapshot: MetricsSnapshot): FinalMetrics {
  return {
    poolBytes: snapshot.poolBytes,
    requestedLive: snapshot.requestedLive,
    allocatedLive: snapshot.allocatedLive,
    internalFragmentation: snapshot.allocatedLive - snapshot.requestedLive,
    freeBytes: snapshot.freeBytes,
    freeBlocks: snapshot.freeBlocks,
    largestFree: snapshot.largestFree,
    externalFragmentation: externalFragmentation(snapshot.largestFree, snapshot.freeBytes),
    metadataBytes: snapshot.metadataBytes,
    highWater: snapshot.highWater,
    peakRequested: snapshot.peakRequested,
    liveBlocks: snapshot.liveBlocks
  }
}

export function buildSummary(
  counters: Float64Array,
  snapshot: MetricsSnapshot,
  elapsedMs: number,
  cancelled: boolean,
  peaks: RunPeaks,
  largestFailedRequest: FailedRequest | null
): RunSummary {
  const requests = counters[Counter.Requests]!
  const failNoMemory = counters[Counter.FailNoMemory]!
  const failFragmented = counters[Counter.FailFragmented]!
  return {
    requests,
    ok: counters[Counter.Ok]!,
    failures: failNoMemory + failFragmented,
    failNoMemory,
    failFragmented,
    invalid: counters[Counter.Invalid]!,
    noop: counters[Counter.NoOp]!,
    utilization: utilization(snapshot.peakRequested, snapshot.highWater),
    cancelled,
    metrics: finalMetrics(snapshot),
    peaks,
    largestFailedRequest,
    cost: {
      examined: counters[Counter.Examined]!,
      splits: counters[Counter.Splits]!,
      merges: counters[Counter.Merges]!,
      ctorCalls: counters[Counter.CtorCalls]!,
      ctorSaved: counters[Counter.CtorSaved]!,
      workUnits: counters[Counter.WorkUnits]!,
      slabsGrown: counters[Counter.SlabsGrown]!,
      slabsReaped: counters[Counter.SlabsReaped]!,
      copied: counters[Counter.Copied]!
    },
    costPerRequest: {
      examined: perRequest(counters[Counter.Examined]!, requests),
      splits: perRequest(counters[Counter.Splits]!, requests),
      merges: perRequest(counters[Counter.Merges]!, requests),
      ctorCalls: perRequest(counters[Counter.CtorCalls]!, requests),
      workUnits: perRequest(counters[Counter.WorkUnits]!, requests)
    },
    timing: {
      elapsedMs,
      nsPerRequest: requests > 0 ? (elapsedMs * 1e6) / requests : 0
    }
  }
}

function perRequest(total: number, requests: number): number {
  return requests > 0 ? total / requests : 0
}
