import { CODE_STRIDE, type CompiledProgram } from '@shared/scenario/program'
import type { EventSink } from '../engine/event-sink'
import type { RequestOutcome } from '../engine/outcome'
import type { PeakTracker } from '../engine/peak-tracker'
import { MetricsSnapshot, type MapStateCode, type ScenarioTarget } from '../engine/target'
import { Growable } from './growable'
import { recordHooksFor, type RecordHooks } from './record-hooks'
import {
  EventFlag,
  NIBBLE_ESCAPE,
  SparseField,
  TIMELINE_FORMAT_VERSION,
  U16_ESCAPE,
  U32_ESCAPE,
  type SparseFieldCode,
  type TimelineBuffers,
  type TimelineOptions
} from './timeline-format'

const OPAQUE = EventFlag.OPAQUE
const REASON_SHIFT = EventFlag.REASON_SHIFT
const U32_MAX_STORED = U32_ESCAPE - 1

/**
 * Records a run's timeline inside the engine worker (see timeline-format.ts).
 * The per-request columns are sized for the whole program up front, so the
 * hot path writes six array slots and allocates nothing.
 */
export class TimelineRecorder implements EventSink {
  private readonly hooks: RecordHooks
  private readonly code: Int32Array
  private readonly interval: number
  private readonly stride: number
  private count = 0
  private readonly flags: Uint8Array
  private readonly splitMerge: Uint8Array
  private readonly examined: Uint16Array
  private readonly addr: Uint32Array
  private readonly granted: Uint32Array
  private readonly requested: Uint32Array
  private readonly sparseStep = new Growable((n) => new Int32Array(n))
  private readonly sparseField = new Growable((n) => new Uint8Array(n))
  private readonly sparseValue = new Growable((n) => new Float64Array(n))
  private readonly keyPosition = new Growable((n) => new Int32Array(n))
  private readonly keyRunStart = new Growable((n) => new Int32Array(n))
  private readonly runLength = new Growable((n) => new Float64Array(n), 4096)
  private readonly runState = new Growable((n) => new Uint8Array(n), 4096)
  private readonly runHandle = new Growable((n) => new Int32Array(n), 4096)
  private readonly samplePosition = new Growable((n) => new Int32Array(n))
  private readonly sampleValue = new Growable((n) => new Float64Array(n))
  private readonly snapshot = new MetricsSnapshot()
  private readonly visitRun = (
    _start: number,
    length: number,
    state: MapStateCode,
    handle: number
  ): void => {
    this.runLength.push(length)
    this.runState.push(state)
    this.runHandle.push(handle)
  }

  constructor(
    private readonly target: ScenarioTarget,
    program: CompiledProgram,
    readonly options: TimelineOptions,
    /** Told each sample, so the summary's structure peaks are the charts' highest points. */
    private readonly peaks?: PeakTracker
  ) {
    this.hooks = recordHooksFor(target)
    this.code = program.code
    this.interval = Math.max(1, options.keyframeInterval)
    this.stride = Math.max(1, options.metricStride)
    const n = program.count
    this.flags = new Uint8Array(n)
    this.splitMerge = new Uint8Array(n)
    this.examined = new Uint16Array(n)
    this.addr = new Uint32Array(n)
    this.granted = new Uint32Array(n)
    this.requested = new Uint32Array(n)
    this.keyframe(0)
    this.sample(0)
  }

