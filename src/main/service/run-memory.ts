import { CODE_STRIDE, Op, type CompiledProgram } from '@shared/scenario/program'
import type { AllocatorFamily, OptionValues } from '../engine/family'
import type { FinalState } from '../engine/final-state'
import { SAMPLED_METRICS, type TimelineOptions } from '../timeline/timeline-format'

/**
 * What a run holds in memory, in bytes, as the run budget counts it. Typed
 * arrays dominate (programs, frame pools, timelines, derived columns); the
 * objects around them are covered by a fixed allowance per run and config.
 */

/** The summary, the final structures' small tables, the bookkeeping of one config. */
export const CONFIG_OVERHEAD_BYTES = 4 * 1024
/** A run's title, its entry in the service and the objects around its configs. */
export const RUN_OVERHEAD_BYTES = 4 * 1024

/** Fixed-width record per request (flags, split/merge, examined, addr, granted, requested). */
const RECORD_BYTES = 16
/** One sparse-table entry: step Int32, field Uint8, value Float64. */
const SPARSE_ENTRY_BYTES = 13
/**
 * Allowance for sparse entries (escaped values, frames not implied by the
 * address...) per request; slab objects carry about one every other request.
 */
const SPARSE_ENTRIES_PER_REQUEST = 0.25
const SLAB_SPARSE_ENTRIES_PER_REQUEST = 0.75
/** One run-length entry of a keyframe: length Float64, state Uint8, owner Int32. */
const MAP_RUN_BYTES = 13
/** One metric sample: position Int32 and a Float64 per sampled metric. */
const SAMPLE_BYTES = 4 + 8 * SAMPLED_METRICS.length
/**
 * Slabs grown or reaped (each forces a keyframe), per request, allowed for
 * slab families: kmalloc of random sizes grows or reaps about once every 200.
 */
const SLAB_REKEYS_PER_REQUEST = 1 / 64
/** The peak tracker's per-handle table in a worker: two Float64 and one Uint8 per handle. */
const TRACKER_BYTES_PER_HANDLE = 17

/**
 * A string's characters as V8 keeps them: one byte each while every one is
 * Latin-1 (scenarios are mostly ASCII), two once any is not.
 */
export function textBytes(text: string): number {
  return /[^\u0000-\u00ff]/.test(text) ? 2 * text.length : text.length
}

/** The program's arrays and name tables. */
export function programBytes(program: CompiledProgram): number {
  let names = 0
  for (const name of program.handles) names += 32 + 2 * name.length
  for (const cache of program.caches) names += 96 + 2 * cache.name.length
  return program.code.byteLength + program.sizes.byteLength + program.lines.byteLength + names
}

/**
 * A generous guess at the timeline a recorded run of `program` will have:
 * the fixed records, a sparse allowance, the metric samples, and keyframes
 * that each list every live block with a free gap beside it. The guess is
 * only used until the run ends; then its real size counts.
 */
export function timelineBytesEstimate(
  program: CompiledProgram,
  family: AllocatorFamily,
  options: TimelineOptions
): number {
  const n = program.count
  const interval = Math.max(1, options.keyframeInterval)
  const stride = Math.max(1, options.metricStride)
  const runsPerKeyframe = 2 * Math.min(program.handles.length, n) + 3
  const slab = family.kind === 'slab'
  let keyframes = Math.ceil(n / interval) + 2
  if (slab) keyframes += slabRekeys(program)
  const sparse = slab ? SLAB_SPARSE_ENTRIES_PER_REQUEST : SPARSE_ENTRIES_PER_REQUEST
  return Math.ceil(
    n * (RECORD_BYTES + sparse * SPARSE_ENTRY_BYTES) +
      (Math.ceil(n / stride) + 2) * SAMPLE_BYTES +
      keyframes * (runsPerKeyframe * MAP_RUN_BYTES + 8)
  )
}

/** Requests after which a slab timeline takes a keyframe besides the regular ones. */
function slabRekeys(program: CompiledProgram): number {
  let structural = 0
  const code = program.code
  for (let c = 0; c < code.length; c += CODE_STRIDE) {
    const op = code[c]!
    if (
      op === Op.CacheCreate ||
      op === Op.CacheShrink ||
      op === Op.CacheDestroy ||
      op === Op.Realloc
    ) {
      structural++
    }
  }
  return structural + Math.ceil(program.count * SLAB_REKEYS_PER_REQUEST)
}

export interface ConfigPlan {
  readonly family: AllocatorFamily
  readonly values: OptionValues
}

/**
 * What one config holds from the moment it is queued until its worker ends:
 * its frame pool, the worker's copy of the program and peak table, and the
 * timeline the worker builds (sent back by transfer, so never twice).
 */
export function configReservation(
  program: CompiledProgram,
  plan: ConfigPlan,
  timeline: TimelineOptions | undefined
): number {
  return (
    CONFIG_OVERHEAD_BYTES +
    plan.family.poolBytes(plan.values, program) +
    programBytes(program) +
    program.handles.length * TRACKER_BYTES_PER_HANDLE +
    (timeline ? timelineBytesEstimate(program, plan.family, timeline) : 0)
  )
}

/** The final structures' tables (a free list can be long). */
export function finalStateBytes(final: FinalState): number {
  return (
    48 * (final.freeList?.length ?? 0) +
    8 * (final.buddyinfo?.length ?? 0) +
    160 * (final.slabinfo?.length ?? 0)
  )
}
