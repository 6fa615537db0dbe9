import { MapRunBuilder, type MapRuns } from './map-runs'

/**
 * Changes to a memory map as an ordered list of paints (a later paint wins),
 * laid over a keyframe's runs in one sweep. Applying K requests costs
 * O(K log K) plus the keyframe's size, whatever the map's size.
 */
export class PaintLayer {
  private from = new Float64Array(1024)
  private to = new Float64Array(1024)
  private state = new Uint8Array(1024)
  private handle = new Int32Array(1024)
  private count = 0

  paint(start: number, length: number, state: number, handle: number): void {
    if (length <= 0) return
    if (this.count === this.from.length) this.grow()
    const i = this.count++
    this.from[i] = start
    this.to[i] = start + length
    this.state[i] = state
    this.handle[i] = handle
  }

  private grow(): void {
    const size = this.from.length * 2
    const from = new Float64Array(size)
    const to = new Float64Array(size)
    const state = new Uint8Array(size)
    const handle = new Int32Array(size)
    from.set(this.from)
    to.set(this.to)
    state.set(this.state)
    handle.set(this.handle)
    this.from = from
    this.to = to
    this.state = state
    this.handle = handle
  }

  /** The map `base` (contiguous runs from offset 0) with every paint applied. */
  compose(base: MapRuns): MapRuns {
    const paints = this.count
    const out = new MapRunBuilder()
    if (paints === 0) {
      for (let r = 0; r < base.count; r++) {
        out.add(base.start[r]!, base.length[r]!, base.state[r]!, base.handle[r]!)
      }
      return out.build()
    }
    // Elementary segments between every paint edge; each takes its last paint.
    const edges = new Float64Array(paints * 2)
    edges.set(this.from.subarray(0, paints))
    edges.set(this.to.subarray(0, paints), paints)
    edges.sort()
    let unique = 0
    for (let i = 0; i < edges.length; i++) {
      if (i === 0 || edges[i] !== edges[unique - 1]) edges[unique++] = edges[i]!
    }
    const bounds = edges.subarray(0, unique)
    const owner = new Int32Array(Math.max(0, unique - 1)).fill(-1)
    for (let p = 0; p < paints; p++) {
      const last = lowerBound(bounds, this.to[p]!)
      for (let s = lowerBound(bounds, this.from[p]!); s < last; s++) owner[s] = p
    }
    // Sweep the base runs and the segments together in address order.
    let r = 0
    let position = base.count > 0 ? base.start[0]! : 0
    const end = base.count > 0 ? base.start[base.count - 1]! + base.length[base.count - 1]! : 0
    const emitBase = (until: number): void => {
      while (r < base.count && position < until) {
        const runEnd = base.start[r]! + base.length[r]!
        const stop = Math.min(runEnd, until)
        if (stop > position) out.add(position, stop - position, base.state[r]!, base.handle[r]!)
        position = Math.max(position, stop)
        if (runEnd <= until) r++
      }
      position = Math.max(position, until)
    }
    for (let s = 0; s < owner.length; s++) {
      const p = owner[s]!
      if (p < 0) continue
      const segFrom = bounds[s]!
      const segTo = bounds[s + 1]!
      emitBase(segFrom)
      out.add(segFrom, segTo - segFrom, this.state[p]!, this.handle[p]!)
      skipBase(segTo)
    }
    emitBase(end)
    return out.build()

    function skipBase(until: number): void {
      while (r < base.count && base.start[r]! + base.length[r]! <= until) r++
      position = Math.max(position, until)
    }
  }
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
