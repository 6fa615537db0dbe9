/**
 * Everything a report shows, as plain data gathered through the LabApi
 * contract (src/main/reports/collect-report.ts) and drawn by the HTML
 * renderer. Nothing here is formatted yet: numbers stay numbers, texts stay
 * keys or user text, so one model renders in any language.
 */
import type { z } from 'zod'
import type { Locale } from '../i18n/locales'
import type {
  ConfigErrorSchema,
  FinalStateSchema,
  MapOutput,
  TimelineEventSchema
} from '../run-schemas'
import type { ExperimentFields } from './experiment-fields'
import type { MetricName } from '../vocabulary/metrics'
import type { RunStatus } from '../vocabulary/run-statuses'
import type { RunSummary } from '../vocabulary/run-summary'

export type TimelineEvent = z.infer<typeof TimelineEventSchema>
export type FinalState = z.infer<typeof FinalStateSchema>
export type ConfigError = z.infer<typeof ConfigErrorSchema>
export type MapPixels = NonNullable<z.infer<typeof MapOutput>['pixels']>

/** The scenario as the report prints it: a very long one is cut to its first lines. */
export interface ReportScenario {
  readonly title: string
  /** The lines shown (the whole text unless `shownLines < lines`). */
  readonly shown: string
  readonly lines: number
  readonly shownLines: number
}

/** One downsampled metric column of one configuration (min and max per bucket). */
export interface ReportSeries {
  readonly config: number
  /** Requests per bucket. */
  readonly bucketSize: number
  /** Requests between two readings: 1 for per-request metrics, the sample stride otherwise. */
  readonly stride: number
  /** First request of each bucket. */
  readonly start: readonly number[]
  readonly min: readonly number[]
  readonly max: readonly number[]
}

/** One chart: a metric over requests, one series per configuration that has a timeline. */
export interface ReportChart {
  readonly metric: MetricName
  /** Requests on the x axis: 0 to `requests - 1`. */
  readonly requests: number
  readonly series: readonly ReportSeries[]
}

/** Why a memory map was drawn at its step. */
export type MapReason = 'end' | 'firstFailure' | 'peakExternal' | 'peakInternal' | 'chosen'

export interface ReportMap {
  /** The map after this request (-1: before the first). */
  readonly step: number
  readonly reasons: readonly MapReason[]
  readonly poolBytes: number
  readonly pixels: MapPixels
}

/** Figures after one request, for explaining it; a sampled one is absent where it was not read. */
export interface StepFigures {
  readonly requestedLive?: number
  readonly allocatedLive?: number
  readonly freeBytes?: number
  readonly freeBlocks?: number
  readonly largestFree?: number
}

export type KeyStepKind = 'firstFailure' | 'largestFailed' | 'peakExternal' | 'peakInternal'

/** A request where the run turned, with what explains it. */
export interface KeyStep {
  readonly kind: KeyStepKind
  readonly step: number
  /** The figure that makes it key (the peak value, the failed size). */
  readonly value: number
  /** The request itself (null when its event could not be read). */
  readonly event: TimelineEvent | null
  /** The requests around it, in order, the key one included. */
  readonly around: readonly TimelineEvent[]
  readonly figures: StepFigures
}

export interface ReportConfig {
  readonly config: number
  readonly label: string
  readonly family: string
  readonly status: RunStatus
  readonly done: number
  readonly total: number
  readonly summary: RunSummary | null
  readonly final: FinalState | null
  readonly error: ConfigError | null
  /** False when the run kept no timeline (not recorded, or failed): no charts, maps or key steps. */
  readonly recorded: boolean
  readonly keySteps: readonly KeyStep[]
  readonly maps: readonly ReportMap[]
}

export interface ReportModel {
  readonly locale: Locale
  readonly runId: string
  /** The experiment's fields; a bare run has none. */
  readonly experiment: ExperimentFields | null
  readonly scenario: ReportScenario
  readonly requests: number
  readonly status: RunStatus
  /** ISO 8601 time the report was gathered. */
  readonly generatedAt: string
  readonly appVersion: string
  readonly engineVersion: string
  readonly configs: readonly ReportConfig[]
  readonly charts: readonly ReportChart[]
}
