import type { MessageParams } from '@shared/i18n/translate'
import { CODE_STRIDE, type CompiledProgram } from '@shared/scenario/program'
import type { EventSink } from './event-sink'
import { PoolStatus, type FramePool } from './frame-pool'
import { RequestOutcome, Status } from './outcome'
import { PeakTracker } from './peak-tracker'
import { LIVE_SLOTS, LiveSlot } from './pool-snapshot'
import { COUNTER_SLOTS, Counter, buildSummary, type RunSummary } from './run-summary'
import { InvariantFailure } from './invariant-failure'
import type { InvariantFamily } from './invariant-rules'
import { MetricsSnapshot, type ScenarioTarget } from './target'

/** Requests between two progress points: publish DONE and metrics, look at CANCEL. */
export const PROGRESS_INTERVAL = 4096

export interface RunOptions {
  /** Receives every outcome (for `--events` and timelines). Without it the loop records nothing. */
  readonly sink?: EventSink
  /** Run the target's full invariant check after every request. */
  readonly check?: boolean
  /** Requests between progress points (default PROGRESS_INTERVAL). */
  readonly progressInterval?: number
  /** Clock in milliseconds (default performance.now). */
  readonly now?: () => number
  /** Keeps the summary's peaks; give one to share it with a timeline recorder. */
  readonly peaks?: PeakTracker
  /**
   * The sink looks at the allocator's structures itself (a timeline's metric
   * samples, told to `peaks`), so progress points need not.
   */
  readonly sinkSamplesStructures?: boolean
}

/**
 * An invariant broke during a checked run: after which request, and the
 * failure's rule as an i18n key and params, so the reader's side can say it
 * in the reader's language (the message is English, for logs).
 */
export class RunCheckError extends Error {
  override name = 'RunCheckError'
  readonly family: InvariantFamily
  readonly key: string
  readonly params: MessageParams

  constructor(
    /** 0-based request index. */
    readonly step: number,
    /** 1-based source line of that request, 0 when generated. */
    readonly line: number,
    failure: InvariantFailure
  ) {
    super(
      `invariant broken after request ${step}${line > 0 ? ` (line ${line})` : ''}: ${failure.message}`
    )
    this.family = failure.family
    this.key = failure.key
    this.params = failure.params
  }
}

/**
 * Execute `program` against `target`, publishing progress to `pool`'s header.
 * Stops early (summary.cancelled) when the host sets CANCEL. Sets the pool
 * status to Running, then Done or Cancelled; a throw leaves Failed to the caller.
 */
export function runProgram(
  target: ScenarioTarget,
  program: CompiledProgram,
  pool: FramePool,
  options: RunOptions = {}
): RunSummary {
  const now = options.now ?? (() => performance.now())
  const interval = Math.max(1, options.progressInterval ?? PROGRESS_INTERVAL)
  const slow = options.sink !== undefined || options.check === true
  const counters = new Float64Array(COUNTER_SLOTS)
  const out = new RequestOutcome()
  const snapshot = new MetricsSnapshot()
  const live = new Float64Array(LIVE_SLOTS)
  const count = program.count
  const peaks = options.peaks ?? new PeakTracker(program)
  const structuresFromSink = slow && options.sinkSamplesStructures === true

  pool.setTotal(count)
  pool.setDone(0)
  pool.setStatus(PoolStatus.Running)
  const started = now()
  let done = 0
  let cancelled = false
  while (done < count) {
    if (pool.cancelRequested()) {
      cancelled = true
      break
    }
    const end = Math.min(count, done + interval)
    if (slow) runRequestsWatched(target, program, done, end, out, counters, options, peaks)
    else runRequests(target, program.code, program.sizes, done, end, out, counters, peaks)
    done = end
    pool.setDone(done)
    target.metrics(snapshot)
    if (!structuresFromSink) peaks.lookAt(snapshot, done, !slow)
    publishLive(pool, live, counters, snapshot, now() - started)
  }
  const elapsedMs = now() - started
  target.metrics(snapshot)
  peaks.lookAt(snapshot, done, false)
  publishLive(pool, live, counters, snapshot, elapsedMs)
  pool.setStatus(cancelled ? PoolStatus.Cancelled : PoolStatus.Done)
  return buildSummary(
    counters,
    snapshot,
    elapsedMs,
    cancelled,
    peaks.peaks(),
    peaks.largestFailedRequest()
  )
}

/**
 * The engine-only hot loop: nothing but execute and add. Counters live in
 * locals and are written back once per progress interval.
 */
