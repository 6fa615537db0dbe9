import type { BenchSuite } from '../suite'
import { buddySuite } from './buddy'
import { heapSuite } from './heap'
import { slabSuite } from './slab'

/** Every benchmark suite, in the order the JSON lists them. */
export const benchSuites: readonly BenchSuite[] = [heapSuite, buddySuite, slabSuite]
