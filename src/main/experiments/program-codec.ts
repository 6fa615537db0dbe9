import { z } from 'zod'
import { CODE_STRIDE, Op, type CompiledProgram } from '@shared/scenario/program'
import {
  PackError,
  packColumns,
  packedMagic,
  unpackColumns,
  type ColumnLayout
} from './packed-columns'

/**
 * Version of this encoding, written (the program's own `version` is stored
 * beside it). 1 stored the code as it is in memory, three Int32 per
 * request, its sizes and its line steps; 2 splits the code into its opcode
 * (one byte), handle and cache columns and writes every column as byte
 * planes (packed-columns.ts): a million requests then compress to two
 * thirds of the size in about half the time. Both are read.
 */
export const PROGRAM_ENCODING_VERSION = 2

interface Encoding {
  readonly magic: string
  readonly layout: ColumnLayout
  /** Each column's value width in bytes. */
  readonly widths: readonly number[]
}

const ENCODINGS: Readonly<Record<number, Encoding>> = {
  1: { magic: 'ALPG', layout: 'columns', widths: [4, 8, 4] },
  2: { magic: 'ALP2', layout: 'byte-planes', widths: [1, 4, 4, 8, 4] }
}

/** Whether this build reads a stored program of encoding `format`. */
export function readsProgramEncoding(format: number): boolean {
  return Object.hasOwn(ENCODINGS, format)
}

const Size = z.number().finite().min(0)
const Name = z.string().max(10_000)

const HeaderSchema = z
  .object({
    encoding: z.union([z.literal(1), z.literal(2)]),
    version: z.literal(1),
    name: Name,
    description: z.string().max(1_000_000),
    geometry: z
      .object({
        arenaBytes: Size.optional(),
        baseAddress: Size.optional(),
        frames: Size.optional(),
        pageSize: Size.optional(),
        maxOrder: Size.optional(),
        growBytes: Size.optional()
      })
      .strict(),
    count: z.number().int().min(0),
    handles: z.array(Name),
    caches: z.array(
      z
        .object({
          name: Name,
          objectSize: Size,
          align: Size,
          ctorCost: Size,
          dtorCost: Size,
          pagesPerSlab: Size
        })
        .strict()
    ),
    columnBytes: z.array(z.number().int().min(0))
  })
  .strict()

/** 1 at each opcode that exists: a table, because a million lookups in a Set take a while. */
const OPCODE_TABLE = (() => {
  const table = new Uint8Array(256)
  for (const op of Object.values(Op)) table[op] = 1
  return table
})()

/** A stored program that cannot be read back; the message says what is wrong with it. */
export class ProgramDecodeError extends Error {
  override name = 'ProgramDecodeError'
}

/**
 * The compiled program a run's timelines were recorded against, in one
 * buffer ready to compress. Reading a timeline needs exactly that program
 * (its handles and requests are the timeline's vocabulary), and compiling
 * the scenario again would cost as much as the rest of opening it. Source
 * lines are stored as differences, which compress to almost nothing.
 * Encoding 1 is written only by the tests that prove older saves still open.
 */
export function encodeProgram(
  program: CompiledProgram,
  encoding: number = PROGRAM_ENCODING_VERSION
): Buffer {
  const n = program.count
  const ops = new Uint8Array(n)
  const handles = new Int32Array(n)
  const auxes = new Int32Array(n)
  const lineSteps = new Int32Array(n)
  let previous = 0
  for (let i = 0; i < n; i++) {
    const c = i * CODE_STRIDE
    ops[i] = program.code[c]!
    handles[i] = program.code[c + 1]!
    auxes[i] = program.code[c + 2]!
    lineSteps[i] = program.lines[i]! - previous
    previous = program.lines[i]!
  }
  const { magic, layout } = ENCODINGS[encoding]!
  return packColumns(
    magic,
    {
      encoding,
      version: program.version,
      name: program.name,
      description: program.description,
      geometry: program.geometry,
      count: program.count,
      handles: program.handles,
      caches: program.caches
    },
    encoding === 1
      ? [program.code, program.sizes, lineSteps]
      : [ops, handles, auxes, program.sizes, lineSteps],
    layout
  )
}

