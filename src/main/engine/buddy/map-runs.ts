import { MapState as mapStates, type MapStateCode, type MapVisitor } from '../target'

const MapState = { ...mapStates }

/**
 * Joins touching pieces of the memory map that share a state and an owner,
 * so `walk` reports maximal runs however finely a family produces them.
 */
export class MapRunWriter {
  private start = 0
  private length = 0
  private state = -1
  private handle = -1

  constructor(private readonly visit: MapVisitor) {}

  add(start: number, length: number, state: MapStateCode, handle: number): void {
    if (length <= 0) return
    if (state === this.state && handle === this.handle && start === this.start + this.length) {
      this.length += length
      return
    }
    this.flush()
    this.start = start
    this.length = length
    this.state = state
    this.handle = handle
  }

  /** A free block, owned by no handle. */
  addFree(start: number, length: number): void {
    this.add(start, length, MapState.Free, -1)
  }

  /** A block `handle` holds: the `requested` bytes it asked for, then the rest as slack. */
  addHeld(start: number, length: number, requested: number, handle: number): void {
    const used = Math.min(requested, length)
    this.add(start, used, MapState.Used, handle)
    this.add(start + used, length - used, MapState.Slack, handle)
  }

  /** Report the last run; call once after the final `add`. */
  finish(): void {
    this.flush()
    this.state = -1
  }

  private flush(): void {
    if (this.state >= 0 && this.length > 0) {
      this.visit(this.start, this.length, this.state as MapStateCode, this.handle)
    }
  }
}
