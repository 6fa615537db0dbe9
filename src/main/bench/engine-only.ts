import type { CompiledProgram } from '@shared/scenario/program'
import { FramePool } from '../engine/frame-pool'
import { runProgram } from '../engine/runner'
import type { RunSummary } from '../engine/run-summary'
import type { ScenarioTarget } from '../engine/target'

export interface EngineOnlyFigures {
  /** Requests per second of the fastest timed round. */
  readonly best: number
  /** Requests per second of the median timed round. */
  readonly median: number
  /** Summary of the last round, for deterministic figures (failures, examined...). */
  readonly summary: RunSummary
}

/** A fresh target (and the pool it lives in) for each round, so every round starts from an empty allocator. */
export type TargetFactory = () => { readonly target: ScenarioTarget; readonly pool: FramePool }

/**
 * Engine-only speed: the runner's own loop in this thread, no worker and no
 * events. One untimed warm-up round lets the JIT settle; then `rounds` timed
 * rounds, each on a fresh allocator. Time covers the run loop only.
 */
export function measureEngineOnly(
  makeTarget: TargetFactory,
  program: CompiledProgram,
  rounds = 3
): EngineOnlyFigures {
  const once = (): RunSummary => {
    const { target, pool } = makeTarget()
    return runProgram(target, program, pool)
  }
  once()
  const rates: number[] = []
  let summary = once()
  rates.push(rate(summary))
  for (let i = 1; i < rounds; i++) {
    summary = once()
    rates.push(rate(summary))
  }
  rates.sort((a, b) => a - b)
  return { best: rates[rates.length - 1]!, median: rates[Math.floor(rates.length / 2)]!, summary }
}

function rate(summary: RunSummary): number {
  return summary.timing.elapsedMs > 0 ? (summary.requests * 1000) / summary.timing.elapsedMs : 0
}

/** A pool with a header only, for targets that keep their state elsewhere (the naive baseline). */
export function headerOnlyPool(): FramePool {
  return FramePool.create(FramePool.bytesFor([]))
}

/** Whole requests per second, the way the JSON reports them. */
export function perSecond(value: number): number {
  return Math.round(value)
}
