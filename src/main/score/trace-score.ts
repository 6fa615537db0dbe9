import type { CompiledProgram } from '@shared/scenario/program'
import type { AllocatorFamily, OptionValues } from '../engine/family'
import { FramePool } from '../engine/frame-pool'
import { runProgram } from '../engine/runner'
import { InvariantFailure } from '../engine/invariant-failure'
import { MetricsSnapshot } from '../engine/target'

/**
 * malloc-lab's mdriver scores, for AllocLab's allocators: per trace whether it
 * ran correctly, its space utilization (the peak of the live payload bytes
 * over the trace, divided by the heap's size at its end) and its speed; in
 * total the average utilization, the throughput and the performance index
 * that weighs the two.
 */
export interface TraceScore {
  readonly trace: string
  /** Every request succeeded and the allocator's invariants held at the end. */
  readonly valid: boolean
  readonly util: number
  /** Most payload bytes live at once over the trace, and the heap's size at its end: util = peak / heap. */
  readonly peak: number
  readonly heap: number
  readonly ops: number
  readonly secs: number
  readonly kops: number
  /** Why a trace is not valid: failed or refused requests, or the broken invariant. */
  readonly problem?: string
}

export interface TotalScore {
  /** Every trace was valid; otherwise the figures below are null, as mdriver prints dashes. */
  readonly valid: boolean
  /** Mean utilization over the traces. */
  readonly util: number | null
  readonly ops: number | null
  readonly secs: number | null
  readonly kops: number | null
  /** weight × util and (1 − weight) × min(1, throughput / libc throughput), in points of 100. */
  readonly utilPoints: number | null
  readonly throughputPoints: number | null
  readonly perfIndex: number | null
}

/** mdriver's weights: UTIL_WEIGHT and AVG_LIBC_THRUPUT. */
export interface ScoreWeights {
  readonly utilWeight: number
  /** Thousands of operations per second a performance index reaches full throughput points at. */
  readonly libcKops: number
}

export const MDRIVER_WEIGHTS: ScoreWeights = { utilWeight: 0.6, libcKops: 600 }

/**
 * Run `program` on fresh allocators `runs` times in this thread (engine only,
 * no events); the time is the fastest run's, everything else the same every run.
 */
export function scoreTrace(
  trace: string,
  family: AllocatorFamily,
  values: OptionValues,
  program: CompiledProgram,
  runs = 3
): TraceScore {
  let secs = Infinity
  let score: Omit<TraceScore, 'secs' | 'kops'> | undefined
  for (let run = 0; run < Math.max(1, runs); run++) {
    const pool = FramePool.create(family.poolBytes(values, program))
    const target = family.create(pool, values, program, true)
    const summary = runProgram(target, program, pool)
    secs = Math.min(secs, summary.timing.elapsedMs / 1000)
    if (score !== undefined) continue
    const metrics = new MetricsSnapshot()
    target.metrics(metrics)
    const util = metrics.poolBytes > 0 ? metrics.peakRequested / metrics.poolBytes : 0
    let problem: string | undefined
    if (summary.failures > 0 || summary.invalid > 0) {
      problem = `${summary.failures} failed, ${summary.invalid} refused`
    } else {
      try {
        target.check()
      } catch (error) {
        if (!(error instanceof InvariantFailure)) throw error
        problem = error.message
      }
    }
    score = {
      trace,
      valid: problem === undefined,
      util,
      peak: metrics.peakRequested,
      heap: metrics.poolBytes,
      ops: program.count,
      ...(problem !== undefined ? { problem } : {})
    }
  }
  const kops = secs > 0 ? program.count / 1000 / secs : 0
  return { ...score!, secs, kops }
}

/** The Total row and the performance index, as mdriver computes them. */
export function totalScore(traces: readonly TraceScore[], weights: ScoreWeights): TotalScore {
  const valid = traces.length > 0 && traces.every((t) => t.valid)
  if (!valid) {
    return {
      valid,
      util: null,
      ops: null,
      secs: null,
      kops: null,
      utilPoints: null,
      throughputPoints: null,
      perfIndex: null
    }
  }
  const util = traces.reduce((sum, t) => sum + t.util, 0) / traces.length
  const ops = traces.reduce((sum, t) => sum + t.ops, 0)
  const secs = traces.reduce((sum, t) => sum + t.secs, 0)
  const kops = secs > 0 ? ops / 1000 / secs : 0
  const utilPoints = 100 * weights.utilWeight * util
  const throughputPoints =
    100 * (1 - weights.utilWeight) * Math.min(1, weights.libcKops > 0 ? kops / weights.libcKops : 1)
  return {
    valid,
    util,
    ops,
    secs,
    kops,
    utilPoints,
    throughputPoints,
    perfIndex: utilPoints + throughputPoints
  }
}
