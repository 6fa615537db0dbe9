import { resolve } from 'node:path'
import type { LabEventName, LabEventPayload, LabOutput } from '@shared/api'
import { configErrorText, type ConfigErrorMessage } from '@shared/config-error-text'
import { LabError, type LabMessage } from '@shared/lab-error'
import { labErrorText } from '@shared/lab-error-text'
import { MAX_CONFIGS } from '@shared/run-schemas'
import {
  compileScenario,
  formatDiagnosticLine,
  type CompileResult,
  type Diagnostic,
  type DiagnosticCode,
  type Severity
} from '@shared/scenario'
import { SpecError, parseAllocatorSpec } from '../../engine/allocator-spec'
import { allFamilies } from '../../engine/families'
import { expandPresets } from '../../engine/presets'
import type { AllocatorFamily } from '../../engine/family'
import { buildRunReport, stringifyRunReport, type EventRecord } from '../../engine/run-report'
import { formatRunTable, type ProcFormatters } from '../../engine/run-table'
import { procFormatters } from '../../engine/proc-formatters'
import { UsageError, type CliCommand, type CliContext } from '../command'
import { checkOutputPath, readTextFile } from '../cli-files'
import { createProgressDisplay, type ProgressDisplay } from '../progress-display'
import { RunFinishWatch } from '../run-finish'
import { readEventRecords } from '../timeline-pages'
import { jsonWithoutControls, visibleText } from '../visible-text'
import { LabService } from '../../service/lab-service'
import { resolveRunBudget } from '../../service/run-budget'
import { builtCompileLaunch, builtWorkerLaunch } from '../../worker/built-worker-launch'
import type { WorkerLaunch } from '../../worker/worker-host'
import { openStore } from '../../store/open-store'
import { reportOption, reportTarget, writeReportFile, type ReportTarget } from '../report-option'

export { builtWorkerLaunch }

/** What `alloclab run` needs from outside; tests swap in a small family and a worker run from source. */
export interface RunCommandDeps {
  readonly families: () => readonly AllocatorFamily[]
  readonly launch: () => WorkerLaunch
  /** How the service compiles short scenarios in its own thread. */
  readonly compile: (text: string) => CompileResult
  readonly formatters: ProcFormatters
  /** Most workers at once (default: the machine's available parallelism). */
  readonly parallel?: number
  /** Where the scenario compiler worker lives (default: the built compile-worker.js). */
  readonly compileLaunch?: () => WorkerLaunch
  /** The clock of the progress display, in milliseconds (default: performance.now). */
  readonly now?: () => number
}

const defaultDeps: RunCommandDeps = {
  families: () => allFamilies,
  launch: builtWorkerLaunch,
  compile: compileScenario,
  formatters: procFormatters,
  compileLaunch: builtCompileLaunch
}

