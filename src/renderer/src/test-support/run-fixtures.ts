import type { RunSummary } from '@shared/vocabulary/run-summary'

/** A run summary with every figure zero, for tests to fill in what they look at. */
export function summaryFixture(overrides: {
  requests?: number
  failures?: [noMemory: number, fragmented: number]
  utilization?: number
  peakExternal?: [value: number, step: number]
  peakInternal?: [value: number, step: number]
  peakMetadata?: [value: number, step: number]
  examinedPerRequest?: number
  nsPerRequest?: number
  ctorSaved?: number
}): RunSummary {
  const [noMemory, fragmented] = overrides.failures ?? [0, 0]
  const requests = overrides.requests ?? 8
  const peak = (pair?: [number, number]) => ({ value: pair?.[0] ?? 0, step: pair?.[1] ?? -1 })
  return {
    requests,
    ok: requests - noMemory - fragmented,
    failures: noMemory + fragmented,
    failNoMemory: noMemory,
    failFragmented: fragmented,
    invalid: 0,
    noop: 0,
    utilization: overrides.utilization ?? 0,
    cancelled: false,
    metrics: {
      poolBytes: 100,
      requestedLive: 0,
      allocatedLive: 0,
      internalFragmentation: 0,
      freeBytes: 100,
      freeBlocks: 1,
      largestFree: 100,
      externalFragmentation: 0,
      metadataBytes: 0,
      highWater: 0,
      peakRequested: 0,
      liveBlocks: 0
    },
    peaks: {
      requestedLive: peak(),
      allocatedLive: peak(),
      internalFragmentation: peak(overrides.peakInternal),
      externalFragmentation: peak(overrides.peakExternal),
      freeBlocks: peak(),
      metadataBytes: peak(overrides.peakMetadata),
      strides: { live: 1, structures: 1 }
    },
    largestFailedRequest: null,
    cost: {
      examined: 0,
      splits: 0,
      merges: 0,
      ctorCalls: 0,
      ctorSaved: overrides.ctorSaved ?? 0,
      workUnits: 0,
      slabsGrown: 0,
      slabsReaped: 0,
      copied: 0
    },
    costPerRequest: {
      examined: overrides.examinedPerRequest ?? 0,
      splits: 0,
      merges: 0,
      ctorCalls: 0,
      workUnits: 0
    },
    timing: { elapsedMs: 1, nsPerRequest: overrides.nsPerRequest ?? 0 }
  }
}
