/**
 * One binary layout for the typed arrays the library stores (a timeline's
 * columns, a compiled program's): a 4-byte magic, the header's length
 * (Uint32, little-endian), the header as JSON, then each column's bytes in
 * order, every part padded to 8 bytes so a column can be viewed in place.
 * Column byte lengths are in the header; the total must match exactly.
 * Typed arrays are stored in the machine's byte order, little-endian on
 * every machine AllocLab runs on (x64, arm64).
 *
 * A column is written either as its bytes (`columns`, the first layout) or
 * as byte planes (`byte-planes`): the first byte of every value, then the
 * second byte of every value, and so on. The numbers a run records are
 * mostly small, so their high planes are long runs of zeros and their low
 * planes repeat; zlib with its run-length strategy then compresses a
 * timeline to about five sixths of the size in less than half the time.
 * Each plane is padded to 8 bytes too (the header keeps the column's own
 * byte length), so planes are read and written four values at a time.
 * Which layout a buffer uses is its magic's business (see the codecs).
 */

const ALIGN = 8
const HEADER_AT = 8

export type ColumnLayout = 'columns' | 'byte-planes'

/** A typed array of 1-, 2-, 4- or 8-byte values. */
export type PackedColumn = ArrayBufferView & { readonly BYTES_PER_ELEMENT: number }

export class PackError extends Error {
  override name = 'PackError'
}

function padded(length: number): number {
  return Math.ceil(length / ALIGN) * ALIGN
}

/** The bytes a column of `length` bytes of `width`-byte values takes in `layout`, padding included. */
function storedBytes(length: number, width: number, layout: ColumnLayout): number {
  if (layout === 'columns' || width === 1) return padded(length)
  return width * padded(length / width)
}

export function packColumns(
  magic: string,
  header: Readonly<Record<string, unknown>>,
  columns: readonly PackedColumn[],
  layout: ColumnLayout
): Buffer {
  const headerBytes = Buffer.from(
    JSON.stringify({ ...header, columnBytes: columns.map((c) => c.byteLength) }),
    'utf8'
  )
  let total = padded(HEADER_AT + headerBytes.length)
  for (const column of columns) {
    total += storedBytes(column.byteLength, column.BYTES_PER_ELEMENT, layout)
  }
  const out = Buffer.alloc(total)
  out.write(magic, 0, 4, 'latin1')
  out.writeUInt32LE(headerBytes.length, 4)
  headerBytes.copy(out, HEADER_AT)
  let at = padded(HEADER_AT + headerBytes.length)
  for (const column of columns) {
    const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength)
    const width = column.BYTES_PER_ELEMENT
    if (layout === 'byte-planes') writePlanes(bytes, width, out, at)
    else out.set(bytes, at)
    at += storedBytes(column.byteLength, width, layout)
  }
  return out
}

export interface UnpackedColumns {
  /** The header as stored (its `columnBytes` checked against the bytes that follow). */
  readonly header: Record<string, unknown>
  /** Each column's bytes, copied into an ArrayBuffer of its own. */
  readonly columns: readonly ArrayBuffer[]
}

/** The magic `bytes` start with (four Latin-1 characters), to tell a codec's layouts apart. */
export function packedMagic(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(4, bytes.byteLength)).toString(
    'latin1'
  )
}

/**
 * The header and columns of `bytes`, or a PackError saying what is wrong
 * with them. `widths` gives each expected column's value width in bytes,
 * which byte planes need to be put back together.
 */
export function unpackColumns(
  magic: string,
  bytes: Uint8Array,
  widths: readonly number[],
  layout: ColumnLayout
): UnpackedColumns {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.length < HEADER_AT || view.toString('latin1', 0, 4) !== magic) {
    throw new PackError(`does not start with "${magic}"`)
  }
  const headerLength = view.readUInt32LE(4)
  if (HEADER_AT + headerLength > view.length) throw new PackError('the header is cut short')
  let header: unknown
  try {
    header = JSON.parse(view.toString('utf8', HEADER_AT, HEADER_AT + headerLength))
  } catch {
    throw new PackError('the header is not JSON')
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    throw new PackError('the header is not an object')
  }
  const lengths = (header as { columnBytes?: unknown }).columnBytes
  if (
    !Array.isArray(lengths) ||
    lengths.length !== widths.length ||
    !lengths.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
  ) {
    throw new PackError(`the header does not list ${widths.length} column lengths`)
  }
  let at = padded(HEADER_AT + headerLength)
  const columns: ArrayBuffer[] = []
  ;(lengths as number[]).forEach((length, index) => {
    const width = widths[index]!
    if (length % width !== 0) throw new PackError(`column ${index} does not hold whole values`)
    const span = storedBytes(length, width, layout)
    if (at + span > view.length) throw new PackError('a column is cut short')
    const copy = new ArrayBuffer(length)
    if (layout === 'byte-planes') readPlanes(view.subarray(at, at + span), width, copy)
    else new Uint8Array(copy).set(view.subarray(at, at + length))
    columns.push(copy)
    at += span
  })
  if (at !== view.length) throw new PackError('there are bytes after the last column')
  return { header: header as Record<string, unknown>, columns }
}

/**
 * `bytes` (values of `width` bytes) into `out` at `at` as byte planes, each
 * padded to 8 bytes. Four values at a time, each read whole and each plane
 * written a word at a time: byte by byte took three times as long on a
 * million-request timeline. An 8-byte value is two 4-byte words, low word
 * first (little-endian).
 */