export function createRunCommand(deps: RunCommandDeps): CliCommand {
  return {
    name: 'run',
    summaryKey: 'engine.run.summary',
    synopsis:
      'run FILE --allocator SPEC [--allocator SPEC]... [--json [--events] [--timing]] [--check] [--csv FILE] [--report FILE] [--no-record] [--run-budget SIZE]',
    allowPositionals: true,
    options: {
      allocator: {
        type: 'string',
        short: 'a',
        multiple: true,
        valueName: 'SPEC',
        descriptionKey: 'engine.run.allocatorOption',
        value: { key: 'engine.run.allocatorValue' }
      },
      json: { type: 'boolean', descriptionKey: 'engine.run.jsonOption' },
      events: { type: 'boolean', descriptionKey: 'engine.run.eventsOption' },
      timing: { type: 'boolean', descriptionKey: 'engine.run.timingOption' },
      check: { type: 'boolean', descriptionKey: 'engine.run.checkOption' },
      csv: {
        type: 'string',
        valueName: 'FILE',
        descriptionKey: 'timeline.csvOption',
        value: { key: 'cli.value.file', params: { example: 'steps.csv' } }
      },
      report: reportOption,
      'no-record': { type: 'boolean', descriptionKey: 'engine.run.noRecordOption' },
      'run-budget': {
        type: 'string',
        valueName: 'SIZE',
        descriptionKey: 'cli.runBudgetOption',
        value: { key: 'cli.value.budget' }
      }
    },
    async run(values, positionals, ctx) {
      if (positionals.length !== 1) throw new UsageError(ctx.t('engine.run.needFile'))
      const specTexts = expandPresets((values['allocator'] as string[] | undefined) ?? [])
      if (specTexts.length === 0) throw new UsageError(ctx.t('engine.run.needAllocator'))
      if (specTexts.length > MAX_CONFIGS) {
        throw new UsageError(
          ctx.t('engine.run.tooManyAllocators', { max: MAX_CONFIGS, count: specTexts.length })
        )
      }
      const json = values['json'] === true
      if ((values['events'] === true || values['timing'] === true) && !json) {
        throw new UsageError(ctx.t('engine.run.eventsNeedJson'))
      }
      const csv = typeof values['csv'] === 'string' ? values['csv'] : undefined
      const record = values['no-record'] !== true
      if (
        !record &&
        (values['events'] === true || csv !== undefined || values['report'] !== undefined)
      ) {
        throw new UsageError(ctx.t('engine.run.noRecordConflicts'))
      }
      const budgetBytes = withLabErrors(ctx, () =>
        resolveRunBudget(values['run-budget'] as string | undefined)
      )
      const families = deps.families()
      for (const text of specTexts) withSpecErrors(ctx, () => parseAllocatorSpec(text, families))
      if (csv !== undefined) await checkOutputPath(csv, ctx)
      const report = await reportTarget(values['report'], ctx)

      const file = positionals[0]!
      const text = await readTextFile(file, ctx)
      const display = createProgressDisplay({
        stream: ctx.progress,
        now: deps.now ?? (() => performance.now()),
        labels: specTexts.map((spec, i) => `#${i + 1} ${visibleText(spec)}`),
        t: ctx.t,
        locale: ctx.locale
      })
      let run: ServiceRunOutcome
      try {
        run = await runThroughService(
          deps,
          { ...ctx, stderr: (line) => display.aside(() => ctx.stderr(line)) },
          {
            file,
            text,
            specTexts,
            check: values['check'] === true,
            record,
            events: values['events'] === true,
            budgetBytes,
            onEvent: followProgress(display),
            ...(report ? { report } : {}),
            ...(csv !== undefined ? { csv: resolve(ctx.cwd, csv) } : {})
          }
        )
      } finally {
        display.finish()
      }
      if ('exitCode' in run) return run.exitCode
      const describe = (error: ConfigErrorMessage): string => configErrorText(ctx.t, error)
      if (json) {
        const report = buildRunReport(run.summary, {
          ...(run.events ? { events: run.events } : {}),
          timing: values['timing'] === true,
          describeError: describe
        })
        ctx.stdout(jsonWithoutControls(stringifyRunReport(report)))
      } else {
        ctx.stdout(
          visibleText(formatRunTable(run.summary.configs, ctx.t, deps.formatters), 'lines')
        )
      }
      let failed = false
      for (const config of run.summary.configs) {
        if (config.error) {
          ctx.stderr(`${describe(config.error)}\n`)
          failed = true
        }
      }
      return failed ? 1 : 0
    }
  }
}

export const runCommand: CliCommand = createRunCommand(defaultDeps)

interface ServiceRun {
  /** How diagnostics name the scenario. */
  readonly file: string
  readonly text: string
  readonly specTexts: readonly string[]
  readonly check: boolean
  readonly record: boolean
  readonly events: boolean
  readonly budgetBytes: number
  readonly csv?: string
  readonly report?: ReportTarget
  /** Told every event the service pushes (progress, a config ended). */
  readonly onEvent?: (event: LabEventName, payload: unknown) => void
}

/** The display follows the service's progress events for this run. */
function followProgress(display: ProgressDisplay): (event: LabEventName, payload: unknown) => void {
  return (event, payload) => {
    if (event === 'run:progress') display.progress(payload as LabEventPayload<'run:progress'>)
    else if (event === 'run:ended') display.ended(payload as LabEventPayload<'run:ended'>)
  }
}

/** What the run answered, or the exit code when the service refused it. */
type ServiceRunOutcome =
  | {
      readonly summary: LabOutput<'run:summary'>
      /** Each config's event records (by config index), when asked for. */
      readonly events?: ReadonlyMap<number, EventRecord[]>
    }
  | { readonly exitCode: number }

/**
 * Run the scenario through LabService's contract alone, as the window does,
 * so both always agree: `run:start` (the service compiles the scenario, once),
 * `run:finished`, `run:summary`, then `timeline:events` and `timeline:metrics`
 * page by page. The service lives for this command only, over an in-memory
 * store; it records a timeline unless told not to, so the summary's peaks are
 * exact.
 */
