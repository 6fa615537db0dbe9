import type { BenchSuite } from '../suite'
import { buddySuite } from './buddy'
import { experimentsSuite } from './experiments'
import { heapSuite } from './heap'
import { replaySuite } from './replay'
import { scenarioSuite } from './scenario'
import { slabSuite } from './slab'
import { timelineSuite } from './timeline'

/** Every benchmark suite, in the order the JSON lists them. */
export const benchSuites: readonly BenchSuite[] = [
  scenarioSuite,
  heapSuite,
  buddySuite,
  slabSuite,
  timelineSuite,
  replaySuite,
  experimentsSuite
]
