type Column = Uint8Array | Int32Array | Float64Array

/** A typed array that doubles when full and is trimmed to its length at the end. */
export class Growable<T extends Column> {
  private data: T
  length = 0

  constructor(
    private readonly make: (capacity: number) => T,
    capacity = 256
  ) {
    this.data = make(Math.max(16, capacity))
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  /** A trimmed copy with its own buffer, safe to transfer. */
  trimmed(): T {
    return this.data.slice(0, this.length) as T
  }
}
