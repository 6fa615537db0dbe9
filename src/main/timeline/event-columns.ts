import type { EventColumns } from '../engine/event-log'
import { emptyEvent, type TimelineReader } from './timeline-reader'

/** The engine's EventColumns for requests [0, count), decoded from a timeline. */
export function eventColumnsOf(reader: TimelineReader): EventColumns {
  const n = reader.count
  const columns = {
    first: 0,
    count: n,
    status: new Uint8Array(n),
    invalidReason: new Uint8Array(n),
    addr: new Float64Array(n),
    frame: new Int32Array(n),
    requested: new Float64Array(n),
    granted: new Float64Array(n),
    examined: new Int32Array(n),
    splits: new Int32Array(n),
    merges: new Int32Array(n),
    ctorCalls: new Int32Array(n),
    ctorSaved: new Int32Array(n),
    copied: new Float64Array(n)
  }
  const e = emptyEvent()
  for (let i = 0; i < n; i++) {
    reader.decode(i, e)
    columns.status[i] = e.status
    columns.invalidReason[i] = e.invalidReason
    columns.addr[i] = e.addr
    columns.frame[i] = e.frame
    columns.requested[i] = e.requested
    columns.granted[i] = e.granted
    columns.examined[i] = e.examined
    columns.splits[i] = e.splits
    columns.merges[i] = e.merges
    columns.ctorCalls[i] = e.ctorCalls
    columns.ctorSaved[i] = e.ctorSaved
    columns.copied[i] = e.copied
  }
  return columns
}
