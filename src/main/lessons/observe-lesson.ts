import type { Lesson } from '@shared/lessons/lesson'
import { compileScenario } from '@shared/scenario'
import { CODE_STRIDE, type CompiledProgram } from '@shared/scenario/program'
import { externalFragmentation, utilization } from '@shared/vocabulary/metric-formulas'
import type { MetricName } from '@shared/vocabulary/metrics'
import { REQUEST_STATUSES, type RequestStatus } from '@shared/vocabulary/request-statuses'
import type { CostTotals } from '@shared/vocabulary/run-summary'
import { parseAllocatorSpec, resolveAllocatorValues } from '../engine/allocator-spec'
import { allFamilies } from '../engine/families'
import { FramePool } from '../engine/frame-pool'
import { RequestOutcome, Status } from '../engine/outcome'
import { MetricsSnapshot } from '../engine/target'
import { readStructures, type AllocatorStructures } from '../timeline/structures'

/** What one request did, as the event log reports it. */
export interface ObservedOutcome {
  readonly status: RequestStatus
  readonly addr: number
  readonly frame: number
  readonly granted: number
  readonly examined: number
  readonly splits: number
  readonly merges: number
  readonly ctorCalls: number
  readonly ctorSaved: number
  readonly slabsGrown: number
  readonly slabsReaped: number
}

/** The allocator after some requests: what the replay shows at that position. */
export interface Observation {
  /** The last request's outcome; undefined before the first request. */
  readonly outcome: ObservedOutcome | undefined
  readonly metrics: Readonly<Record<MetricName, number>>
  /** Cost counters summed over the requests so far. */
  readonly totals: CostTotals
  readonly structures: AllocatorStructures
}

export interface ObservedRun {
  readonly spec: string
  /** Bytes per page frame (page families; heaps use it for page requests). */
  readonly pageBytes: number
  /** Index = requests applied: 0 is before the first request, `count` after the last. */
  readonly positions: readonly Observation[]
}

export interface ObservedLesson {
  readonly program: CompiledProgram
  readonly runs: readonly ObservedRun[]
}

/**
 * Run a lesson's scenario on each of its allocators in this thread, one
 * request at a time with the full invariant check after each, and keep what
 * the replay would show after every request. Lessons are tens or hundreds
 * of requests, so keeping every position is cheap.
 */
export function observeLesson(lesson: Lesson): ObservedLesson {
  const { program, diagnostics } = compileScenario(lesson.scenario)
  if (program === undefined) {
    const first = diagnostics[0]
    throw new Error(
      `lesson ${lesson.id}: the scenario does not compile (${first?.code ?? 'no program'} at line ${first?.line ?? 0})`
    )
  }
  return { program, runs: lesson.allocators.map(({ spec }) => observeRun(spec, program)) }
}

export function observeRun(spec: string, program: CompiledProgram): ObservedRun {
  const parsed = parseAllocatorSpec(spec, allFamilies)
  const family = parsed.family
  const values = resolveAllocatorValues(parsed, program.geometry)
  const pool = FramePool.create(family.poolBytes(values, program))
  const target = family.create(pool, values, program, true)
  const out = new RequestOutcome()
  const snapshot = new MetricsSnapshot()
  const totals: Record<keyof CostTotals, number> = {
    examined: 0,
    splits: 0,
    merges: 0,
    ctorCalls: 0,
    ctorSaved: 0,
    workUnits: 0,
    slabsGrown: 0,
    slabsReaped: 0,
    copied: 0
  }
  const failures = { noMemory: 0, fragmented: 0 }
  const observe = (outcome: ObservedOutcome | undefined): Observation => {
    target.metrics(snapshot)
    return {
      outcome,
      metrics: metricsOf(snapshot, outcome, failures),
      totals: { ...totals },
      structures: readStructures(target)
    }
  }
  const positions: Observation[] = [observe(undefined)]
  for (let i = 0; i < program.count; i++) {
    const c = i * CODE_STRIDE
    target.execute(
      program.code[c]!,
      program.code[c + 1]!,
      program.code[c + 2]!,
      program.sizes[i]!,
      out
    )
    target.check()
    if (out.status === Status.FailNoMemory) failures.noMemory++
    if (out.status === Status.FailFragmented) failures.fragmented++
    for (const counter of Object.keys(totals) as (keyof CostTotals)[])
      totals[counter] += out[counter]
    positions.push(observe(outcomeOf(out)))
  }
  return { spec, pageBytes: Number(values['page'] ?? 0), positions }
}

function outcomeOf(out: RequestOutcome): ObservedOutcome {
  return {
    status: REQUEST_STATUSES[out.status],
    addr: out.addr,
    frame: out.frame,
    granted: out.granted,
    examined: out.examined,
    splits: out.splits,
    merges: out.merges,
    ctorCalls: out.ctorCalls,
    ctorSaved: out.ctorSaved,
    slabsGrown: out.slabsGrown,
    slabsReaped: out.slabsReaped
  }
}

function metricsOf(
  s: MetricsSnapshot,
  outcome: ObservedOutcome | undefined,
  failures: { readonly noMemory: number; readonly fragmented: number }
): Record<MetricName, number> {
  return {
    requestedLive: s.requestedLive,
    allocatedLive: s.allocatedLive,
    internalFragmentation: s.allocatedLive - s.requestedLive,
    liveBlocks: s.liveBlocks,
    peakRequested: s.peakRequested,
    failNoMemory: failures.noMemory,
    failFragmented: failures.fragmented,
    examined: outcome?.examined ?? 0,
    splits: outcome?.splits ?? 0,
    merges: outcome?.merges ?? 0,
    freeBytes: s.freeBytes,
    freeBlocks: s.freeBlocks,
    largestFree: s.largestFree,
    metadataBytes: s.metadataBytes,
    highWater: s.highWater,
    externalFragmentation: externalFragmentation(s.largestFree, s.freeBytes),
    utilization: utilization(s.peakRequested, s.highWater)
  }
}
