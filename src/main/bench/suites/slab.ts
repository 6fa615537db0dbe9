import { measureEngineOnly, perSecond } from '../engine-only'
import type { BenchSuite } from '../suite'
import { specTargets, standardProgram } from '../workloads'

/** A hot slab cache: the standard slab workload (one cache, objects taken and returned), engine only. */
export const slabSuite: BenchSuite = {
  name: 'slab',
  run() {
    const program = standardProgram('slab')
    const result = measureEngineOnly(specTargets('slab', program), program)
    return Promise.resolve({
      workload: 'standard slab (hot cache)',
      requests: program.count,
      'requestsPerSecond.best': perSecond(result.best),
      'requestsPerSecond.median': perSecond(result.median),
      failures: result.summary.failures,
      ctorCalls: result.summary.cost.ctorCalls,
      ctorSaved: result.summary.cost.ctorSaved,
      slabsGrown: result.summary.cost.slabsGrown
    })
  }
}
