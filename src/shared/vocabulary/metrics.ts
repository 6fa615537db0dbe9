/**
 * The metrics of DESIGN.md §5, named once for every side: the engine's
 * timelines, LabApi's `timeline:metrics`, charts, the Compare table, CSV
 * columns, reports and the database. A name here is a contract: never rename.
 */
import { z } from 'zod'

/** What a metric's numbers count; the window and reports format values by it. */
export const METRIC_UNITS = ['bytes', 'count', 'ratio'] as const
export type MetricUnit = (typeof METRIC_UNITS)[number]

/**
 * How often a timeline knows a metric: `step` metrics have a value after
 * every request (derived from the event records); `sampled` ones need the
 * allocator's structures and are sampled every `metricStride` requests.
 */
export const METRIC_CADENCES = ['step', 'sampled'] as const
export type MetricCadence = (typeof METRIC_CADENCES)[number]

/** Which way is better, for marking the best value in a comparison; null when neither is. */
export type MetricDirection = 'lower' | 'higher' | null

export interface MetricInfo {
  readonly name: MetricName
  readonly unit: MetricUnit
  readonly cadence: MetricCadence
  readonly better: MetricDirection
  /** Per-request counters restart at every request; the others are running values. */
  readonly perRequest: boolean
}

/** Metrics a timeline answers for every request (value after that request). */
export const STEP_METRIC_NAMES = [
  'requestedLive',
  'allocatedLive',
  'internalFragmentation',
  'liveBlocks',
  'peakRequested',
  'failNoMemory',
  'failFragmented',
  'examined',
  'splits',
  'merges'
] as const

/** Metrics read off the allocator's structures, in the slot order a timeline stores them. */
export const SAMPLED_STRUCTURE_METRIC_NAMES = [
  'freeBytes',
  'freeBlocks',
  'largestFree',
  'metadataBytes',
  'highWater'
] as const

/** Sampled metrics: the structure slots, then two derived from them. */
export const SAMPLED_METRIC_NAMES = [
  ...SAMPLED_STRUCTURE_METRIC_NAMES,
  'externalFragmentation',
  'utilization'
] as const

export const METRIC_NAMES = [...STEP_METRIC_NAMES, ...SAMPLED_METRIC_NAMES] as const
export type MetricName = (typeof METRIC_NAMES)[number]
export type StepMetricName = (typeof STEP_METRIC_NAMES)[number]
export type SampledMetricName = (typeof SAMPLED_METRIC_NAMES)[number]
export type SampledStructureMetricName = (typeof SAMPLED_STRUCTURE_METRIC_NAMES)[number]

export const MetricNameSchema = z.enum(METRIC_NAMES)

function metric(
  name: MetricName,
  unit: MetricUnit,
  better: MetricDirection,
  perRequest = false
): MetricInfo {
  const cadence: MetricCadence = (STEP_METRIC_NAMES as readonly string[]).includes(name)
    ? 'step'
    : 'sampled'
  return { name, unit, cadence, better, perRequest }
}

/** Every metric with its unit, cadence and direction, in METRIC_NAMES order. */
export const METRICS: Readonly<Record<MetricName, MetricInfo>> = {
  requestedLive: metric('requestedLive', 'bytes', null),
  allocatedLive: metric('allocatedLive', 'bytes', null),
  internalFragmentation: metric('internalFragmentation', 'bytes', 'lower'),
  liveBlocks: metric('liveBlocks', 'count', null),
  peakRequested: metric('peakRequested', 'bytes', null),
  failNoMemory: metric('failNoMemory', 'count', 'lower'),
  failFragmented: metric('failFragmented', 'count', 'lower'),
  examined: metric('examined', 'count', 'lower', true),
  splits: metric('splits', 'count', null, true),
  merges: metric('merges', 'count', null, true),
  freeBytes: metric('freeBytes', 'bytes', null),
  freeBlocks: metric('freeBlocks', 'count', 'lower'),
  largestFree: metric('largestFree', 'bytes', 'higher'),
  metadataBytes: metric('metadataBytes', 'bytes', 'lower'),
  highWater: metric('highWater', 'bytes', 'lower'),
  externalFragmentation: metric('externalFragmentation', 'ratio', 'lower'),
  utilization: metric('utilization', 'ratio', 'higher')
}

export function isMetricName(value: unknown): value is MetricName {
  return typeof value === 'string' && (METRIC_NAMES as readonly string[]).includes(value)
}

export function isStepMetricName(name: MetricName): name is StepMetricName {
  return METRICS[name].cadence === 'step'
}

/** i18n keys of a metric's short label and its one-sentence definition. */
export function metricLabelKey(name: MetricName): string {
  return `vocabulary.metric.${name}.label`
}
export function metricDescriptionKey(name: MetricName): string {
  return `vocabulary.metric.${name}.description`
}
