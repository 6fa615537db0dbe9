import { totalmem } from 'node:os'
import { LabError } from '@shared/lab-error'
import { parseSize } from '@shared/scenario/size'

/** Environment variable that sets the run budget (a size: 512MiB, 4GiB). */
export const RUN_BUDGET_ENV = 'ALLOCLAB_RUN_BUDGET'

const MiB = 1024 * 1024
const GiB = 1024 * MiB

/** Smallest budget a person may set: below it not even a textbook run's overhead would fit. */
export const MIN_RUN_BUDGET = MiB

/** Share of the machine's memory recorded runs may hold by default. */
const DEFAULT_SHARE = 1 / 4
const DEFAULT_FLOOR = 256 * MiB
const DEFAULT_CAP = 4 * GiB

/**
 * The default budget for recorded runs: a quarter of the machine's memory,
 * at least 256 MiB and at most 4 GiB. A classroom machine with 8 GiB keeps
 * 2 GiB of runs; the window, the browser and the rest of the system keep the
 * remainder even when a student starts one huge run after another.
 */
export function defaultRunBudget(machineBytes: number = totalmem()): number {
  return Math.min(DEFAULT_CAP, Math.max(DEFAULT_FLOOR, Math.floor(machineBytes * DEFAULT_SHARE)))
}

/** A budget as a person writes it (`2GiB`); `source` names where it came from in the error. */
export function parseRunBudget(text: string, source: string): number {
  const bytes = parseSize(text.trim())
  if (bytes === undefined || bytes < MIN_RUN_BUDGET) {
    throw new LabError('invalid-input', 'service.runBudgetInvalid', { source, value: text })
  }
  return bytes
}

/**
 * The budget in force: the command line's `--run-budget` first, then
 * ALLOCLAB_RUN_BUDGET, then the machine's default. A bad value is an error,
 * never silently replaced.
 */
export function resolveRunBudget(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env
): number {
  if (option !== undefined) return parseRunBudget(option, '--run-budget')
  const fromEnv = env[RUN_BUDGET_ENV]
  if (fromEnv !== undefined && fromEnv !== '') return parseRunBudget(fromEnv, RUN_BUDGET_ENV)
  return defaultRunBudget()
}
