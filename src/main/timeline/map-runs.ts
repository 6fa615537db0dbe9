/** A memory map as columns of maximal runs in address order (offsets from the pool start). */
export interface MapRuns {
  readonly count: number
  readonly start: Float64Array
  readonly length: Float64Array
  readonly state: Uint8Array
  readonly handle: Int32Array
}

/** Collects runs, joining touching pieces that share a state and an owner. */
export class MapRunBuilder {
  private start: number[] = []
  private length: number[] = []
  private state: number[] = []
  private handle: number[] = []

  add(start: number, length: number, state: number, handle: number): void {
    if (length <= 0) return
    const last = this.start.length - 1
    if (
      last >= 0 &&
      this.state[last] === state &&
      this.handle[last] === handle &&
      this.start[last]! + this.length[last]! === start
    ) {
      this.length[last]! += length
      return
    }
    this.start.push(start)
    this.length.push(length)
    this.state.push(state)
    this.handle.push(handle)
  }

  build(): MapRuns {
    return {
      count: this.start.length,
      start: Float64Array.from(this.start),
      length: Float64Array.from(this.length),
      state: Uint8Array.from(this.state),
      handle: Int32Array.from(this.handle)
    }
  }
}
