/**
 * A copy of a frame pool's bytes that keeps only its non-zero words, as
 * spans. Allocator state is mostly zeros (an untouched arena, empty tables),
 * so checkpoints stay small, and restoring one is a fill plus a few copies.
 */
export interface PoolCheckpoint {
  /** Requests applied when the copy was taken. */
  readonly position: number
  readonly byteLength: number
  /** Pairs of (first word, word count). */
  readonly spans: Int32Array
  readonly words: Int32Array
}

export function takeCheckpoint(buffer: SharedArrayBuffer, position: number): PoolCheckpoint {
  const all = new Int32Array(buffer, 0, buffer.byteLength >> 2)
  const spans: number[] = []
  let total = 0
  let i = 0
  const n = all.length
  while (i < n) {
    while (i < n && all[i] === 0) i++
    if (i >= n) break
    const first = i
    // Short zero gaps stay inside a span: a span costs two words of its own.
    let zeros = 0
    while (i < n && zeros < 3) {
      zeros = all[i] === 0 ? zeros + 1 : 0
      i++
    }
    const length = i - zeros - first
    spans.push(first, length)
    total += length
  }
  const words = new Int32Array(total)
  let at = 0
  for (let s = 0; s < spans.length; s += 2) {
    words.set(all.subarray(spans[s]!, spans[s]! + spans[s + 1]!), at)
    at += spans[s + 1]!
  }
  return { position, byteLength: buffer.byteLength, spans: Int32Array.from(spans), words }
}

export function restoreCheckpoint(checkpoint: PoolCheckpoint, buffer: SharedArrayBuffer): void {
  const all = new Int32Array(buffer, 0, buffer.byteLength >> 2)
  all.fill(0)
  let at = 0
  const spans = checkpoint.spans
  for (let s = 0; s < spans.length; s += 2) {
    const length = spans[s + 1]!
    all.set(checkpoint.words.subarray(at, at + length), spans[s]!)
    at += length
  }
}

export function checkpointBytes(checkpoint: PoolCheckpoint): number {
  return checkpoint.spans.byteLength + checkpoint.words.byteLength
}