/**
 * The program `bytes` hold, after checking every request names an opcode,
 * a handle and a cache that exist: the engine replays it, and must never
 * meet a request that points nowhere.
 */
export function decodeProgram(bytes: Uint8Array): CompiledProgram {
  const magic = packedMagic(bytes)
  const found = Object.entries(ENCODINGS).find(([, encoding]) => encoding.magic === magic)
  if (!found) throw new ProgramDecodeError('it does not start as a stored program does')
  const [encodingNumber, encoding] = found
  let unpacked
  try {
    unpacked = unpackColumns(magic, bytes, encoding.widths, encoding.layout)
  } catch (error) {
    if (error instanceof PackError) throw new ProgramDecodeError(error.message)
    throw error
  }
  const header = HeaderSchema.safeParse(unpacked.header)
  if (!header.success) {
    const issue = header.error.issues[0]
    throw new ProgramDecodeError(
      `its header is wrong at "${issue?.path.join('.') || 'header'}" (${issue?.message ?? 'invalid'})`
    )
  }
  if (header.data.encoding !== Number(encodingNumber)) {
    throw new ProgramDecodeError(
      `its header says encoding ${header.data.encoding}, its layout ${encodingNumber}`
    )
  }
  const { count, handles, caches, name, description, version } = header.data
  const code =
    header.data.encoding === 1
      ? new Int32Array(unpacked.columns[0]!)
      : interleavedCode(unpacked.columns, count)
  const sizesBuffer = unpacked.columns.at(-2)!
  const linesBuffer = unpacked.columns.at(-1)!
  if (code.byteLength !== count * CODE_STRIDE * 4) {
    throw new ProgramDecodeError(`its code does not hold ${count} requests`)
  }
  if (sizesBuffer.byteLength !== count * 8 || linesBuffer.byteLength !== count * 4) {
    throw new ProgramDecodeError(`its sizes or lines do not hold ${count} requests`)
  }
  for (let i = 0; i < count; i++) {
    const c = i * CODE_STRIDE
    const op = code[c]!
    const handle = code[c + 1]!
    const aux = code[c + 2]!
    if (op < 0 || op > 255 || OPCODE_TABLE[op] !== 1) {
      throw new ProgramDecodeError(`request ${i} has no known opcode`)
    }
    if (handle < -1 || handle >= handles.length) {
      throw new ProgramDecodeError(`request ${i} names handle ${handle}, which does not exist`)
    }
    if (aux < -1 || aux >= caches.length) {
      throw new ProgramDecodeError(`request ${i} names cache ${aux}, which does not exist`)
    }
  }
  const lines = new Int32Array(linesBuffer)
  let line = 0
  for (let i = 0; i < count; i++) {
    line += lines[i]!
    lines[i] = line
  }
  const geometry = Object.fromEntries(
    Object.entries(header.data.geometry).filter(([, value]) => value !== undefined)
  )
  return {
    version,
    name,
    description,
    geometry,
    count,
    code,
    sizes: new Float64Array(sizesBuffer),
    lines,
    handles,
    caches
  }
}

/**
 * The code of encoding 2's opcode, handle and cache columns as the engine
 * reads it, CODE_STRIDE words per request; a column of the wrong length
 * gives code of the wrong length, which the caller refuses.
 */
function interleavedCode(columns: readonly ArrayBuffer[], count: number): Int32Array {
  const ops = new Uint8Array(columns[0]!)
  const handles = new Int32Array(columns[1]!)
  const auxes = new Int32Array(columns[2]!)
  if (ops.length !== count || handles.length !== count || auxes.length !== count) {
    return new Int32Array(0)
  }
  const code = new Int32Array(count * CODE_STRIDE)
  for (let i = 0; i < count; i++) {
    const c = i * CODE_STRIDE
    code[c] = ops[i]!
    code[c + 1] = handles[i]!
    code[c + 2] = auxes[i]!
  }
  return code
}