function runRequests(
  target: ScenarioTarget,
  code: Int32Array,
  sizes: Float64Array,
  from: number,
  to: number,
  out: RequestOutcome,
  counters: Float64Array,
  peaks: PeakTracker
): void {
  let ok = 0
  let noMemory = 0
  let fragmented = 0
  let invalid = 0
  let noop = 0
  let examined = 0
  let splits = 0
  let merges = 0
  let ctorCalls = 0
  let ctorSaved = 0
  let workUnits = 0
  let slabsGrown = 0
  let slabsReaped = 0
  let copied = 0
  for (let i = from, c = from * CODE_STRIDE; i < to; i++, c += CODE_STRIDE) {
    target.execute(code[c]!, code[c + 1]!, code[c + 2]!, sizes[i]!, out)
    const status = out.status
    if (status === Status.Ok) ok++
    else if (status === Status.FailNoMemory) {
      noMemory++
      peaks.failed(i, out.requested, status)
    } else if (status === Status.FailFragmented) {
      fragmented++
      peaks.failed(i, out.requested, status)
    } else if (status === Status.Invalid) invalid++
    else noop++
    examined += out.examined
    splits += out.splits
    merges += out.merges
    ctorCalls += out.ctorCalls
    ctorSaved += out.ctorSaved
    workUnits += out.workUnits
    slabsGrown += out.slabsGrown
    slabsReaped += out.slabsReaped
    copied += out.copied
  }
  counters[Counter.Requests]! += to - from
  counters[Counter.Ok]! += ok
  counters[Counter.FailNoMemory]! += noMemory
  counters[Counter.FailFragmented]! += fragmented
  counters[Counter.Invalid]! += invalid
  counters[Counter.NoOp]! += noop
  counters[Counter.Examined]! += examined
  counters[Counter.Splits]! += splits
  counters[Counter.Merges]! += merges
  counters[Counter.CtorCalls]! += ctorCalls
  counters[Counter.CtorSaved]! += ctorSaved
  counters[Counter.WorkUnits]! += workUnits
  counters[Counter.SlabsGrown]! += slabsGrown
  counters[Counter.SlabsReaped]! += slabsReaped
  counters[Counter.Copied]! += copied
}

/** The same loop with an event sink and/or an invariant check after every request. */
function runRequestsWatched(
  target: ScenarioTarget,
  program: CompiledProgram,
  from: number,
  to: number,
  out: RequestOutcome,
  counters: Float64Array,
  options: RunOptions,
  peaks: PeakTracker
): void {
  const { code, sizes } = program
  const sink = options.sink
  for (let i = from; i < to; i++) {
    const c = i * CODE_STRIDE
    target.execute(code[c]!, code[c + 1]!, code[c + 2]!, sizes[i]!, out)
    if (options.check) checkAfter(target, program, i)
    sink?.record(i, out)
    peaks.afterRequest(i, out)
    countOutcome(out, counters)
  }
}

function checkAfter(target: ScenarioTarget, program: CompiledProgram, step: number): void {
  try {
    target.check()
  } catch (error) {
    if (error instanceof InvariantFailure) {
      throw new RunCheckError(step, program.lines[step] ?? 0, error)
    }
    throw error
  }
}

function countOutcome(out: RequestOutcome, counters: Float64Array): void {
  counters[Counter.Requests]!++
  switch (out.status) {
    case Status.Ok:
      counters[Counter.Ok]!++
      break
    case Status.FailNoMemory:
      counters[Counter.FailNoMemory]!++
      break
    case Status.FailFragmented:
      counters[Counter.FailFragmented]!++
      break
    case Status.Invalid:
      counters[Counter.Invalid]!++
      break
    default:
      counters[Counter.NoOp]!++
  }
  counters[Counter.Examined]! += out.examined
  counters[Counter.Splits]! += out.splits
  counters[Counter.Merges]! += out.merges
  counters[Counter.CtorCalls]! += out.ctorCalls
  counters[Counter.CtorSaved]! += out.ctorSaved
  counters[Counter.WorkUnits]! += out.workUnits
  counters[Counter.SlabsGrown]! += out.slabsGrown
  counters[Counter.SlabsReaped]! += out.slabsReaped
  counters[Counter.Copied]! += out.copied
}

function publishLive(
  pool: FramePool,
  live: Float64Array,
  counters: Float64Array,
  snapshot: MetricsSnapshot,
  elapsedMs: number
): void {
  live[LiveSlot.Ok] = counters[Counter.Ok]!
  live[LiveSlot.FailNoMemory] = counters[Counter.FailNoMemory]!
  live[LiveSlot.FailFragmented] = counters[Counter.FailFragmented]!
  live[LiveSlot.Invalid] = counters[Counter.Invalid]!
  live[LiveSlot.RequestedLive] = snapshot.requestedLive
  live[LiveSlot.AllocatedLive] = snapshot.allocatedLive
  live[LiveSlot.FreeBytes] = snapshot.freeBytes
  live[LiveSlot.FreeBlocks] = snapshot.freeBlocks
  live[LiveSlot.LargestFree] = snapshot.largestFree
  live[LiveSlot.MetadataBytes] = snapshot.metadataBytes
  live[LiveSlot.HighWater] = snapshot.highWater
  live[LiveSlot.PeakRequested] = snapshot.peakRequested
  live[LiveSlot.LiveBlocks] = snapshot.liveBlocks
  live[LiveSlot.Examined] = counters[Counter.Examined]!
  live[LiveSlot.ElapsedMs] = elapsedMs
  pool.publishMetrics(live)
}
