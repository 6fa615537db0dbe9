import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { compileScenario, formatDiagnosticLine, type CompileResult } from '@shared/scenario'
import {
  SpecError,
  normalizeSpec,
  parseAllocatorSpec,
  resolveAllocatorValues,
  type AllocatorSpec
} from '../../engine/allocator-spec'
import { allFamilies } from '../../engine/families'
import type { AllocatorFamily } from '../../engine/family'
import { runConfigs, type RunConfig, type WorkerLaunch } from '../../engine/run-configs'
import { buildRunReport, stringifyRunReport } from '../../engine/run-report'
import { formatRunTable, type ProcFormatters } from '../../engine/run-table'
import { procFormatters } from '../../engine/proc-formatters'
import type { WorkerRunError } from '../../engine/worker-host'
import { UsageError, type CliCommand, type CliContext } from '../command'

/** What `alloclab run` needs from outside; tests swap in a small family and a worker run from source. */
export interface RunCommandDeps {
  readonly families: () => readonly AllocatorFamily[]
  readonly launch: () => WorkerLaunch
  readonly compile: (text: string) => CompileResult
  readonly formatters: ProcFormatters
  /** Most workers at once (default: the machine's available parallelism). */
  readonly parallel?: number
}

/**
 * The built engine worker sits next to the built CLI (out/main/engine-worker.js
 * beside out/main/cli.js); when this code ends up in a shared chunk one folder
 * down, look one folder up as well.
 */
export function builtWorkerLaunch(): WorkerLaunch {
  const candidates = [
    join(__dirname, 'engine-worker.js'),
    join(__dirname, '..', 'engine-worker.js')
  ]
  return { workerPath: candidates.find((path) => existsSync(path)) ?? candidates[0]! }
}

const defaultDeps: RunCommandDeps = {
  families: () => allFamilies,
  launch: builtWorkerLaunch,
  compile: compileScenario,
  formatters: procFormatters
}

export function createRunCommand(deps: RunCommandDeps): CliCommand {
  return {
    name: 'run',
    summaryKey: 'engine.run.summary',
    synopsis:
      'run FILE --allocator SPEC [--allocator SPEC]... [--json [--events] [--timing]] [--check]',
    allowPositionals: true,
    options: {
      allocator: {
        type: 'string',
        short: 'a',
        multiple: true,
        valueName: 'SPEC',
        descriptionKey: 'engine.run.allocatorOption'
      },
      json: { type: 'boolean', descriptionKey: 'engine.run.jsonOption' },
      events: { type: 'boolean', descriptionKey: 'engine.run.eventsOption' },
      timing: { type: 'boolean', descriptionKey: 'engine.run.timingOption' },
      check: { type: 'boolean', descriptionKey: 'engine.run.checkOption' }
    },
    async run(values, positionals, ctx) {
      if (positionals.length !== 1) throw new UsageError(ctx.t('engine.run.needFile'))
      const specTexts = (values['allocator'] as string[] | undefined) ?? []
      if (specTexts.length === 0) throw new UsageError(ctx.t('engine.run.needAllocator'))
      const json = values['json'] === true
      if ((values['events'] === true || values['timing'] === true) && !json) {
        throw new UsageError(ctx.t('engine.run.eventsNeedJson'))
      }
      const families = deps.families()
      const specs = specTexts.map((text) =>
        withSpecErrors(ctx, () => parseAllocatorSpec(text, families))
      )

      const file = positionals[0]!
      const text = await readScenario(file, ctx)
      const compiled = deps.compile(text)
      for (const d of compiled.diagnostics)
        ctx.stderr(`${formatDiagnosticLine(file, d, ctx.locale)}\n`)
      if (!compiled.program) {
        const count = compiled.diagnostics.filter((d) => d.severity === 'error').length
        ctx.stderr(`${ctx.t('engine.run.scenarioHasErrors', { file, count })}\n`)
        return 2
      }
      const program = compiled.program
      const configs = specs.map((spec) => configOf(ctx, spec, program.geometry))

      const outcomes = await runConfigs(configs, program, {
        launch: deps.launch(),
        wantEvents: values['events'] === true,
        check: values['check'] === true,
        ...(deps.parallel !== undefined ? { parallel: deps.parallel } : {})
      })
      const describe = (error: WorkerRunError): string => ctx.t(error.messageKey, error.params)
      if (json) {
        const report = buildRunReport(program, outcomes, {
          events: values['events'] === true,
          timing: values['timing'] === true,
          describeError: (outcome) => describe(outcome.error)
        })
        ctx.stdout(stringifyRunReport(report))
      } else {
        ctx.stdout(formatRunTable(outcomes, ctx.t, deps.formatters))
      }
      let failed = false
      for (const outcome of outcomes) {
        if ('error' in outcome) {
          ctx.stderr(`${describe(outcome.error)}\n`)
          failed = true
        }
      }
      return failed ? 1 : 0
    }
  }
}

export const runCommand: CliCommand = createRunCommand(defaultDeps)

function withSpecErrors<T>(ctx: CliContext, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof SpecError) throw new UsageError(error.describe(ctx.locale))
    throw error
  }
}

function configOf(
  ctx: CliContext,
  spec: AllocatorSpec,
  geometry: Parameters<typeof resolveAllocatorValues>[1]
): RunConfig {
  const values = withSpecErrors(ctx, () => resolveAllocatorValues(spec, geometry))
  return { label: normalizeSpec(spec.family, values), family: spec.family, values }
}

async function readScenario(file: string, ctx: CliContext): Promise<string> {
  if (file === '-') return ctx.readStdin()
  try {
    return readFileSync(resolve(ctx.cwd, file), 'utf8')
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code ??
      (error instanceof Error ? error.message : String(error))
    throw new UsageError(ctx.t('cli.fileUnreadable', { file, reason }))
  }
}