  record(step: number, out: RequestOutcome): void {
    const i = this.count
    if (step !== i) throw new RangeError(`timeline: request ${step} recorded out of order`)
    const flags =
      out.status |
      (out.invalidReason << REASON_SHIFT) |
      this.hooks.flagsFor(this.code[i * CODE_STRIDE]!, out)
    this.flags[i] = flags
    this.addr[i] = this.u32(i, SparseField.Addr, out.addr + 1)
    this.granted[i] = this.u32(i, SparseField.Granted, out.granted + 1)
    this.requested[i] = this.u32(i, SparseField.Requested, out.requested + 1)
    const examined = out.examined
    if (examined >= 0 && examined < U16_ESCAPE) this.examined[i] = examined
    else {
      this.examined[i] = U16_ESCAPE
      this.sparse(i, SparseField.Examined, examined)
    }
    let splits = out.splits
    let merges = out.merges
    if (splits < 0 || splits >= NIBBLE_ESCAPE) {
      this.sparse(i, SparseField.Splits, splits)
      splits = NIBBLE_ESCAPE
    }
    if (merges < 0 || merges >= NIBBLE_ESCAPE) {
      this.sparse(i, SparseField.Merges, merges)
      merges = NIBBLE_ESCAPE
    }
    this.splitMerge[i] = splits | (merges << 4)
    const page = this.hooks.pageBytes
    const derivedFrame = page > 0 && out.addr >= 0 ? Math.floor(out.addr / page) : -1
    if (out.frame !== derivedFrame) this.sparse(i, SparseField.Frame, out.frame)
    if (out.ctorCalls !== 0) this.sparse(i, SparseField.CtorCalls, out.ctorCalls)
    if (out.ctorSaved !== 0) this.sparse(i, SparseField.CtorSaved, out.ctorSaved)
    if (out.workUnits !== 0) this.sparse(i, SparseField.WorkUnits, out.workUnits)
    if (out.slabsGrown !== 0) this.sparse(i, SparseField.SlabsGrown, out.slabsGrown)
    if (out.slabsReaped !== 0) this.sparse(i, SparseField.SlabsReaped, out.slabsReaped)
    if (out.copied !== 0) this.sparse(i, SparseField.Copied, out.copied)
    const position = ++this.count
    if ((flags & OPAQUE) !== 0 || position % this.interval === 0) this.keyframe(position)
    if (position % this.stride === 0) this.sample(position)
  }

  /** The recorded timeline, trimmed; its buffers are this recorder's no longer. */
  finish(): TimelineBuffers {
    const n = this.count
    if (n % this.stride !== 0) this.sample(n)
    this.keyRunStart.push(this.runLength.length)
    const cut = <T extends Uint8Array | Uint16Array | Uint32Array>(column: T): T =>
      (n === column.length ? column : column.slice(0, n)) as T
    return {
      version: TIMELINE_FORMAT_VERSION,
      count: n,
      options: { keyframeInterval: this.interval, metricStride: this.stride },
      geometry: this.hooks.geometry,
      flags: cut(this.flags),
      splitMerge: cut(this.splitMerge),
      examined: cut(this.examined),
      addr: cut(this.addr),
      granted: cut(this.granted),
      requested: cut(this.requested),
      sparseStep: this.sparseStep.trimmed(),
      sparseField: this.sparseField.trimmed(),
      sparseValue: this.sparseValue.trimmed(),
      keyPosition: this.keyPosition.trimmed(),
      keyRunStart: this.keyRunStart.trimmed(),
      runLength: this.runLength.trimmed(),
      runState: this.runState.trimmed(),
      runHandle: this.runHandle.trimmed(),
      samplePosition: this.samplePosition.trimmed(),
      sampleValue: this.sampleValue.trimmed()
    }
  }

  private u32(step: number, field: SparseFieldCode, value: number): number {
    if (value >= 0 && value <= U32_MAX_STORED && value === Math.floor(value)) return value
    this.sparse(step, field, value - 1)
    return U32_ESCAPE
  }

  private sparse(step: number, field: SparseFieldCode, value: number): void {
    this.sparseStep.push(step)
    this.sparseField.push(field)
    this.sparseValue.push(value)
  }

  private keyframe(position: number): void {
    this.keyPosition.push(position)
    this.keyRunStart.push(this.runLength.length)
    this.target.walk(this.visitRun)
  }

  private sample(position: number): void {
    const s = this.snapshot
    this.target.metrics(s)
    this.samplePosition.push(position)
    this.sampleValue.push(s.freeBytes)
    this.sampleValue.push(s.freeBlocks)
    this.sampleValue.push(s.largestFree)
    this.sampleValue.push(s.metadataBytes)
    this.sampleValue.push(s.highWater)
    this.peaks?.lookAt(s, position, false)
  }
}
