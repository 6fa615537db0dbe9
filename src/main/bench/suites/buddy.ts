import { runProgram } from '../../engine/runner'
import { measureEngineOnly, perSecond } from '../engine-only'
import type { BenchSuite } from '../suite'
import { specTargets, standardProgram } from '../workloads'

/** 1,048,576 frames of 4 KiB: the 4 GiB pool whose metadata must stay under 24 MiB. */
const FOUR_GIB_POOL = 'buddy:frames=1048576,page=4KiB,max-order=10'

/** The buddy allocator on the standard buddy workload, engine only, and the 4 GiB pool's metadata. */
export const buddySuite: BenchSuite = {
  name: 'buddy',
  run() {
    const program = standardProgram('buddy')
    const result = measureEngineOnly(specTargets('buddy', program), program)
    const large = specTargets(FOUR_GIB_POOL, program)()
    const largeSummary = runProgram(large.target, program, large.pool)
    return Promise.resolve({
      workload: 'standard buddy',
      requests: program.count,
      'requestsPerSecond.best': perSecond(result.best),
      'requestsPerSecond.median': perSecond(result.median),
      failures: result.summary.failures,
      splits: result.summary.cost.splits,
      merges: result.summary.cost.merges,
      'pool4GiB.spec': FOUR_GIB_POOL,
      'pool4GiB.metadataBytes': largeSummary.metrics.metadataBytes,
      'pool4GiB.sharedBufferBytes': large.pool.buffer.byteLength,
      'pool4GiB.failures': largeSummary.failures
    })
  }
}
