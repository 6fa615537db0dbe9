import { z } from 'zod'
import { MAP_STATES } from '@shared/vocabulary/map-states'
import {
  SAMPLED_METRICS,
  SparseField,
  TIMELINE_FORMAT_VERSION,
  type TimelineBuffers
} from '../timeline/timeline-format'
import {
  PackError,
  packColumns,
  packedMagic,
  unpackColumns,
  type ColumnLayout
} from './packed-columns'

/**
 * How a stored timeline blob is laid out, the number kept beside it (its
 * `format`): 1 holds the columns of TIMELINE_FORMAT_VERSION 1 as they are,
 * 2 holds them as byte planes (packed-columns.ts), which compress in less
 * than half the time. Both are read; 2 is written. An AllocLab that knows
 * only 1 calls a 2 incompatible and offers a re-run, rather than calling
 * it damaged. A new TIMELINE_FORMAT_VERSION needs a new number here.
 */
export const TIMELINE_ENCODING = 2

const LAYOUTS: Readonly<Record<number, { magic: string; layout: ColumnLayout }>> = {
  1: { magic: 'ALTL', layout: 'columns' },
  2: { magic: 'ALTP', layout: 'byte-planes' }
}

/** Whether this build reads a stored timeline of encoding `format`. */
export function readsTimelineEncoding(format: number): boolean {
  return Object.hasOwn(LAYOUTS, format)
}

/** The columns in stored order, with the typed array each one is. */
const COLUMNS = [
  ['flags', Uint8Array],
  ['splitMerge', Uint8Array],
  ['examined', Uint16Array],
  ['addr', Uint32Array],
  ['granted', Uint32Array],
  ['requested', Uint32Array],
  ['sparseStep', Int32Array],
  ['sparseField', Uint8Array],
  ['sparseValue', Float64Array],
  ['keyPosition', Int32Array],
  ['keyRunStart', Int32Array],
  ['runLength', Float64Array],
  ['runState', Uint8Array],
  ['runHandle', Int32Array],
  ['samplePosition', Int32Array],
  ['sampleValue', Float64Array]
] as const

const Bytes = z.number().finite().min(0)

const GeometrySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('heap'),
      baseAddress: Bytes,
      arenaBytes: Bytes,
      frontTag: Bytes,
      backTag: Bytes,
      coalesce: z.boolean(),
      prologue: Bytes,
      epilogue: Bytes
    })
    .strict(),
  z.object({ kind: z.literal('pages'), poolBytes: Bytes, pageBytes: Bytes }).strict(),
  z.object({ kind: z.literal('slab'), poolBytes: Bytes, pageBytes: Bytes }).strict(),
  z.object({ kind: z.literal('opaque'), poolBytes: Bytes }).strict()
])

const HeaderSchema = z
  .object({
    version: z.literal(TIMELINE_FORMAT_VERSION),
    count: z.number().int().min(0),
    options: z
      .object({
        keyframeInterval: z.number().int().min(1),
        metricStride: z.number().int().min(1)
      })
      .strict(),
    geometry: GeometrySchema,
    columnBytes: z.array(z.number().int().min(0))
  })
  .strict()

/** A stored timeline that cannot be read back; the message says what is wrong with it. */
export class TimelineDecodeError extends Error {
  override name = 'TimelineDecodeError'
}

/**
 * The timeline's columns in one buffer, ready to compress: in
 * TIMELINE_ENCODING, or (for the tests that prove older saves still open)
 * in an earlier encoding this build reads.
 */
export function encodeTimeline(
  timeline: TimelineBuffers,
  encoding: number = TIMELINE_ENCODING
): Buffer {
  const { magic, layout } = LAYOUTS[encoding]!
  return packColumns(
    magic,
    {
      version: timeline.version,
      count: timeline.count,
      options: timeline.options,
      geometry: timeline.geometry
    },
    COLUMNS.map(([name]) => timeline[name]),
    layout
  )
}

/**
 * The timeline `bytes` hold, in any encoding this build reads (its magic
 * says which), every column in an ArrayBuffer of its own, after
 * checking that a reader can walk it without reading past any column: a
 * stored timeline is the user's file, and a damaged one must be refused
 * whole, never half shown.
 */
