import type { LabOutput } from '@shared/api'
import type { Locale } from '@shared/i18n/locales'
import type { ExperimentFields } from '@shared/reports/experiment-fields'
import type {
  KeyStep,
  MapReason,
  ReportChart,
  ReportConfig,
  ReportMap,
  ReportModel,
  ReportScenario,
  ReportSeries,
  StepFigures
} from '@shared/reports/report-model'
import { MAX_EVENT_WINDOW, MAX_MAP_WIDTH } from '@shared/run-schemas'
import type { MetricName } from '@shared/vocabulary/metrics'
import { firstFailureStep } from './first-failure'
import type { LabCaller } from './lab-caller'

/** The charts a report draws unless told otherwise: the trade-off of DESIGN.md §5, figure by figure. */
export const DEFAULT_REPORT_METRICS: readonly MetricName[] = [
  'allocatedLive',
  'internalFragmentation',
  'externalFragmentation',
  'largestFree',
  'freeBlocks',
  'metadataBytes',
  'examined',
  'utilization',
  'failNoMemory',
  'failFragmented'
]

export interface CollectReportOptions {
  /** The scenario's text: a run keeps its compiled program, not the text. */
  readonly scenario: string
  readonly locale: Locale
  /** Name, notes and tags when the run belongs to an experiment. */
  readonly experiment?: ExperimentFields
  readonly metrics?: readonly MetricName[]
  /** Points per chart series (a few hundred keep a report small and its lines smooth). */
  readonly maxPoints?: number
  /** Pixels across each memory map. */
  readonly mapWidth?: number
  /** Steps to draw maps at besides the key ones (-1: before the first request). */
  readonly mapSteps?: readonly number[]
  /** Requests shown on each side of a key step. */
  readonly around?: number
  /** The scenario is cut to this many lines, and to this many characters. */
  readonly maxScenarioLines?: number
  readonly maxScenarioChars?: number
  readonly now?: () => Date
}

const DEFAULTS = {
  maxPoints: 240,
  mapWidth: 640,
  around: 2,
  maxScenarioLines: 2000,
  maxScenarioChars: 200 * 1024
}

const STEP_FIGURES = [
  'requestedLive',
  'allocatedLive',
  'freeBytes',
  'freeBlocks',
  'largestFree'
] as const satisfies readonly (keyof StepFigures & MetricName)[]

type ConfigSummary = LabOutput<'run:summary'>['configs'][number]

/**
 * Gather everything a report of run `runId` shows, through LabApi calls only
 * (`app:info`, `run:summary`, `timeline:metrics`, `timeline:map`,
 * `timeline:events`), so any host — the CLI, the Electron shell, the
 * experiments library replaying a saved run — can make one.
 */
export async function collectReport(
  lab: LabCaller,
  runId: string,
  options: CollectReportOptions
): Promise<ReportModel> {
  const settings = { ...DEFAULTS, ...definedOnly(options) }
  const metrics = options.metrics ?? DEFAULT_REPORT_METRICS
  const info = await lab.call('app:info', {})
  const run = await lab.call('run:summary', { runId })
  const configs: ReportConfig[] = []
  const seriesByConfig: (readonly ReportSeries[] | null)[] = []
  for (const config of run.configs) {
    const series = await chartSeries(lab, runId, config, metrics, settings.maxPoints)
    seriesByConfig.push(series)
    configs.push(
      series === null
        ? unrecorded(config)
        : await recordedConfig(lab, runId, config, {
            around: settings.around,
            mapWidth: Math.min(MAX_MAP_WIDTH, Math.max(1, settings.mapWidth)),
            mapSteps: options.mapSteps ?? []
          })
    )
  }
  const charts: ReportChart[] = metrics.map((metric, m) => ({
    metric,
    requests: run.requests,
    series: seriesByConfig.flatMap((series) => (series?.[m] ? [series[m]] : []))
  }))
  return {
    locale: options.locale,
    runId,
    experiment: options.experiment ?? null,
    scenario: cutScenario(
      run.title,
      options.scenario,
      settings.maxScenarioLines,
      settings.maxScenarioChars
    ),
    requests: run.requests,
    status: run.status,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    appVersion: info.appVersion,
    engineVersion: info.engineVersion,
    configs,
    charts
  }
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined)
  ) as Partial<T>
}

function unrecorded(config: ConfigSummary): ReportConfig {
  return { ...summaryPart(config), recorded: false, keySteps: [], maps: [] }
}

function summaryPart(config: ConfigSummary): Omit<ReportConfig, 'recorded' | 'keySteps' | 'maps'> {
  return {
    config: config.config,
    label: config.label,
    family: config.family,
    status: config.status,
    done: config.done,
    total: config.total,
    summary: config.summary,
    final: config.final,
    error: config.error
  }
}

/** One series per metric, or null when the configuration kept no timeline. */
async function chartSeries(
  lab: LabCaller,
  runId: string,
  config: ConfigSummary,
  metrics: readonly MetricName[],
  maxPoints: number
): Promise<ReportSeries[] | null> {
  if (!config.summary) return null
  const requests = config.summary.requests
  if (requests === 0) return []
  let page: LabOutput<'timeline:metrics'>
  try {
    page = await lab.call('timeline:metrics', {
      runId,
      config: config.config,
      from: 0,
      to: requests,
      maxPoints,
      columns: [...metrics]
    })
  } catch (error) {
    if (isNotRecorded(error)) return null
    throw error
  }
  return page.columns.map((column) => ({
    config: config.config,
    bucketSize: page.bucketSize,
    stride: column.stride,
    start: column.start,
    min: column.min,
    max: column.max
  }))
}

