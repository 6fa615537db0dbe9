import { FramePool, Header, PoolStatus, type PoolStatusCode } from './frame-pool'

/**
 * Float64 slots of the metrics block the runner publishes under the pool's
 * seqlock. The worker writes them every progress interval; the host reads a
 * consistent copy without waiting on any message.
 */
export const LiveSlot = {
  Ok: 0,
  FailNoMemory: 1,
  FailFragmented: 2,
  Invalid: 3,
  RequestedLive: 4,
  AllocatedLive: 5,
  FreeBytes: 6,
  FreeBlocks: 7,
  LargestFree: 8,
  MetadataBytes: 9,
  HighWater: 10,
  PeakRequested: 11,
  LiveBlocks: 12,
  Examined: 13,
  ElapsedMs: 14
} as const
export const LIVE_SLOTS = 15

/** The live figures of a running (or finished) run, all from one seqlock read. */
export interface LiveMetrics {
  readonly ok: number
  readonly failNoMemory: number
  readonly failFragmented: number
  readonly invalid: number
  readonly requestedLive: number
  readonly allocatedLive: number
  readonly freeBytes: number
  readonly freeBlocks: number
  readonly largestFree: number
  readonly metadataBytes: number
  readonly highWater: number
  readonly peakRequested: number
  readonly liveBlocks: number
  readonly examined: number
  readonly elapsedMs: number
}

export type RunStatusName = 'idle' | 'running' | 'done' | 'cancelled' | 'failed'

export interface PoolSnapshot {
  readonly status: RunStatusName
  /** Requests executed so far (at most one progress interval stale). */
  readonly done: number
  /** Requests in the program. */
  readonly total: number
  readonly metrics: LiveMetrics
}

const STATUS_NAMES: Readonly<Record<PoolStatusCode, RunStatusName>> = {
  [PoolStatus.Idle]: 'idle',
  [PoolStatus.Running]: 'running',
  [PoolStatus.Done]: 'done',
  [PoolStatus.Cancelled]: 'cancelled',
  [PoolStatus.Failed]: 'failed'
}

export function statusName(code: PoolStatusCode): RunStatusName {
  return STATUS_NAMES[code] ?? 'failed'
}

/**
 * Read the header counters and the metrics block. The counters are single
 * Atomics loads; the metrics come from one consistent seqlock read, so the
 * figures in `metrics` always belong to the same instant.
 */
export function readPoolSnapshot(
  pool: FramePool,
  scratch: Float64Array = new Float64Array(Header.METRICS_SLOTS)
): PoolSnapshot {
  const slots = pool.readMetrics(scratch)
  return {
    status: statusName(pool.status),
    done: pool.done,
    total: pool.total,
    metrics: {
      ok: slots[LiveSlot.Ok]!,
      failNoMemory: slots[LiveSlot.FailNoMemory]!,
      failFragmented: slots[LiveSlot.FailFragmented]!,
      invalid: slots[LiveSlot.Invalid]!,
      requestedLive: slots[LiveSlot.RequestedLive]!,
      allocatedLive: slots[LiveSlot.AllocatedLive]!,
      freeBytes: slots[LiveSlot.FreeBytes]!,
      freeBlocks: slots[LiveSlot.FreeBlocks]!,
      largestFree: slots[LiveSlot.LargestFree]!,
      metadataBytes: slots[LiveSlot.MetadataBytes]!,
      highWater: slots[LiveSlot.HighWater]!,
      peakRequested: slots[LiveSlot.PeakRequested]!,
      liveBlocks: slots[LiveSlot.LiveBlocks]!,
      examined: slots[LiveSlot.Examined]!,
      elapsedMs: slots[LiveSlot.ElapsedMs]!
    }
  }
}
