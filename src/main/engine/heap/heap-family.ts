import type { CompiledProgram } from '@shared/scenario/program'
import { translate } from '@shared/i18n/translate'
import type { AllocatorFamily, OptionValues } from '../family'
import type { FramePool } from '../frame-pool'
import { FitHeap } from './fit-heap'
import { heapConfigOf, type FitPolicyCode } from './heap-config'
import { heapPoolBytes } from './heap-layout'
import { applyHeapGeometry, HEAP_OPTIONS, validateHeapOptions } from './heap-options'
import { HeapTarget } from './heap-target'

/** A heap fit family: one fit policy over the shared heap options. */
export function heapFamily(
  name: string,
  policy: FitPolicyCode,
  summaryKey: string
): AllocatorFamily {
  return {
    name,
    kind: 'heap',
    summaryKey,
    options: HEAP_OPTIONS,
    applyGeometry: applyHeapGeometry,
    validate: validateHeapOptions,
    poolBytes: (values, program) => heapPoolBytes(heapConfigOf(policy, values), program),
    create: (pool, values, program, fresh) =>
      new HeapTarget(name, createHeap(policy, pool, values, program, fresh), program)
  }
}

export function createHeap(
  policy: FitPolicyCode,
  pool: FramePool,
  values: OptionValues,
  program: CompiledProgram,
  fresh: boolean
): FitHeap {
  const problem = validateHeapOptions(values)
  if (problem !== undefined) throw new RangeError(translate('en', problem.key, problem.params))
  return new FitHeap(pool, heapConfigOf(policy, values), program, fresh)
}
