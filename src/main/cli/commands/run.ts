import { resolve } from 'node:path'
import type { LabEventName, LabEventPayload } from '@shared/api'
import { MAX_CONFIGS } from '@shared/run-schemas'
import { compileScenario, type CompileResult } from '@shared/scenario'
import {
  SpecError,
  normalizeSpec,
  parseAllocatorSpec,
  resolveAllocatorValues,
  type AllocatorSpec
} from '../../engine/allocator-spec'
import { allFamilies } from '../../engine/families'
import type { AllocatorFamily } from '../../engine/family'
import type { ConfigOutcome, RunConfig, WorkerLaunch } from '../../engine/run-configs'
import { buildRunReport, stringifyRunReport } from '../../engine/run-report'
import { formatRunTable, type ProcFormatters } from '../../engine/run-table'
import { procFormatters } from '../../engine/proc-formatters'
import type { WorkerRunError } from '../../engine/worker-host'
import { UsageError, type CliCommand, type CliContext } from '../command'
import { checkOutputPath, describeFileError, printDiagnostics, readTextFile } from '../cli-files'
import { createProgressDisplay, type ProgressDisplay } from '../progress-display'
import { jsonWithoutControls, visibleText } from '../visible-text'
import { LabService } from '../../service/lab-service'
import { builtWorkerLaunch } from '../../service/built-worker-launch'
import { openStore } from '../../store/open-store'
import { eventColumnsOf } from '../../timeline/event-columns'
import { writeMetricsCsv } from '../../timeline/metrics-csv'
import { reportOption, reportTarget, writeReportFile, type ReportTarget } from '../report-option'

export { builtWorkerLaunch }

/** What `alloclab run` needs from outside; tests swap in a small family and a worker run from source. */
export interface RunCommandDeps {
  readonly families: () => readonly AllocatorFamily[]
  readonly launch: () => WorkerLaunch
  readonly compile: (text: string) => CompileResult
  readonly formatters: ProcFormatters
  /** Most workers at once (default: the machine's available parallelism). */
  readonly parallel?: number
  /** The clock of the progress display, in milliseconds (default: performance.now). */
  readonly now?: () => number
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
      'run FILE --allocator SPEC [--allocator SPEC]... [--json [--events] [--timing]] [--check] [--csv FILE] [--report FILE]',
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
      report: reportOption
    },
    async run(values, positionals, ctx) {
      if (positionals.length !== 1) throw new UsageError(ctx.t('engine.run.needFile'))
      const specTexts = (values['allocator'] as string[] | undefined) ?? []
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
      const families = deps.families()
      const specs = specTexts.map((text) =>
        withSpecErrors(ctx, () => parseAllocatorSpec(text, families))
      )

      const csv = typeof values['csv'] === 'string' ? values['csv'] : undefined
      if (csv !== undefined) await checkOutputPath(csv, ctx)
      const report = await reportTarget(values['report'], ctx)

      const file = positionals[0]!
      const text = await readTextFile(file, ctx)
      const compiled = deps.compile(text)
      printDiagnostics(file, compiled.diagnostics, ctx)
      if (!compiled.program) {
        const count = compiled.diagnostics.filter((d) => d.severity === 'error').length
        ctx.stderr(`${ctx.t('engine.run.scenarioHasErrors', { file, count })}\n`)
        return 2
      }
      const program = compiled.program
      const configs = specs.map((spec) => configOf(ctx, spec, program.geometry))

      const wantEvents = values['events'] === true
      const display = createProgressDisplay({
        stream: ctx.progress,
        now: deps.now ?? (() => performance.now()),
        labels: specTexts.map((spec, i) => `#${i + 1} ${visibleText(spec)}`),
        t: ctx.t,
        locale: ctx.locale
      })
      let outcomes: ConfigOutcome[]
      try {
        outcomes = await runThroughService(
          deps,
          { ...ctx, stderr: (text) => display.aside(() => ctx.stderr(text)) },
          {
            text,
            specTexts,
            configs,
            check: values['check'] === true,
            wantEvents,
            onEvent: followProgress(display),
            ...(csv !== undefined ? { csv: resolve(ctx.cwd, csv) } : {}),
            ...(report ? { report } : {})
          }
        )
      } finally {
        display.finish()
      }
      const describe = (error: WorkerRunError): string => ctx.t(error.messageKey, error.params)
      if (json) {
        const report = buildRunReport(program, outcomes, {
          events: values['events'] === true,
          timing: values['timing'] === true,
          describeError: (outcome) => describe(outcome.error)
        })
        ctx.stdout(jsonWithoutControls(stringifyRunReport(report)))
      } else {
        ctx.stdout(visibleText(formatRunTable(outcomes, ctx.t, deps.formatters), 'lines'))
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

interface ServiceRun {
  readonly text: string
  readonly specTexts: readonly string[]
  /** The configs as the command resolved them (labels and families for the report). */
  readonly configs: readonly RunConfig[]
  readonly check: boolean
  readonly wantEvents: boolean
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

/**
 * Run the scenario through LabService, as the window does, so both always
 * agree. The service lives for this command only, over an in-memory store.
 */
async function runThroughService(
  deps: RunCommandDeps,
  ctx: CliContext,
  run: ServiceRun
): Promise<ConfigOutcome[]> {
  const service = new LabService(openStore(':memory:'), 'cli', {
    families: deps.families,
    launch: deps.launch,
    compile: deps.compile,
    ...(deps.parallel !== undefined ? { parallel: deps.parallel } : {})
  })
  if (run.onEvent) service.subscribe(run.onEvent)
  try {
    await service.call('settings:set', { language: ctx.locale })
    const record = run.wantEvents || run.csv !== undefined || run.report !== undefined
    const everyStep = run.csv !== undefined || run.report?.format === 'csv'
    const { runId } = await service.call('run:start', {
      scenario: run.text,
      allocators: [...run.specTexts],
      check: run.check,
      record,
      ...(everyStep ? { metricStride: 1 } : {})
    })
    const outcomes = await service.runs.whenSettled(runId)
    const withEvents = outcomes.map((outcome, index): ConfigOutcome => {
      const config = run.configs[index] ?? outcome.config
      if ('error' in outcome) return { config, error: outcome.error }
      if (!run.wantEvents) return { config, result: outcome.result }
      const { timeline: _timeline, ...result } = outcome.result
      return {
        config,
        result: { ...result, events: eventColumnsOf(service.runs.reader(runId, index)) }
      }
    })
    if (run.csv !== undefined) {
      const recorded = withEvents.flatMap((outcome, index) =>
        'result' in outcome
          ? [
              {
                label: outcome.config.label,
                columns: service.runs.columns(runId, index),
                count: outcome.result.summary.requests
              }
            ]
          : []
      )
      let rows: number
      try {
        rows = writeMetricsCsv(run.csv, recorded)
      } catch (error) {
        // Checked before the run, so only a disk that filled up or vanished since gets here.
        throw new UsageError(
          ctx.t('scenario.cli.cannotWrite', {
            file: run.csv,
            reason: describeFileError(error, ctx)
          })
        )
      }
      ctx.stderr(`${ctx.t('timeline.csvWritten', { rows, file: run.csv })}\n`)
    }
    if (run.report) await writeReportFile(service, runId, run.text, run.report, ctx)
    return withEvents
  } finally {
    service.close()
  }
}

function withSpecErrors<T>(ctx: CliContext, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof SpecError) throw new UsageError(visibleText(error.describe(ctx.locale)))
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
