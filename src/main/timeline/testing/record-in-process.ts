import { compileScenario, generate, type CompiledProgram } from '@shared/scenario'
import type { GeneratorKind, GeneratorOptions } from '@shared/scenario/generators/options'
import { parseAllocatorSpec, resolveAllocatorValues } from '../../engine/allocator-spec'
import { allFamilies } from '../../engine/families'
import type { AllocatorFamily, OptionValues } from '../../engine/family'
import { FramePool } from '../../engine/frame-pool'
import { runProgram } from '../../engine/runner'
import { RequestOutcome } from '../../engine/outcome'
import { CODE_STRIDE } from '@shared/scenario/program'
import type { ScenarioTarget } from '../../engine/target'
import { TimelineRecorder } from '../timeline-recorder'
import {
  DEFAULT_TIMELINE_OPTIONS,
  type TimelineBuffers,
  type TimelineOptions
} from '../timeline-format'

export interface Recorded {
  readonly program: CompiledProgram
  readonly family: AllocatorFamily
  readonly values: OptionValues
  readonly timeline: TimelineBuffers
}

export function programOf(kind: GeneratorKind, options: GeneratorOptions): CompiledProgram {
  const result = compileScenario(generate(kind, options))
  if (!result.program)
    throw new Error(`generated scenario does not compile: ${result.diagnostics[0]?.messageKey}`)
  return result.program
}

export function configOf(
  specText: string,
  program: CompiledProgram
): { family: AllocatorFamily; values: OptionValues } {
  const spec = parseAllocatorSpec(specText, allFamilies)
  return { family: spec.family, values: resolveAllocatorValues(spec, program.geometry) }
}

/** Run `program` in this thread with a timeline recorder, as the worker does. */
export function recordInProcess(
  specText: string,
  program: CompiledProgram,
  options: TimelineOptions = DEFAULT_TIMELINE_OPTIONS
): Recorded {
  const { family, values } = configOf(specText, program)
  const pool = FramePool.create(family.poolBytes(values, program))
  const target = family.create(pool, values, program, true)
  const recorder = new TimelineRecorder(target, program, options)
  runProgram(target, program, pool, { sink: recorder })
  return { program, family, values, timeline: recorder.finish() }
}

/** The oracle: a fresh allocator that has executed the first `position` requests one by one. */
export function targetAfter(recorded: Recorded, position: number): ScenarioTarget {
  const { family, values, program } = recorded
  const target = family.create(
    FramePool.create(family.poolBytes(values, program)),
    values,
    program,
    true
  )
  const out = new RequestOutcome()
  for (let i = 0; i < position; i++) {
    const c = i * CODE_STRIDE
    target.execute(
      program.code[c]!,
      program.code[c + 1]!,
      program.code[c + 2]!,
      program.sizes[i]!,
      out
    )
  }
  return target
}

/** The target's own walk(), as plain rows. */
export function walkRows(target: ScenarioTarget): [number, number, number, number][] {
  const rows: [number, number, number, number][] = []
  target.walk((start, length, state, handle) => rows.push([start, length, state, handle]))
  return rows
}
