import type { RequestOutcome } from './outcome'

/** Receives every request's outcome while a run records events. */
export interface EventSink {
  record(step: number, out: RequestOutcome): void
}

/**
 * One record per request, kept as typed-array columns (never an object per
 * event), so a long run's events cross the worker boundary as a few
 * transferable buffers. What was asked (op, handle, size) is not stored: it is
 * the program itself, at the same step.
 */
export interface EventColumns {
  /** Step of the first record (records are consecutive). */
  readonly first: number
  readonly count: number
  readonly status: Uint8Array
  readonly invalidReason: Uint8Array
  readonly addr: Float64Array
  readonly frame: Int32Array
  readonly requested: Float64Array
  readonly granted: Float64Array
  readonly examined: Int32Array
  readonly splits: Int32Array
  readonly merges: Int32Array
  readonly ctorCalls: Int32Array
  readonly ctorSaved: Int32Array
  readonly copied: Float64Array
}

type Column = Uint8Array | Int32Array | Float64Array

export class EventLog implements EventSink {
  private capacity: number
  private count = 0
  private first = -1
  private status: Uint8Array
  private invalidReason: Uint8Array
  private addr: Float64Array
  private frame: Int32Array
  private requested: Float64Array
  private granted: Float64Array
  private examined: Int32Array
  private splits: Int32Array
  private merges: Int32Array
  private ctorCalls: Int32Array
  private ctorSaved: Int32Array
  private copied: Float64Array

  constructor(expected = 1024) {
    this.capacity = Math.max(16, expected)
    const n = this.capacity
    this.status = new Uint8Array(n)
    this.invalidReason = new Uint8Array(n)
    this.addr = new Float64Array(n)
    this.frame = new Int32Array(n)
    this.requested = new Float64Array(n)
    this.granted = new Float64Array(n)
    this.examined = new Int32Array(n)
    this.splits = new Int32Array(n)
    this.merges = new Int32Array(n)
    this.ctorCalls = new Int32Array(n)
    this.ctorSaved = new Int32Array(n)
    this.copied = new Float64Array(n)
  }

  record(step: number, out: RequestOutcome): void {
    if (this.first < 0) this.first = step
    if (this.count === this.capacity) this.grow()
    const i = this.count++
    this.status[i] = out.status
    this.invalidReason[i] = out.invalidReason
    this.addr[i] = out.addr
    this.frame[i] = out.frame
    this.requested[i] = out.requested
    this.granted[i] = out.granted
    this.examined[i] = out.examined
    this.splits[i] = out.splits
    this.merges[i] = out.merges
    this.ctorCalls[i] = out.ctorCalls
    this.ctorSaved[i] = out.ctorSaved
    this.copied[i] = out.copied
  }

  /** The recorded columns trimmed to their length (fresh buffers, safe to transfer). */
  columns(): EventColumns {
    const n = this.count
    return {
      first: Math.max(0, this.first),
      count: n,
      status: this.status.slice(0, n),
      invalidReason: this.invalidReason.slice(0, n),
      addr: this.addr.slice(0, n),
      frame: this.frame.slice(0, n),
      requested: this.requested.slice(0, n),
      granted: this.granted.slice(0, n),
      examined: this.examined.slice(0, n),
      splits: this.splits.slice(0, n),
      merges: this.merges.slice(0, n),
      ctorCalls: this.ctorCalls.slice(0, n),
      ctorSaved: this.ctorSaved.slice(0, n),
      copied: this.copied.slice(0, n)
    }
  }

  private grow(): void {
    this.capacity *= 2
    this.status = enlarge(this.status, this.capacity)
    this.invalidReason = enlarge(this.invalidReason, this.capacity)
    this.addr = enlarge(this.addr, this.capacity)
    this.frame = enlarge(this.frame, this.capacity)
    this.requested = enlarge(this.requested, this.capacity)
    this.granted = enlarge(this.granted, this.capacity)
    this.examined = enlarge(this.examined, this.capacity)
    this.splits = enlarge(this.splits, this.capacity)
    this.merges = enlarge(this.merges, this.capacity)
    this.ctorCalls = enlarge(this.ctorCalls, this.capacity)
    this.ctorSaved = enlarge(this.ctorSaved, this.capacity)
    this.copied = enlarge(this.copied, this.capacity)
  }
}

function enlarge<T extends Column>(column: T, capacity: number): T {
  const bigger = new (column.constructor as new (length: number) => T)(capacity)
  bigger.set(column)
  return bigger
}

/** The buffers of `columns`, for a postMessage transfer list. */
export function eventBuffers(columns: EventColumns): ArrayBuffer[] {
  return [
    columns.status,
    columns.invalidReason,
    columns.addr,
    columns.frame,
    columns.requested,
    columns.granted,
    columns.examined,
    columns.splits,
    columns.merges,
    columns.ctorCalls,
    columns.ctorSaved,
    columns.copied
  ].map((column) => column.buffer as ArrayBuffer)
}
