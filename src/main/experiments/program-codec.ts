import { z } from 'zod'
import { CODE_STRIDE, Op, type CompiledProgram } from '@shared/scenario/program'
import { PackError, packColumns, unpackColumns } from './packed-columns'

const MAGIC = 'ALPG'
/** Version of this encoding (the program's own `version` is stored beside it). */
export const PROGRAM_ENCODING_VERSION = 1

const Size = z.number().finite().min(0)
const Name = z.string().max(10_000)

const HeaderSchema = z
  .object({
    encoding: z.literal(PROGRAM_ENCODING_VERSION),
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
 */
export function encodeProgram(program: CompiledProgram): Buffer {
  const lineSteps = new Int32Array(program.count)
  let previous = 0
  for (let i = 0; i < program.count; i++) {
    lineSteps[i] = program.lines[i]! - previous
    previous = program.lines[i]!
  }
  return packColumns(
    MAGIC,
    {
      encoding: PROGRAM_ENCODING_VERSION,
      version: program.version,
      name: program.name,
      description: program.description,
      geometry: program.geometry,
      count: program.count,
      handles: program.handles,
      caches: program.caches
    },
    [program.code, program.sizes, lineSteps]
  )
}

/**
 * The program `bytes` hold, after checking every request names an opcode,
 * a handle and a cache that exist: the engine replays it, and must never
 * meet a request that points nowhere.
 */
export function decodeProgram(bytes: Uint8Array): CompiledProgram {
  let unpacked
  try {
    unpacked = unpackColumns(MAGIC, bytes, 3)
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
  const { count, handles, caches, name, description, version } = header.data
  const [codeBuffer, sizesBuffer, linesBuffer] = unpacked.columns as [
    ArrayBuffer,
    ArrayBuffer,
    ArrayBuffer
  ]
  if (codeBuffer.byteLength !== count * CODE_STRIDE * 4) {
    throw new ProgramDecodeError(`its code does not hold ${count} requests`)
  }
  if (sizesBuffer.byteLength !== count * 8 || linesBuffer.byteLength !== count * 4) {
    throw new ProgramDecodeError(`its sizes or lines do not hold ${count} requests`)
  }
  const code = new Int32Array(codeBuffer)
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
