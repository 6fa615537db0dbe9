import type { CompiledProgram } from '@shared/scenario/program'
import type { OptionValues } from '../../family'
import type { FreeListEntry } from '../../final-state'
import { FramePool } from '../../frame-pool'
import { RequestOutcome } from '../../outcome'
import { buildProgram, type ProgramStep } from '../../testing/program-builder'
import type { HeapTarget } from '../heap-target'
import { heapFamilies } from '../index'

/** What one request did, plus the free list and rover right after it. */
export interface StepRecord {
  readonly status: number
  readonly invalidReason: number
  readonly addr: number
  readonly granted: number
  readonly examined: number
  readonly splits: number
  readonly merges: number
  readonly copied: number
  readonly freeList: FreeListEntry[]
  readonly rover: number
}

/** A heap target of the named family on a fresh pool sized by the family itself. */
export function createHeapTarget(
  family: string,
  values: OptionValues,
  program: CompiledProgram
): { target: HeapTarget; pool: FramePool; values: OptionValues } {
  const heap = heapFamilies.find((f) => f.name === family)
  if (heap === undefined) throw new Error(`no heap family ${family}`)
  const filled = heap.applyGeometry(values, new Set(Object.keys(values)), program.geometry)
  const pool = FramePool.create(heap.poolBytes(filled, program))
  const target = heap.create(pool, filled, program, true) as HeapTarget
  return { target, pool, values: filled }
}

/** Run every request of `program`, calling `after` (e.g. check) after each. */
export function runProgram(
  target: HeapTarget,
  program: CompiledProgram,
  after: (step: number) => void = () => {}
): StepRecord[] {
  const out = new RequestOutcome()
  const records: StepRecord[] = []
  for (let i = 0; i < program.count; i++) {
    target.execute(
      program.code[i * 3],
      program.code[i * 3 + 1],
      program.code[i * 3 + 2],
      program.sizes[i],
      out
    )
    records.push({
      status: out.status,
      invalidReason: out.invalidReason,
      addr: out.addr,
      granted: out.granted,
      examined: out.examined,
      splits: out.splits,
      merges: out.merges,
      copied: out.copied,
      freeList: target.freeList(),
      rover: target.heap.roverAddress
    })
    after(i)
  }
  return records
}

/** Build a program from steps and run it on a fresh heap of the named family. */
export function runSteps(
  family: string,
  values: OptionValues,
  steps: readonly ProgramStep[]
): { records: StepRecord[]; target: HeapTarget } {
  const program = buildProgram(steps)
  const { target } = createHeapTarget(family, values, program)
  return { records: runProgram(target, program, () => target.check()), target }
}

/** A free list written as "addr:size" pairs, the way the textbook examples below spell them. */
export function listOf(entries: readonly FreeListEntry[]): string {
  return entries.map((e) => `${e.addr}:${e.size}`).join(' ')
}