/** A configuration run without recording (LabError data from any host, thrown or not). */
function isNotRecorded(error: unknown): boolean {
  return (error as { key?: unknown } | null)?.key === 'timeline.notRecorded'
}

interface RecordedOptions {
  readonly around: number
  readonly mapWidth: number
  readonly mapSteps: readonly number[]
}

async function recordedConfig(
  lab: LabCaller,
  runId: string,
  config: ConfigSummary,
  options: RecordedOptions
): Promise<ReportConfig> {
  const summary = config.summary!
  const requests = summary.requests
  const wanted: { kind: KeyStep['kind']; step: number; value: number }[] = []
  const firstFailure =
    summary.failures > 0 ? await firstFailureStep(lab, runId, config.config, requests) : null
  if (firstFailure !== null) {
    wanted.push({ kind: 'firstFailure', step: firstFailure, value: 0 })
  }
  const largest = summary.largestFailedRequest
  if (largest && largest.step !== firstFailure) {
    wanted.push({ kind: 'largestFailed', step: largest.step, value: largest.bytes })
  }
  const { externalFragmentation: external, internalFragmentation: internal } = summary.peaks
  if (external.step >= 0 && external.value > 0) {
    wanted.push({ kind: 'peakExternal', step: external.step, value: external.value })
  }
  if (internal.step >= 0 && internal.value > 0) {
    wanted.push({ kind: 'peakInternal', step: internal.step, value: internal.value })
  }
  const keySteps: KeyStep[] = []
  for (const want of wanted) {
    if (want.step >= requests) continue
    keySteps.push(await keyStep(lab, runId, config.config, requests, want, options.around))
  }

  const reasons = new Map<number, MapReason[]>()
  const note = (step: number, reason: MapReason): void => {
    if (step < -1 || step >= requests) return
    reasons.set(step, [...(reasons.get(step) ?? []), reason])
  }
  for (const step of options.mapSteps) note(step, 'chosen')
  if (external.step >= 0 && external.value > 0) note(external.step, 'peakExternal')
  if (firstFailure !== null) note(firstFailure, 'firstFailure')
  note(requests - 1, 'end')
  const maps: ReportMap[] = []
  for (const step of [...reasons.keys()].sort((a, b) => a - b)) {
    const map = await lab.call('timeline:map', {
      runId,
      config: config.config,
      step,
      // A pool smaller than the strip (a textbook arena) gets a pixel per byte: exact.
      width: Math.max(1, Math.min(options.mapWidth, summary.metrics.poolBytes))
    })
    if (!map.pixels) continue
    maps.push({
      step: map.step,
      reasons: reasons.get(step)!,
      poolBytes: map.poolBytes,
      pixels: map.pixels
    })
  }
  return { ...summaryPart(config), recorded: true, keySteps, maps }
}

async function keyStep(
  lab: LabCaller,
  runId: string,
  config: number,
  requests: number,
  want: { kind: KeyStep['kind']; step: number; value: number },
  around: number
): Promise<KeyStep> {
  const from = Math.max(0, want.step - around)
  const count = Math.min(MAX_EVENT_WINDOW, Math.min(requests, want.step + around + 1) - from)
  const window = await lab.call('timeline:events', { runId, config, from, count })
  const page = await lab.call('timeline:metrics', {
    runId,
    config,
    from: want.step,
    to: want.step + 1,
    maxPoints: 1,
    columns: [...STEP_FIGURES]
  })
  const figures: Partial<Record<(typeof STEP_FIGURES)[number], number>> = {}
  for (const column of page.columns) {
    const value = column.start[0] === want.step ? column.max[0] : undefined
    if (value !== undefined && (STEP_FIGURES as readonly string[]).includes(column.name)) {
      figures[column.name as (typeof STEP_FIGURES)[number]] = value
    }
  }
  const event = window.events.find((e) => e.step === want.step) ?? null
  return {
    ...want,
    // A failure is key for what it asked for.
    value: want.kind === 'firstFailure' ? (event?.requested ?? 0) : want.value,
    event,
    around: window.events,
    figures
  }
}

/** The scenario as printed: whole, or its first lines when it is very long. */
export function cutScenario(
  title: string,
  text: string,
  maxLines: number,
  maxChars: number
): ReportScenario {
  const lines = text.length === 0 ? 0 : text.replace(/\n$/, '').split('\n').length
  let end = 0
  let shownLines = 0
  while (shownLines < maxLines && end < text.length) {
    const next = text.indexOf('\n', end)
    const lineEnd = next < 0 ? text.length : next + 1
    if (lineEnd > maxChars && shownLines > 0) break
    end = Math.min(lineEnd, maxChars)
    shownLines++
  }
  return { title, shown: text.slice(0, end), lines, shownLines: Math.min(shownLines, lines) }
}
