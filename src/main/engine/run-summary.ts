import type { MetricsSnapshot } from './target'

/** Metrics at the end of a run, with the derived fragmentation figures (DESIGN.md §5 names). */
export interface FinalMetrics {
  readonly poolBytes: number
  readonly requestedLive: number
  readonly allocatedLive: number
  /** allocatedLive − requestedLive. */
  readonly internalFragmentation: number
  readonly freeBytes: number
  readonly freeBlocks: number
  readonly largestFree: number
  /** 1 − largestFree / freeBytes, 0 when nothing is free. */
  readonly externalFragmentation: number
  readonly metadataBytes: number
  readonly highWater: number
  readonly peakRequested: number
  readonly liveBlocks: number
}

/** Deterministic cost counters summed over every request: the same on every machine. */
export interface CostTotals {
  readonly examined: number
  readonly splits: number
  readonly merges: number
  readonly ctorCalls: number
  readonly ctorSaved: number
  readonly workUnits: number
  readonly slabsGrown: number
  readonly slabsReaped: number
  readonly copied: number
}

/** Wall-clock figures: they differ between machines and runs, so reports keep them apart. */
export interface RunTiming {
  readonly elapsedMs: number
  readonly nsPerRequest: number
}

export interface RunSummary {
  /** Requests executed (fewer than the program's count when cancelled). */
  readonly requests: number
  readonly ok: number
  /** failNoMemory + failFragmented. */
  readonly failures: number
  /** Failed because total free memory was smaller than the request. */
  readonly failNoMemory: number
  /** Failed although enough memory was free in total: no single block was big enough. */
  readonly failFragmented: number
  readonly invalid: number
  readonly noop: number
  /** peakRequested / highWater (malloc-lab's measure), 0 before anything was handed out. */
  readonly utilization: number
  readonly cancelled: boolean
  /** Metrics after the last request executed. */
  readonly metrics: FinalMetrics
  readonly cost: CostTotals
  readonly timing: RunTiming
}

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

export function externalFragmentation(largestFree: number, freeBytes: number): number {
  // (free − largest) / free rather than 1 − largest / free: exact when the answer is a short fraction.
  return freeBytes > 0 ? (freeBytes - largestFree) / freeBytes : 0
}

export function utilization(peakRequested: number, highWater: number): number {
  return highWater > 0 ? peakRequested / highWater : 0
}

export function buildSummary(
  counters: Float64Array,
  snapshot: MetricsSnapshot,
  elapsedMs: number,
  cancelled: boolean
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
    timing: {
      elapsedMs,
      nsPerRequest: requests > 0 ? (elapsedMs * 1e6) / requests : 0
    }
  }
}