async function runThroughService(
  deps: RunCommandDeps,
  ctx: CliContext,
  run: ServiceRun
): Promise<ServiceRunOutcome> {
  const service = new LabService(openStore(':memory:'), 'cli', {
    families: deps.families,
    launch: deps.launch,
    compile: deps.compile,
    budgetBytes: run.budgetBytes,
    ...(deps.compileLaunch ? { compileLaunch: deps.compileLaunch } : {}),
    ...(deps.parallel !== undefined ? { parallel: deps.parallel } : {})
  })
  const watch = new RunFinishWatch(service)
  const unsubscribe = run.onEvent ? service.subscribe(run.onEvent) : undefined
  try {
    await service.call('settings:set', { language: ctx.locale })
    let started: LabOutput<'run:start'>
    try {
      started = await service.call('run:start', {
        scenario: run.text,
        allocators: [...run.specTexts],
        check: run.check,
        record: run.record,
        ...(run.csv !== undefined || run.report?.format === 'csv' ? { metricStride: 1 } : {})
      })
    } catch (error) {
      return { exitCode: refused(ctx, run.file, error) }
    }
    for (const warning of started.warnings)
      ctx.stderr(`${diagnosticLine(ctx, run.file, warning, 'warning')}\n`)
    const { runId } = started
    await watch.finished(runId)
    const summary = await service.call('run:summary', { runId })
    const recorded = summary.configs.filter((config) => config.summary && !config.error)

    let events: Map<number, EventRecord[]> | undefined
    if (run.events) {
      events = new Map()
      for (const config of recorded)
        events.set(config.config, await readEventRecords(service, runId, config.config))
    }
    if (run.csv !== undefined) {
      const file = run.csv
      // --csv is the CSV report by another name.
      await writeReportFile(service, runId, run.text, { file, path: file, format: 'csv' }, ctx)
      const rows = recorded.reduce((sum, config) => sum + config.summary!.requests, 0)
      ctx.stderr(`${ctx.t('timeline.csvWritten', { rows, file })}\n`)
    }
    if (run.report) await writeReportFile(service, runId, run.text, run.report, ctx)
    return { summary, ...(events ? { events } : {}) }
  } finally {
    watch.stop()
    unsubscribe?.()
    service.close()
  }
}

/**
 * Say why `run:start` refused the run and give the exit code: the scenario's
 * errors in the form compilers print them, or the service's message (a bad
 * spec, a run too large for the memory budget).
 */
function refused(ctx: CliContext, file: string, error: unknown): number {
  if (!(error instanceof LabError)) throw error
  if (error.key === 'timeline.scenarioHasErrors') {
    for (const cause of error.causes) ctx.stderr(`${diagnosticLine(ctx, file, cause, 'error')}\n`)
    const count = Number(error.params['count'] ?? error.causes.length)
    ctx.stderr(`${ctx.t('engine.run.scenarioHasErrors', { file, count })}\n`)
    return 2
  }
  const text = labErrorText(ctx.locale, {
    key: error.key,
    params: error.params,
    causes: [...error.causes]
  })
  if (error.code === 'invalid-input') throw new UsageError(text)
  ctx.stderr(`${text}\n`)
  return 2
}

/** A diagnostic the service returned, as `FILE:LINE:COL: severity: message [code]`. */
function diagnosticLine(
  ctx: CliContext,
  file: string,
  message: LabMessage,
  severity: Severity
): string {
  const diagnostic: Diagnostic = {
    line: message.line ?? 1,
    column: message.column ?? 1,
    length: 1,
    code: (message.code ?? 'unknown') as DiagnosticCode,
    severity,
    messageKey: message.key,
    params: message.params
  }
  return visibleText(formatDiagnosticLine(file, diagnostic, ctx.locale))
}

function withSpecErrors<T>(ctx: CliContext, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof SpecError) throw new UsageError(visibleText(error.describe(ctx.locale)))
    throw error
  }
}

function withLabErrors<T>(ctx: CliContext, work: () => T): T {
  try {
    return work()
  } catch (error) {
    if (error instanceof LabError)
      throw new UsageError(labErrorText(ctx.locale, { key: error.key, params: error.params }))
    throw error
  }
}
