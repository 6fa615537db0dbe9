import { LabError } from '@shared/lab-error'
import { parseMallocPyCommandLine } from '@shared/ostep/malloc-py-options'
import { planMallocPy, runMallocPy } from '@shared/ostep/malloc-py-run'
import type { OstepProblem } from '@shared/ostep/ostep-problem'
import { SpecError } from '../engine/allocator-spec'
import { engineOstepHeap } from './engine-ostep-heap'

export interface ImportedMallocPy {
  /** The workload as scenario text, headed by the command line. */
  readonly scenario: string
  /** The allocator spec with malloc.py's rules for those flags. */
  readonly spec: string
  /** What malloc.py prints for the command, answers included (as with -c). */
  readonly transcript: string
}

/**
 * A pasted `malloc.py …` command line as a scenario and its allocator: the
 * same workload `alloclab ostep --scenario` writes. malloc.py's random
 * workload frees only what was allocated, so it is played against the
 * engine's heap here rather than translated from the flags alone.
 */
export function importMallocPyCommand(commandLine: string): ImportedMallocPy {
  const parsed = parseMallocPyCommandLine(commandLine)
  if ('problem' in parsed) throw problemError(parsed.problem)
  if (parsed.help) throw new LabError('invalid-input', 'ostep.import.helpOnly')
  const plan = planMallocPy(parsed.options)
  if ('problem' in plan) throw problemError(plan.problem)
  let heap: ReturnType<typeof engineOstepHeap>
  try {
    heap = engineOstepHeap(plan.spec, plan.allocations)
  } catch (error) {
    if (error instanceof SpecError) {
      throw new LabError('invalid-input', 'ostep.import.cannotFollow', {}, [
        { key: error.messageKey, params: { ...error.params } }
      ])
    }
    throw error
  }
  const played = runMallocPy(parsed.options, plan, heap, commandLine.trim())
  // A crash part way still leaves the requests before it: those are what the user sees.
  if (played.problem && played.problem.kind !== 'crash') throw problemError(played.problem)
  return { scenario: played.scenario, spec: plan.spec, transcript: played.stdout }
}

function problemError(problem: OstepProblem): LabError {
  return new LabError('invalid-input', problem.key, { ...problem.params })
}
