/**
 * One binary layout for the typed arrays the library stores (a timeline's
 * columns, a compiled program's): a 4-byte magic, the header's length
 * (Uint32, little-endian), the header as JSON, then each column's bytes in
 * order, every part padded to 8 bytes so a column can be viewed in place.
 * Column byte lengths are in the header; the total must match exactly.
 * Typed arrays are stored in the machine's byte order, little-endian on
 * every machine AllocLab runs on (x64, arm64).
 */

const ALIGN = 8
const HEADER_AT = 8

export class PackError extends Error {
  override name = 'PackError'
}

function padded(length: number): number {
  return Math.ceil(length / ALIGN) * ALIGN
}

export function packColumns(
  magic: string,
  header: Readonly<Record<string, unknown>>,
  columns: readonly ArrayBufferView[]
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
    out.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), at)
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

/** The header and columns of `bytes`, or a PackError saying what is wrong with them. */
export function unpackColumns(magic: string, bytes: Uint8Array, expected: number): UnpackedColumns {
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
    lengths.length !== expected ||
    !lengths.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
  ) {
    throw new PackError(`the header does not list ${expected} column lengths`)
  }
  let at = padded(HEADER_AT + headerLength)
  const columns: ArrayBuffer[] = []
  for (const length of lengths as number[]) {
    if (at + length > view.length) throw new PackError('a column is cut short')
    const copy = new ArrayBuffer(length)
    new Uint8Array(copy).set(view.subarray(at, at + length))
    columns.push(copy)
    at += padded(length)
  }
  if (at !== view.length) throw new PackError('there are bytes after the last column')
  return { header: header as Record<string, unknown>, columns }
}
