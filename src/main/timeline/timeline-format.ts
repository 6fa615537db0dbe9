/**
 * The recorded timeline of one run, as a handful of typed arrays that cross
 * the worker boundary by transfer. Nothing here holds one object per event.
 *
 * Per request (fixed width, 16 bytes):
 *   flags       Uint8   status (bits 0-2), invalid reason (bits 3-5),
 *                       OBJECT (bit 6: the block is a slab object), OPAQUE
 *                       (bit 7: the map change cannot be derived from the
 *                       record, so a keyframe follows this request)
 *   splitMerge  Uint8   splits (low nibble) and merges (high nibble)
 *   examined    Uint16  free-list entries examined
 *   addr        Uint32  block address + 1 (0 means -1)
 *   granted     Uint32  granted bytes + 1
 *   requested   Uint32  requested bytes + 1
 * A value that does not fit its field stores the field's escape value and
 * the exact number in the sparse table, which also holds the rarely non-zero
 * counters (constructor calls, slabs grown...) and frames that cannot be
 * derived from the address.
 *
 * Keyframes: the whole memory map in run-length form (length, state, owner)
 * after `position` requests, every `keyframeInterval` requests and right
 * after every OPAQUE request. Runs start at offset 0 and touch each other.
 *
 * Metric samples: the metrics no event field implies (free bytes, free
 * blocks, largest free block, metadata bytes, high-water mark), every
 * `metricStride` requests and after the last one.
 *
 * Which blocks a split or merge involved is not stored: on the standard heap
 * workload half the requests split and two in five coalesce, so even one
 * sparse entry each would push the record past 32 bytes per event. The
 * event window replays the engine with a trace instead (explain-structure.ts).
 */

import {
  SAMPLED_STRUCTURE_METRIC_NAMES,
  type SampledStructureMetricName
} from '@shared/vocabulary/metrics'

export const TIMELINE_FORMAT_VERSION = 1

export const EventFlag = {
  STATUS_MASK: 0x07,
  REASON_SHIFT: 3,
  REASON_MASK: 0x38,
  OBJECT: 0x40,
  OPAQUE: 0x80
} as const

/** Escape values: the exact number is in the sparse table. */
export const U32_ESCAPE = 0xffffffff
export const U16_ESCAPE = 0xffff
export const NIBBLE_ESCAPE = 0x0f

/** Fields the sparse table can carry, by code. */
export const SparseField = {
  Frame: 0,
  CtorCalls: 1,
  CtorSaved: 2,
  WorkUnits: 3,
  SlabsGrown: 4,
  SlabsReaped: 5,
  Copied: 6,
  Examined: 7,
  Splits: 8,
  Merges: 9,
  Addr: 10,
  Granted: 11,
  Requested: 12
} as const
export type SparseFieldCode = (typeof SparseField)[keyof typeof SparseField]

/** Metrics sampled every `metricStride` requests, in slot order. */
export const SAMPLED_METRICS = SAMPLED_STRUCTURE_METRIC_NAMES
export type SampledMetric = SampledStructureMetricName

/**
 * How the host turns event records into map changes. Heaps paint their
 * blocks with boundary tags around them; page families paint blocks alone;
 * families the host does not model mark every change OPAQUE.
 */
export type MapGeometry =
  | {
      readonly kind: 'heap'
      readonly baseAddress: number
      /** Bytes the map covers: the arena, or the limit of a growing heap (past the break: unobtained). */
      readonly arenaBytes: number
      /** Overhead bytes before a block's payload (header minus an in-band footer). */
      readonly frontTag: number
      /** In-band footer bytes at a block's end. */
      readonly backTag: number
      /** A freed block joins its free neighbours in memory (physical coalescing). */
      readonly coalesce: boolean
      /** Bytes before the first block and after the last one (CS:APP's prologue and epilogue). */
      readonly prologue: number
      readonly epilogue: number
    }
  | { readonly kind: 'pages'; readonly poolBytes: number; readonly pageBytes: number }
  | { readonly kind: 'slab'; readonly poolBytes: number; readonly pageBytes: number }
  | { readonly kind: 'opaque'; readonly poolBytes: number }

export interface TimelineOptions {
  /** Requests between two regular keyframes. */
  readonly keyframeInterval: number
  /** Requests between two metric samples. */
  readonly metricStride: number
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = {
  keyframeInterval: 2048,
  metricStride: 64
}

/** Up to this many requests, a timeline samples the structure metrics after every one. */
export const EXACT_SAMPLING_LIMIT = 65_536

/**
 * Short runs are what students reason about step by step, and their peaks
 * must be exact; long runs sample every DEFAULT_TIMELINE_OPTIONS.metricStride
 * requests to keep timelines small (44 bytes a sample).
 */
export function defaultMetricStride(requests: number): number {
  return requests <= EXACT_SAMPLING_LIMIT ? 1 : DEFAULT_TIMELINE_OPTIONS.metricStride
}

export interface TimelineBuffers {
  readonly version: typeof TIMELINE_FORMAT_VERSION
  /** Requests recorded (fewer than the program's when cancelled). */
  readonly count: number
  readonly options: TimelineOptions
  readonly geometry: MapGeometry
  readonly flags: Uint8Array
  readonly splitMerge: Uint8Array
  readonly examined: Uint16Array
  readonly addr: Uint32Array
  readonly granted: Uint32Array
  readonly requested: Uint32Array
  readonly sparseStep: Int32Array
  readonly sparseField: Uint8Array
  readonly sparseValue: Float64Array
  /** Requests applied before each keyframe, ascending (the first is 0). */
  readonly keyPosition: Int32Array
  /** Index of each keyframe's first run; one extra entry ends the last. */
  readonly keyRunStart: Int32Array
  readonly runLength: Float64Array
  readonly runState: Uint8Array
  readonly runHandle: Int32Array
  /** Requests applied before each sample, ascending. */
  readonly samplePosition: Int32Array
  /** SAMPLED_METRICS.length values per sample. */
  readonly sampleValue: Float64Array
}

/** The buffers of a timeline, for a postMessage transfer list. */
export function timelineTransferList(timeline: TimelineBuffers): ArrayBuffer[] {
  return [
    timeline.flags,
    timeline.splitMerge,
    timeline.examined,
    timeline.addr,
    timeline.granted,
    timeline.requested,
    timeline.sparseStep,
    timeline.sparseField,
    timeline.sparseValue,
    timeline.keyPosition,
    timeline.keyRunStart,
    timeline.runLength,
    timeline.runState,
    timeline.runHandle,
    timeline.samplePosition,
    timeline.sampleValue
  ].map((column) => column.buffer as ArrayBuffer)
}

/** Bytes the timeline's columns take. */
export function timelineBytes(timeline: TimelineBuffers): number {
  let total = 0
  for (const buffer of timelineTransferList(timeline)) total += buffer.byteLength
  return total
}
