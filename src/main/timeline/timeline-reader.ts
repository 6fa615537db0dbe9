import type { CompiledProgram } from '@shared/scenario/program'
import {
  EventFlag,
  NIBBLE_ESCAPE,
  SparseField,
  U16_ESCAPE,
  U32_ESCAPE,
  type SparseFieldCode,
  type TimelineBuffers
} from './timeline-format'
import type { MapRuns } from './map-runs'

/** One request's record, decoded. */
export interface DecodedEvent {
  status: number
  invalidReason: number
  object: boolean
  opaque: boolean
  addr: number
  frame: number
  requested: number
  granted: number
  examined: number
  splits: number
  merges: number
  ctorCalls: number
  ctorSaved: number
  workUnits: number
  slabsGrown: number
  slabsReaped: number
  copied: number
}

export function emptyEvent(): DecodedEvent {
  return {
    status: 0,
    invalidReason: 0,
    object: false,
    opaque: false,
    addr: -1,
    frame: -1,
    requested: 0,
    granted: 0,
    examined: 0,
    splits: 0,
    merges: 0,
    ctorCalls: 0,
    ctorSaved: 0,
    workUnits: 0,
    slabsGrown: 0,
    slabsReaped: 0,
    copied: 0
  }
}

/** Random access to a recorded timeline: events, keyframes and samples. */
export class TimelineReader {
  constructor(
    readonly timeline: TimelineBuffers,
    readonly program: CompiledProgram
  ) {}

  get count(): number {
    return this.timeline.count
  }

  status(step: number): number {
    return this.timeline.flags[step]! & EventFlag.STATUS_MASK
  }

  addr(step: number): number {
    return this.u32(step, this.timeline.addr[step]!, SparseField.Addr)
  }
  granted(step: number): number {
    return this.u32(step, this.timeline.granted[step]!, SparseField.Granted)
  }
  requested(step: number): number {
    return this.u32(step, this.timeline.requested[step]!, SparseField.Requested)
  }
  isObject(step: number): boolean {
    return (this.timeline.flags[step]! & EventFlag.OBJECT) !== 0
  }
  examined(step: number): number {
    const stored = this.timeline.examined[step]!
    return stored === U16_ESCAPE ? this.sparse(step, SparseField.Examined, 0) : stored
  }

  /** Decode request `step` into `into` (reused by callers that walk many events). */
  decode(step: number, into: DecodedEvent = emptyEvent()): DecodedEvent {
    const t = this.timeline
    const flags = t.flags[step]!
    into.status = flags & EventFlag.STATUS_MASK
    into.invalidReason = (flags & EventFlag.REASON_MASK) >> EventFlag.REASON_SHIFT
    into.object = (flags & EventFlag.OBJECT) !== 0
    into.opaque = (flags & EventFlag.OPAQUE) !== 0
    into.addr = this.addr(step)
    into.granted = this.granted(step)
    into.requested = this.requested(step)
    into.examined = this.examined(step)
    const packed = t.splitMerge[step]!
    into.splits =
      (packed & 0x0f) === NIBBLE_ESCAPE ? this.sparse(step, SparseField.Splits, 0) : packed & 0x0f
    into.merges =
      packed >> 4 === NIBBLE_ESCAPE ? this.sparse(step, SparseField.Merges, 0) : packed >> 4
    const page =
      t.geometry.kind === 'pages' || t.geometry.kind === 'slab' ? t.geometry.pageBytes : 0
    into.frame = page > 0 && into.addr >= 0 ? Math.floor(into.addr / page) : -1
    into.ctorCalls = 0
    into.ctorSaved = 0
    into.workUnits = 0
    into.slabsGrown = 0
    into.slabsReaped = 0
    into.copied = 0
    for (let s = this.firstSparse(step); s < t.sparseStep.length && t.sparseStep[s] === step; s++) {
      const value = t.sparseValue[s]!
      switch (t.sparseField[s]) {
        case SparseField.Frame:
          into.frame = value
          break
        case SparseField.CtorCalls:
          into.ctorCalls = value
          break
        case SparseField.CtorSaved:
          into.ctorSaved = value
          break
        case SparseField.WorkUnits:
          into.workUnits = value
          break
        case SparseField.SlabsGrown:
          into.slabsGrown = value
          break
        case SparseField.SlabsReaped:
          into.slabsReaped = value
          break
        case SparseField.Copied:
          into.copied = value
          break
        default:
      }
    }
    return into
  }

  /** Index of the last keyframe taken after at most `position` requests. */
  keyframeAtOrBefore(position: number): number {
    const keys = this.timeline.keyPosition
    let lo = 0
    let hi = keys.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (keys[mid]! <= position) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  keyframeRuns(index: number): MapRuns {
    const t = this.timeline
    const from = t.keyRunStart[index]!
    const to = t.keyRunStart[index + 1]!
    const count = to - from
    const start = new Float64Array(count)
    let offset = 0
    for (let r = 0; r < count; r++) {
      start[r] = offset
      offset += t.runLength[from + r]!
    }
    return {
      count,
      start,
      length: t.runLength.slice(from, to),
      state: t.runState.slice(from, to),
      handle: t.runHandle.slice(from, to)
    }
  }

  private u32(step: number, stored: number, field: SparseFieldCode): number {
    return stored === U32_ESCAPE ? this.sparse(step, field, 0) : stored - 1
  }

  private sparse(step: number, field: SparseFieldCode, fallback: number): number {
    const t = this.timeline
    for (let s = this.firstSparse(step); s < t.sparseStep.length && t.sparseStep[s] === step; s++) {
      if (t.sparseField[s] === field) return t.sparseValue[s]!
    }
    return fallback
  }

  private firstSparse(step: number): number {
    const steps = this.timeline.sparseStep
    let lo = 0
    let hi = steps.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (steps[mid]! < step) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
