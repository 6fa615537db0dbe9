/**
 * The summary of one configuration's run, typed once for the engine (which
 * builds it), LabApi, the window, reports and the database. End-of-run
 * figures alone hide what a student asks about — a trace that frees
 * everything ends with 0 % fragmentation — so the summary also keeps each
 * figure's peak and the step where it happened.
 */
import { z } from 'zod'
import { FailureCauseSchema } from './request-statuses'

const Count = z.number().int().min(0)
const Bytes = z.number().min(0)
const Ratio = z.number().min(0).max(1)
/** A request's index in the program (0-based); -1 when it never happened. */
const StepIndex = z.number().int().min(-1)

/** Metrics after the last request executed (DESIGN.md §5 names). */
export const FinalMetricsSchema = z
  .object({
    poolBytes: Bytes,
    requestedLive: Bytes,
    allocatedLive: Bytes,
    /** allocatedLive − requestedLive. */
    internalFragmentation: Bytes,
    freeBytes: Bytes,
    freeBlocks: Count,
    largestFree: Bytes,
    /** 1 − largestFree / freeBytes, 0 when nothing is free. */
    externalFragmentation: Ratio,
    metadataBytes: Bytes,
    highWater: Bytes,
    peakRequested: Bytes,
    liveBlocks: Count
  })
  .strict()
export type FinalMetrics = z.infer<typeof FinalMetricsSchema>

/** The highest value a figure reached and the first request after which it had it. */
export const PeakSchema = z.object({ value: z.number().min(0), step: StepIndex }).strict()
export type Peak = z.infer<typeof PeakSchema>

export const RunPeaksSchema = z
  .object({
    requestedLive: PeakSchema,
    allocatedLive: PeakSchema,
    internalFragmentation: PeakSchema,
    externalFragmentation: PeakSchema,
    freeBlocks: PeakSchema,
    metadataBytes: PeakSchema,
    /**
     * Requests between two looks at each kind of figure; 1 means exact at
     * every request. `live`: requestedLive, allocatedLive and
     * internalFragmentation (exact whenever the run was recorded or checked);
     * `structures`: the figures read off the allocator's structures
     * (externalFragmentation, freeBlocks, metadataBytes), every
     * `metricStride` requests of a recorded run.
     */
    strides: z
      .object({ live: z.number().int().min(1), structures: z.number().int().min(1) })
      .strict()
  })
  .strict()
export type RunPeaks = z.infer<typeof RunPeaksSchema>

/** The largest allocation that failed: how much, at which request, and why. */
export const FailedRequestSchema = z
  .object({ bytes: Bytes, step: z.number().int().min(0), cause: FailureCauseSchema })
  .strict()
export type FailedRequest = z.infer<typeof FailedRequestSchema>

/** Deterministic cost counters summed over every request: the same on every machine. */
export const CostTotalsSchema = z
  .object({
    examined: Count,
    splits: Count,
    merges: Count,
    ctorCalls: Count,
    ctorSaved: Count,
    workUnits: Count,
    slabsGrown: Count,
    slabsReaped: Count,
    copied: Count
  })
  .strict()
export type CostTotals = z.infer<typeof CostTotalsSchema>

/** The same counters divided by the requests executed (0 when none ran). */
export const CostPerRequestSchema = z
  .object({
    examined: z.number().min(0),
    splits: z.number().min(0),
    merges: z.number().min(0),
    ctorCalls: z.number().min(0),
    workUnits: z.number().min(0)
  })
  .strict()
export type CostPerRequest = z.infer<typeof CostPerRequestSchema>

/** Wall-clock figures: they differ between machines and runs, so reports keep them apart. */
export const RunTimingSchema = z
  .object({ elapsedMs: z.number().min(0), nsPerRequest: z.number().min(0) })
  .strict()
export type RunTiming = z.infer<typeof RunTimingSchema>

export const RunSummarySchema = z
  .object({
    /** Requests executed (fewer than the program's count when cancelled). */
    requests: Count,
    ok: Count,
    /** failNoMemory + failFragmented. */
    failures: Count,
    /** Failed because total free memory was smaller than the request. */
    failNoMemory: Count,
    /** Failed although enough memory was free in total: no single block was big enough. */
    failFragmented: Count,
    invalid: Count,
    noop: Count,
    /** peakRequested / highWater (malloc-lab's measure), 0 before anything was handed out. */
    utilization: z.number().min(0),
    cancelled: z.boolean(),
    metrics: FinalMetricsSchema,
    peaks: RunPeaksSchema,
    largestFailedRequest: FailedRequestSchema.nullable(),
    cost: CostTotalsSchema,
    costPerRequest: CostPerRequestSchema,
    timing: RunTimingSchema
  })
  .strict()
export type RunSummary = z.infer<typeof RunSummarySchema>
