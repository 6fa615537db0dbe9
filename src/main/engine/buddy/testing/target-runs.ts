import type { FramePool } from '../../frame-pool'
import { RequestOutcome } from '../../outcome'
import type { MapStateCode, ScenarioTarget } from '../../target'
import type { Step } from './scenario-steps'

/** One run of the memory map: start, length, state, owning handle or -1. */
export type MapRun = [number, number, MapStateCode, number]

/** Execute `steps` in order, each into an outcome of its own. */
export function runSteps(target: ScenarioTarget, steps: readonly Step[]): RequestOutcome[] {
  return steps.map((request) => {
    const out = new RequestOutcome()
    target.execute(request.op, request.handle, request.aux, request.size, out)
    return out
  })
}

/** As `runSteps`, with the full invariant check after every request. */
export function runStepsChecked(target: ScenarioTarget, steps: readonly Step[]): RequestOutcome[] {
  return steps.map((request) => {
    const out = new RequestOutcome()
    target.execute(request.op, request.handle, request.aux, request.size, out)
    target.check()
    return out
  })
}

/** The target's memory map, run by run. */
export function mapOf(target: ScenarioTarget): MapRun[] {
  const runs: MapRun[] = []
  target.walk((start, length, state, handle) => runs.push([start, length, state, handle]))
  return runs
}

/**
 * Everything a run leaves behind that must repeat exactly: the outcomes, the
 * memory map and every byte of the pool. Give it a freshly made target.
 */
export function runTrace(
  made: { readonly target: ScenarioTarget; readonly pool: FramePool },
  steps: readonly Step[]
): { outcomes: RequestOutcome[]; map: MapRun[]; poolBytes: Uint8Array } {
  const outcomes = runSteps(made.target, steps)
  return { outcomes, map: mapOf(made.target), poolBytes: new Uint8Array(made.pool.buffer) }
}
