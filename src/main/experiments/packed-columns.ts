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
  for (const column of columns) total += padded(column.byteLength)
  const out = Buffer.alloc(total)
  out.write(magic, 0, 4, 'latin1')
  out.writeUInt32LE(headerBytes.length, 4)
  headerBytes.copy(out, HEADER_AT)
  let at = padded(HEADER_AT + headerBytes.length)
  for (const column of columns) {
    const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength)
    if (layout === 'byte-planes') writePlanes(bytes, column.BYTES_PER_ELEMENT, out, at)
    else out.set(bytes, at)
    at += padded(column.byteLength)
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
    if (at + length > view.length) throw new PackError('a column is cut short')
    const width = widths[index]!
    if (length % width !== 0) throw new PackError(`column ${index} does not hold whole values`)
    const copy = new ArrayBuffer(length)
    const stored = view.subarray(at, at + length)
    if (layout === 'byte-planes') readPlanes(stored, width, copy)
    else new Uint8Array(copy).set(stored)
    columns.push(copy)
    at += padded(length)
  })
  if (at !== view.length) throw new PackError('there are bytes after the last column')
  return { header: header as Record<string, unknown>, columns }
}

/**
 * `bytes` (values of `width` bytes) into `out` at `at` as byte planes.
 * One loop per width, each value read whole: a byte-by-byte loop took twice
 * as long on a million-request timeline.
 */
function writePlanes(bytes: Uint8Array, width: number, out: Uint8Array, at: number): void {
  const n = bytes.byteLength / width
  if (width === 1) {
    out.set(bytes, at)
  } else if (width === 2) {
    const values = new Uint16Array(bytes.buffer, bytes.byteOffset, n)
    const p1 = at + n
    for (let i = 0; i < n; i++) {
      const v = values[i]!
      out[at + i] = v
      out[p1 + i] = v >>> 8
    }
  } else if (width === 4 || width === 8) {
    // An 8-byte value is two 4-byte words, low word first (little-endian).
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, (n * width) / 4)
    const step = width / 4
    for (let w = 0; w < step; w++) {
      const p0 = at + 4 * w * n
      const p1 = p0 + n
      const p2 = p1 + n
      const p3 = p2 + n
      for (let i = 0; i < n; i++) {
        const v = words[i * step + w]!
        out[p0 + i] = v
        out[p1 + i] = v >>> 8
        out[p2 + i] = v >>> 16
        out[p3 + i] = v >>> 24
      }
    }
  } else {
    throw new Error(`no byte planes for ${width}-byte values`)
  }
}

/** The inverse of writePlanes: the byte planes `planes` back into values in `into`. */
function readPlanes(planes: Uint8Array, width: number, into: ArrayBuffer): void {
  const n = planes.byteLength / width
  if (width === 1) {
    new Uint8Array(into).set(planes)
  } else if (width === 2) {
    const values = new Uint16Array(into)
    for (let i = 0; i < n; i++) values[i] = planes[i]! | (planes[n + i]! << 8)
  } else if (width === 4 || width === 8) {
    const words = new Uint32Array(into)
    const step = width / 4
    for (let w = 0; w < step; w++) {
      const p0 = 4 * w * n
      const p1 = p0 + n
      const p2 = p1 + n
      const p3 = p2 + n
      for (let i = 0; i < n; i++) {
        words[i * step + w] =
          planes[p0 + i]! |
          (planes[p1 + i]! << 8) |
          (planes[p2 + i]! << 16) |
          (planes[p3 + i]! << 24)
      }
    }
  } else {
    throw new PackError(`no byte planes for ${width}-byte values`)
  }
}
