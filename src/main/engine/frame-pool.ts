/**
 * The frame pool: one SharedArrayBuffer holding a run's whole allocator state.
 *
 * Layout (byte offsets):
 *   0 .. HEADER_BYTES      header, Int32 words (index constants below)
 *   HEADER_BYTES ..        regions carved by the allocator family, each
 *                          8-byte aligned, in the order the family asks
 *
 * Who writes what:
 *   - the worker writes everything except CANCEL;
 *   - the host writes CANCEL only (Atomics.store 1 to ask the worker to stop);
 *   - the host reads DONE/TOTAL/STATUS with Atomics.load at any time; each is
 *     at most one progress interval stale.
 * Consistent reads of the published metrics block use the seqlock in SEQ: the
 * worker makes SEQ odd, writes the block, makes it even again. A reader that
 * sees SEQ odd, or a different SEQ after reading, retries.
 */

export const POOL_MAGIC = 0x414c4c43 // "ALLC"
export const POOL_LAYOUT_VERSION = 1

/** Int32 word indexes in the header. */
export const Header = {
  MAGIC: 0,
  LAYOUT_VERSION: 1,
  SEQ: 2,
  STATUS: 3,
  CANCEL: 4,
  DONE: 5,
  TOTAL: 6,
  FAMILY: 7,
  /** Bytes carved for regions so far (allocator metadata + arena). */
  CARVED: 8,
  /** Float64 index (not Int32) where the published metrics block starts. */
  METRICS_F64: 8,
  /** Number of Float64 slots in the metrics block. */
  METRICS_SLOTS: 16
} as const

/** Run status values in Header.STATUS. */
export const PoolStatus = {
  Idle: 0,
  Running: 1,
  Done: 2,
  Cancelled: 3,
  Failed: 4
} as const
export type PoolStatusCode = (typeof PoolStatus)[keyof typeof PoolStatus]

/** 64 bytes of Int32 words, then 16 Float64 metric slots. */
export const HEADER_BYTES = 64 + Header.METRICS_SLOTS * 8

/** Every region starts on an 8-byte boundary, so any typed array can view it. */
export const REGION_ALIGN = 8

export class FramePool {
  readonly buffer: SharedArrayBuffer
  readonly header: Int32Array
  private readonly metricsView: Float64Array
  private carved: number

  private constructor(buffer: SharedArrayBuffer, fresh: boolean) {
    this.buffer = buffer
    this.header = new Int32Array(buffer, 0, 16)
    this.metricsView = new Float64Array(buffer, 0, HEADER_BYTES / 8)
    if (fresh) {
      this.header[Header.MAGIC] = POOL_MAGIC
      this.header[Header.LAYOUT_VERSION] = POOL_LAYOUT_VERSION
      this.header[Header.CARVED] = HEADER_BYTES
    } else if (this.header[Header.MAGIC] !== POOL_MAGIC) {
      throw new Error('Not a frame pool: bad magic number')
    } else if (this.header[Header.LAYOUT_VERSION] !== POOL_LAYOUT_VERSION) {
      throw new Error(
        `Frame pool layout ${this.header[Header.LAYOUT_VERSION]} is not the supported layout ${POOL_LAYOUT_VERSION}`
      )
    }
    this.carved = HEADER_BYTES
  }

  /** Bytes a pool needs for the given region sizes (each rounded up to the region alignment). */
  static bytesFor(regionBytes: readonly number[]): number {
    let total = HEADER_BYTES
    for (const bytes of regionBytes) total += alignUp(bytes, REGION_ALIGN)
    return total
  }

  static create(totalBytes: number): FramePool {
    return new FramePool(new SharedArrayBuffer(alignUp(totalBytes, REGION_ALIGN)), true)
  }

  /** Attach to a pool made elsewhere (the other side of a worker boundary). */
  static attach(buffer: SharedArrayBuffer): FramePool {
    return new FramePool(buffer, false)
  }

  /**
   * Hand out the next region. Families carve in a fixed order, so attaching
   * with the same config and carving again yields the same views.
   */
  carve(bytes: number): number {
    const offset = this.carved
    const next = offset + alignUp(bytes, REGION_ALIGN)
    if (next > this.buffer.byteLength) {
      throw new RangeError(
        `Frame pool too small: need ${next} bytes, have ${this.buffer.byteLength}`
      )
    }
    this.carved = next
    this.header[Header.CARVED] = next
    return offset
  }

  int32(count: number): Int32Array {
    return new Int32Array(this.buffer, this.carve(count * 4), count)
  }
  float64(count: number): Float64Array {
    return new Float64Array(this.buffer, this.carve(count * 8), count)
  }
  uint8(count: number): Uint8Array {
    return new Uint8Array(this.buffer, this.carve(count), count)
  }
  int8(count: number): Int8Array {
    return new Int8Array(this.buffer, this.carve(count), count)
  }
  uint16(count: number): Uint16Array {
    return new Uint16Array(this.buffer, this.carve(count * 2), count)
  }

  /** Bytes carved beyond the header. */
  get regionBytes(): number {
    return this.carved - HEADER_BYTES
  }

  // --- written by the worker ---------------------------------------------

  setStatus(status: PoolStatusCode): void {
    Atomics.store(this.header, Header.STATUS, status)
    Atomics.notify(this.header, Header.STATUS)
  }
  setTotal(total: number): void {
    Atomics.store(this.header, Header.TOTAL, total)
  }
  setDone(done: number): void {
    Atomics.store(this.header, Header.DONE, done)
  }
  /** Publish up to METRICS_SLOTS numbers under the seqlock. */
  publishMetrics(values: ArrayLike<number>): void {
    const seq = Atomics.add(this.header, Header.SEQ, 1) + 1 // now odd
    const n = Math.min(values.length, Header.METRICS_SLOTS)
    for (let i = 0; i < n; i++) this.metricsView[Header.METRICS_F64 + i] = values[i]!
    Atomics.store(this.header, Header.SEQ, seq + 1)
  }
  cancelRequested(): boolean {
    return Atomics.load(this.header, Header.CANCEL) !== 0
  }

  // --- read by the host --------------------------------------------------

  requestCancel(): void {
    Atomics.store(this.header, Header.CANCEL, 1)
  }
  get status(): PoolStatusCode {
    return Atomics.load(this.header, Header.STATUS) as PoolStatusCode
  }
  get done(): number {
    return Atomics.load(this.header, Header.DONE)
  }
  get total(): number {
    return Atomics.load(this.header, Header.TOTAL)
  }
  /** A consistent copy of the published metrics block (retries while the worker writes). */
  readMetrics(into: Float64Array = new Float64Array(Header.METRICS_SLOTS)): Float64Array {
    for (;;) {
      const before = Atomics.load(this.header, Header.SEQ)
      if ((before & 1) === 0) {
        for (let i = 0; i < into.length && i < Header.METRICS_SLOTS; i++) {
          into[i] = this.metricsView[Header.METRICS_F64 + i]!
        }
        if (Atomics.load(this.header, Header.SEQ) === before) return into
      }
    }
  }
}

export function alignUp(value: number, align: number): number {
  return Math.ceil(value / align) * align
}