function writePlanes(bytes: Uint8Array, width: number, out: Uint8Array, at: number): void {
  if (width === 1) {
    out.set(bytes, at)
    return
  }
  const n = bytes.byteLength / width
  const plane = padded(n)
  const planes = aligned(out, at, width * plane)
  if (width === 2) {
    const values = new Uint16Array(bytes.buffer, bytes.byteOffset, n)
    for (let i = 0; i < n; i++) {
      const v = values[i]!
      planes.bytes[i] = v
      planes.bytes[plane + i] = v >>> 8
    }
  } else if (width === 4 || width === 8) {
    const step = width / 4
    const values = new Uint32Array(bytes.buffer, bytes.byteOffset, n * step)
    const words = planes.words
    const wordsPerPlane = plane / 4
    const whole = n >>> 2
    for (let w = 0; w < step; w++) {
      const q0 = 4 * w * wordsPerPlane
      const q1 = q0 + wordsPerPlane
      const q2 = q1 + wordsPerPlane
      const q3 = q2 + wordsPerPlane
      for (let j = 0; j < whole; j++) {
        const i = 4 * j * step + w
        const a = values[i]!
        const b = values[i + step]!
        const c = values[i + 2 * step]!
        const d = values[i + 3 * step]!
        words[q0 + j] = (a & 255) | ((b & 255) << 8) | ((c & 255) << 16) | (d << 24)
        words[q1 + j] =
          ((a >>> 8) & 255) |
          (((b >>> 8) & 255) << 8) |
          (((c >>> 8) & 255) << 16) |
          ((d >>> 8) << 24)
        words[q2 + j] =
          ((a >>> 16) & 255) |
          (((b >>> 16) & 255) << 8) |
          (((c >>> 16) & 255) << 16) |
          ((d >>> 16) << 24)
        words[q3 + j] = (a >>> 24) | ((b >>> 24) << 8) | ((c >>> 24) << 16) | ((d >>> 24) << 24)
      }
      for (let i = whole * 4; i < n; i++) {
        const v = values[i * step + w]!
        for (let k = 0; k < 4; k++) planes.bytes[(4 * w + k) * plane + i] = v >>> (8 * k)
      }
    }
  } else {
    throw new Error(`no byte planes for ${width}-byte values`)
  }
  planes.done()
}

/** The inverse of writePlanes: the padded byte planes `stored` back into values in `into`. */
function readPlanes(stored: Uint8Array, width: number, into: ArrayBuffer): void {
  if (width === 1) {
    new Uint8Array(into).set(stored.subarray(0, into.byteLength))
    return
  }
  const n = into.byteLength / width
  const plane = padded(n)
  const planes = aligned(stored, 0, stored.byteLength, true)
  const bytes = planes.bytes
  if (width === 2) {
    const values = new Uint16Array(into)
    for (let i = 0; i < n; i++) values[i] = bytes[i]! | (bytes[plane + i]! << 8)
  } else if (width === 4 || width === 8) {
    const step = width / 4
    const values = new Uint32Array(into)
    const words = planes.words
    const wordsPerPlane = plane / 4
    const whole = n >>> 2
    for (let w = 0; w < step; w++) {
      const q0 = 4 * w * wordsPerPlane
      const q1 = q0 + wordsPerPlane
      const q2 = q1 + wordsPerPlane
      const q3 = q2 + wordsPerPlane
      for (let j = 0; j < whole; j++) {
        const p0 = words[q0 + j]!
        const p1 = words[q1 + j]!
        const p2 = words[q2 + j]!
        const p3 = words[q3 + j]!
        const i = 4 * j * step + w
        values[i] = (p0 & 255) | ((p1 & 255) << 8) | ((p2 & 255) << 16) | (p3 << 24)
        values[i + step] =
          ((p0 >>> 8) & 255) |
          (((p1 >>> 8) & 255) << 8) |
          (((p2 >>> 8) & 255) << 16) |
          ((p3 >>> 8) << 24)
        values[i + 2 * step] =
          ((p0 >>> 16) & 255) |
          (((p1 >>> 16) & 255) << 8) |
          (((p2 >>> 16) & 255) << 16) |
          ((p3 >>> 16) << 24)
        values[i + 3 * step] =
          (p0 >>> 24) | ((p1 >>> 24) << 8) | ((p2 >>> 24) << 16) | ((p3 >>> 24) << 24)
      }
      for (let i = whole * 4; i < n; i++) {
        let v = 0
        for (let k = 0; k < 4; k++) v |= bytes[(4 * w + k) * plane + i]! << (8 * k)
        values[i * step + w] = v
      }
    }
  } else {
    throw new PackError(`no byte planes for ${width}-byte values`)
  }
}

/**
 * `length` bytes of `buffer` from `at`, as bytes and as 4-byte words. A
 * word view needs a 4-aligned start; the rare buffer that does not have one
 * is worked on in an aligned copy (written back by `done` unless `readOnly`).
 */
function aligned(
  buffer: Uint8Array,
  at: number,
  length: number,
  readOnly = false
): { bytes: Uint8Array; words: Uint32Array; done: () => void } {
  const start = buffer.byteOffset + at
  if (start % 4 === 0) {
    return {
      bytes: new Uint8Array(buffer.buffer, start, length),
      words: new Uint32Array(buffer.buffer, start, length / 4),
      done: () => {}
    }
  }
  // A copy of its own (a Buffer's slice would be a view of the same memory).
  const copy = new Uint8Array(length)
  copy.set(buffer.subarray(at, at + length))
  return {
    bytes: copy,
    words: new Uint32Array(copy.buffer, 0, length / 4),
    done: readOnly ? () => {} : () => buffer.set(copy, at)
  }
}
