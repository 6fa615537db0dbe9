import { NaiveHeap } from '../../engine/heap'
import { headerOnlyPool, measureEngineOnly, perSecond } from '../engine-only'
import type { BenchSuite } from '../suite'
import { specTargets, standardProgram } from '../workloads'

/** The headline configuration: first-fit, in-band tags, insert-front free list, coalescing. */
const HEADLINE = 'first-fit:order=front,coalesce=on,meta=inband'
const POLICIES = ['next-fit', 'best-fit', 'worst-fit'] as const
/** The configuration that makes the same choices as the naive baseline. */
const NAIVE_TWIN = 'first-fit:order=addr,coalesce=on,meta=side'

/** Heap fits on the standard heap workload, engine only, with the naive object-per-block baseline. */
export const heapSuite: BenchSuite = {
  name: 'heap',
  run() {
    const program = standardProgram('heap')
    const figures: Record<string, number | string> = {
      workload: 'standard heap',
      requests: program.count
    }
    const record = (label: string, spec: string): number => {
      const result = measureEngineOnly(specTargets(spec, program), program)
      figures[`${label}.spec`] = spec
      figures[`${label}.requestsPerSecond.best`] = perSecond(result.best)
      figures[`${label}.requestsPerSecond.median`] = perSecond(result.median)
      figures[`${label}.failures`] = result.summary.failures
      figures[`${label}.examinedPerRequest`] =
        result.summary.cost.examined / result.summary.requests
      return result.best
    }
    const headline = record('first-fit', HEADLINE)
    for (const policy of POLICIES) record(policy, HEADLINE.replace('first-fit', policy))
    const twin = record('first-fit-addr-side', NAIVE_TWIN)

    const arena = program.geometry.arenaBytes ?? 16 * 1024 * 1024
    const naive = measureEngineOnly(
      () => ({ target: new NaiveHeap(arena, program.handles.length), pool: headerOnlyPool() }),
      program
    )
    figures['naive.requestsPerSecond.best'] = perSecond(naive.best)
    figures['naive.requestsPerSecond.median'] = perSecond(naive.median)
    figures['naive.failures'] = naive.summary.failures
    figures['ratio.headlineOverNaive'] = round(headline / naive.best)
    figures['ratio.sameChoicesOverNaive'] = round(twin / naive.best)
    return Promise.resolve(figures)
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
