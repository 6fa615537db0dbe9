import { availableParallelism } from 'node:os'
import type { ResourceLimits } from 'node:worker_threads'
import type { CompiledProgram } from '@shared/scenario/program'
import type { AllocatorFamily, OptionValues } from './family'
import { WorkerRunError, startRun, type RunHandle, type RunResult } from './worker-host'

/** One allocator configuration of an experiment, ready to run. */
export interface RunConfig {
  /** The normalized spec: how reports and errors name this config. */
  readonly label: string
  readonly family: AllocatorFamily
  readonly values: OptionValues
}

/** Where the engine worker lives and how to start it (injected so tests can run it from source). */
export interface WorkerLaunch {
  readonly workerPath: string
  readonly execArgv?: readonly string[]
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Heap limits of each worker (a worker over them fails with outOfMemory). */
  readonly resourceLimits?: ResourceLimits
}

export type ConfigOutcome =
  | { readonly config: RunConfig; readonly result: RunResult }
  | { readonly config: RunConfig; readonly error: WorkerRunError }

export interface RunConfigsOptions {
  readonly launch: WorkerLaunch
  readonly wantEvents?: boolean
  readonly check?: boolean
  /** Most workers at once (default: the machine's available parallelism). */
  readonly parallel?: number
  /** Called as each run starts, e.g. to watch its progress. */
  readonly onStart?: (config: RunConfig, handle: RunHandle) => void
}

/**
 * Run `program` against every config, one worker each, at most `parallel` at
 * a time, the rest queued. Outcomes come back in the configs' order; a config
 * whose worker failed carries its error and never stops the others.
 */
export async function runConfigs(
  configs: readonly RunConfig[],
  program: CompiledProgram,
  options: RunConfigsOptions
): Promise<ConfigOutcome[]> {
  const limit = Math.max(1, Math.min(options.parallel ?? availableParallelism(), configs.length))
  const outcomes: ConfigOutcome[] = new Array<ConfigOutcome>(configs.length)
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < configs.length) {
      const index = next++
      const config = configs[index]!
      outcomes[index] = await runOne(config, program, options)
    }
  }
  await Promise.all(Array.from({ length: limit }, lane))
  return outcomes
}

async function runOne(
  config: RunConfig,
  program: CompiledProgram,
  options: RunConfigsOptions
): Promise<ConfigOutcome> {
  try {
    const handle = startRun({
      ...options.launch,
      family: config.family,
      values: config.values,
      program,
      wantEvents: options.wantEvents ?? false,
      check: options.check ?? false,
      label: config.label
    })
    options.onStart?.(config, handle)
    return { config, result: await handle.result }
  } catch (error) {
    if (error instanceof WorkerRunError) return { config, error }
    const message = error instanceof Error ? error.message : String(error)
    return { config, error: new WorkerRunError('failed', config.label, message) }
  }
}
