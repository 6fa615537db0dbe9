import { CODE_STRIDE, Op } from '@shared/scenario/program'
import { Status } from '../engine/outcome'
import { externalFragmentation, utilization } from '../engine/run-summary'
import {
  METRIC_NAMES,
  isStepMetricName,
  type MetricName,
  type SampledMetricName,
  type StepMetricName
} from '@shared/vocabulary/metrics'
import { SAMPLED_METRICS, type SampledMetric } from './timeline-format'
import type { TimelineReader } from './timeline-reader'

export { METRIC_NAMES, type MetricName }
export type StepMetric = StepMetricName
export type SampleMetric = SampledMetricName
export const isStepMetric = isStepMetricName

type StepColumn = Int32Array | Float64Array

/**
 * Per-request metric columns derived from the event records (running sums
 * over a handle table), computed on first use and kept; integer columns that
 * fit are kept as Int32.
 */
export class MetricColumns {
  private readonly cache = new Map<StepMetric, StepColumn>()

  constructor(private readonly reader: TimelineReader) {}

  /** Memory the columns derived so far hold. */
  get bytes(): number {
    let total = 0
    for (const column of this.cache.values()) total += column.byteLength
    return total
  }

  step(name: StepMetric): StepColumn {
    let column = this.cache.get(name)
    if (!column) {
      column = this.derive(name)
      this.cache.set(name, column)
    }
    return column
  }

  /** Positions (requests applied) of the samples and the sampled values of `name`. */
  sampled(name: SampleMetric): { positions: Int32Array; values: Float64Array } {
    const t = this.reader.timeline
    const positions = t.samplePosition
    const slots = SAMPLED_METRICS.length
    const values = new Float64Array(positions.length)
    const slotOf = (metric: SampledMetric): number => SAMPLED_METRICS.indexOf(metric)
    if (name === 'externalFragmentation') {
      const free = slotOf('freeBytes')
      const largest = slotOf('largestFree')
      for (let s = 0; s < positions.length; s++) {
        values[s] = externalFragmentation(
          t.sampleValue[s * slots + largest]!,
          t.sampleValue[s * slots + free]!
        )
      }
    } else if (name === 'utilization') {
      const peak = this.step('peakRequested')
      const high = slotOf('highWater')
      for (let s = 0; s < positions.length; s++) {
        const p = positions[s]!
        values[s] = utilization(p > 0 ? peak[p - 1]! : 0, t.sampleValue[s * slots + high]!)
      }
    } else {
      const slot = slotOf(name)
      for (let s = 0; s < positions.length; s++) values[s] = t.sampleValue[s * slots + slot]!
    }
    return { positions, values }
  }

  private derive(name: StepMetric): StepColumn {
    const reader = this.reader
    const n = reader.count
    const values = new Float64Array(n)
    switch (name) {
      case 'examined':
        for (let i = 0; i < n; i++) values[i] = reader.examined(i)
        return compact(values)
      case 'splits':
      case 'merges': {
        const event = reader.decode(0)
        for (let i = 0; i < n; i++) values[i] = reader.decode(i, event)[name]
        return compact(values)
      }
      case 'failNoMemory':
      case 'failFragmented': {
        const wanted = name === 'failNoMemory' ? Status.FailNoMemory : Status.FailFragmented
        let total = 0
        for (let i = 0; i < n; i++) {
          if (reader.status(i) === wanted) total++
          values[i] = total
        }
        return compact(values)
      }
      case 'internalFragmentation': {
        const allocated = this.step('allocatedLive')
        const requested = this.step('requestedLive')
        for (let i = 0; i < n; i++) values[i] = allocated[i]! - requested[i]!
        return compact(values)
      }
      default:
        return compact(this.liveColumn(name))
    }
  }

  /** requestedLive, allocatedLive, liveBlocks or peakRequested, by replaying the handle table. */
  private liveColumn(
    name: 'requestedLive' | 'allocatedLive' | 'liveBlocks' | 'peakRequested'
  ): Float64Array {
    const reader = this.reader
    const n = reader.count
    const code = reader.program.code
    const handles = reader.program.handles.length
    const heldRequested = new Float64Array(handles)
    const heldGranted = new Float64Array(handles)
    const held = new Uint8Array(handles)
    const values = new Float64Array(n)
    let requested = 0
    let allocated = 0
    let live = 0
    let peak = 0
    for (let i = 0; i < n; i++) {
      if (reader.status(i) === Status.Ok) {
        const op = code[i * CODE_STRIDE]!
        const handle = code[i * CODE_STRIDE + 1]!
        const valid = handle >= 0 && handle < handles
        if (valid && held[handle] === 1 && (isFree(op) || op === Op.Realloc)) {
          requested -= heldRequested[handle]!
          allocated -= heldGranted[handle]!
          live--
          held[handle] = 0
        }
        if (valid && (isAlloc(op) || op === Op.Realloc)) {
          const r = reader.requested(i)
          const g = reader.granted(i)
          heldRequested[handle] = r
          heldGranted[handle] = g
          held[handle] = 1
          requested += r
          allocated += g
          live++
        }
        if (requested > peak) peak = requested
      }
      values[i] =
        name === 'requestedLive'
          ? requested
          : name === 'allocatedLive'
            ? allocated
            : name === 'liveBlocks'
              ? live
              : peak
    }
    return values
  }
}

function isAlloc(op: number): boolean {
  return op === Op.Alloc || op === Op.Kmalloc || op === Op.PageAlloc || op === Op.CacheAlloc
}

function isFree(op: number): boolean {
  return op === Op.Free || op === Op.Kfree || op === Op.PageFree || op === Op.CacheFree
}

function compact(values: Float64Array): StepColumn {
  for (const value of values) {
    if (value !== (value | 0)) return values
  }
  return Int32Array.from(values)
}

/** Min and max of each bucket of `column` over [from, to), at most `maxPoints` buckets. */
export interface Buckets {
  /** First request of each bucket. */
  readonly start: number[]
  readonly min: number[]
  readonly max: number[]
}

export function bucketSize(from: number, to: number, maxPoints: number): number {
  return Math.max(1, Math.ceil((to - from) / Math.max(1, maxPoints)))
}

export function downsampleSteps(
  column: ArrayLike<number>,
  from: number,
  to: number,
  maxPoints: number
): Buckets {
  const size = bucketSize(from, to, maxPoints)
  const start: number[] = []
  const min: number[] = []
  const max: number[] = []
  for (let b = from; b < to; b += size) {
    const end = Math.min(to, b + size)
    let low = column[b]!
    let high = low
    for (let i = b + 1; i < end; i++) {
      const v = column[i]!
      if (v < low) low = v
      else if (v > high) high = v
    }
    start.push(b)
    min.push(low)
    max.push(high)
  }
  return { start, min, max }
}

/** The same over samples: a sample after `position` requests belongs to request position - 1. */
export function downsampleSamples(
  positions: Int32Array,
  values: Float64Array,
  from: number,
  to: number,
  maxPoints: number
): Buckets {
  const size = bucketSize(from, to, maxPoints)
  const start: number[] = []
  const min: number[] = []
  const max: number[] = []
  for (let s = 0; s < positions.length; s++) {
    const step = positions[s]! - 1
    if (step < from || step >= to) continue
    const bucket = from + Math.floor((step - from) / size) * size
    const last = start.length - 1
    const v = values[s]!
    if (last >= 0 && start[last] === bucket) {
      if (v < min[last]!) min[last] = v
      if (v > max[last]!) max[last] = v
    } else {
      start.push(bucket)
      min.push(v)
      max.push(v)
    }
  }
  return { start, min, max }
}
