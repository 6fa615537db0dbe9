import {
  STANDARD_WORKLOADS,
  compileScenario,
  generate,
  type CompiledProgram
} from '@shared/scenario'
import { parseAllocatorSpec, resolveAllocatorValues } from '../engine/allocator-spec'
import { allFamilies } from '../engine/families'
import { FramePool } from '../engine/frame-pool'
import type { TargetFactory } from './engine-only'

export type StandardWorkloadName = keyof typeof STANDARD_WORKLOADS

const compiled = new Map<StandardWorkloadName, CompiledProgram>()

/** A standard workload (see STANDARD_WORKLOADS), generated and compiled once per process. */
export function standardProgram(name: StandardWorkloadName): CompiledProgram {
  let program = compiled.get(name)
  if (!program) {
    const workload = STANDARD_WORKLOADS[name]
    const result = compileScenario(generate(workload.kind, workload.options))
    if (!result.program) {
      throw new Error(
        `the standard ${name} workload does not compile: ${result.diagnostics[0]?.messageKey}`
      )
    }
    program = result.program
    compiled.set(name, program)
  }
  return program
}

/** Fresh targets of one allocator spec for `program`, geometry filled from the program. */
export function specTargets(specText: string, program: CompiledProgram): TargetFactory {
  const spec = parseAllocatorSpec(specText, allFamilies)
  const values = resolveAllocatorValues(spec, program.geometry)
  return () => {
    const pool = FramePool.create(spec.family.poolBytes(values, program))
    return { pool, target: spec.family.create(pool, values, program, true) }
  }
}