export function decodeTimeline(bytes: Uint8Array, requests: number): TimelineBuffers {
  const stored = Object.values(LAYOUTS).find(({ magic }) => magic === packedMagic(bytes))
  if (!stored) throw new TimelineDecodeError('it does not start as a stored timeline does')
  let unpacked
  try {
    unpacked = unpackColumns(
      stored.magic,
      bytes,
      COLUMNS.map(([, Type]) => Type.BYTES_PER_ELEMENT),
      stored.layout
    )
  } catch (error) {
    if (error instanceof PackError) throw new TimelineDecodeError(error.message)
    throw error
  }
  const header = HeaderSchema.safeParse(unpacked.header)
  if (!header.success) {
    const issue = header.error.issues[0]
    throw new TimelineDecodeError(
      `its header is wrong at "${issue?.path.join('.') || 'header'}" (${issue?.message ?? 'invalid'})`
    )
  }
  const columns: Record<string, ArrayBufferView> = {}
  COLUMNS.forEach(([name, Type], i) => {
    columns[name] = new Type(unpacked.columns[i]!)
  })
  const { version, count, options, geometry } = header.data
  const timeline = { version, count, options, geometry, ...columns } as unknown as TimelineBuffers
  const problem = timelineProblem(timeline, requests)
  if (problem) throw new TimelineDecodeError(problem)
  return timeline
}

/** Why a reader could not walk `t` safely, or undefined when it can. */
function timelineProblem(t: TimelineBuffers, requests: number): string | undefined {
  const n = t.count
  if (n > requests) return `it records ${n} requests, but the scenario has ${requests}`
  for (const name of ['flags', 'splitMerge', 'examined', 'addr', 'granted', 'requested'] as const) {
    if (t[name].length !== n) return `column ${name} has ${t[name].length} entries, not ${n}`
  }
  const sparse = t.sparseStep.length
  if (t.sparseField.length !== sparse || t.sparseValue.length !== sparse) {
    return 'the sparse table’s columns differ in length'
  }
  const fields = Object.keys(SparseField).length
  for (let s = 0; s < sparse; s++) {
    const step = t.sparseStep[s]!
    if (step < 0 || step >= n || (s > 0 && step < t.sparseStep[s - 1]!)) {
      return `sparse entry ${s} is at step ${step}, out of order or out of range`
    }
    if (t.sparseField[s]! >= fields) return `sparse entry ${s} names no known field`
  }
  const keyframes = t.keyPosition.length
  if (keyframes === 0 || t.keyPosition[0] !== 0)
    return 'it has no keyframe before the first request'
  if (t.keyRunStart.length !== keyframes + 1)
    return 'keyframes and their run starts differ in number'
  const runs = t.runLength.length
  if (t.runState.length !== runs || t.runHandle.length !== runs) {
    return 'the keyframe runs’ columns differ in length'
  }
  if (t.keyRunStart[0] !== 0 || t.keyRunStart[keyframes] !== runs) {
    return 'the keyframe runs do not cover the run columns'
  }
  for (let k = 1; k <= keyframes; k++) {
    if (t.keyRunStart[k]! < t.keyRunStart[k - 1]!) return `keyframe ${k - 1} ends before it starts`
    if (k < keyframes) {
      const position = t.keyPosition[k]!
      if (position < t.keyPosition[k - 1]! || position > n) {
        return `keyframe ${k} is at request ${position}, out of order or out of range`
      }
    }
  }
  for (let r = 0; r < runs; r++) {
    if (t.runState[r]! >= MAP_STATES.length) return `keyframe run ${r} has no known map state`
    if (!(t.runLength[r]! >= 0)) return `keyframe run ${r} has a negative or missing length`
  }
  const samples = t.samplePosition.length
  if (t.sampleValue.length !== samples * SAMPLED_METRICS.length) {
    return `the metric samples hold ${t.sampleValue.length} values for ${samples} samples`
  }
  for (let s = 0; s < samples; s++) {
    const position = t.samplePosition[s]!
    if (position < 0 || position > n || (s > 0 && position < t.samplePosition[s - 1]!)) {
      return `metric sample ${s} is at request ${position}, out of order or out of range`
    }
  }
  return undefined
}
