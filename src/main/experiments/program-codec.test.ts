import { describe, expect, it } from 'vitest'
import { compileScenario } from '@shared/scenario'
import { programsEqual } from '@shared/scenario/programs-equal'
import { CODE_STRIDE } from '@shared/scenario/program'
import {
  PROGRAM_ENCODING_VERSION,
  ProgramDecodeError,
  decodeProgram,
  encodeProgram,
  readsProgramEncoding
} from './program-codec'

const SLAB = `name caches
description two caches
frames 256
cache inode 600 align 8 ctor 5
cache dentry 192
object i1 inode
object d1 dentry
free-object i1
kmalloc k 100

kfree k
`

describe('the program codec', () => {
  it('reads back the same requests, names, caches, geometry and source lines', () => {
    const program = compileScenario(SLAB).program!
    const decoded = decodeProgram(encodeProgram(program))
    expect(programsEqual(decoded, program)).toBe(true)
    expect(Array.from(decoded.lines)).toEqual(Array.from(program.lines))
    expect(decoded.geometry).toEqual(program.geometry)
  })

  it('still reads a program saved in encoding 1, its code as it is in memory', () => {
    const program = compileScenario(SLAB).program!
    const old = encodeProgram(program, 1)
    expect(old.toString('latin1', 0, 4)).toBe('ALPG')
    const decoded = decodeProgram(old)
    expect(programsEqual(decoded, program)).toBe(true)
    expect(Array.from(decoded.lines)).toEqual(Array.from(program.lines))
    expect(readsProgramEncoding(1)).toBe(true)
    expect(readsProgramEncoding(PROGRAM_ENCODING_VERSION)).toBe(true)
    expect(readsProgramEncoding(PROGRAM_ENCODING_VERSION + 1)).toBe(false)
  })

  it('writes a program of many requests smaller than encoding 1 did', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `kmalloc k${i} ${i + 1}\nkfree k${i}\n`)
    const program = compileScenario(`frames 256\n${lines.join('')}`).program!
    expect(program.count).toBe(1000)
    expect(encodeProgram(program).length).toBeLessThan(encodeProgram(program, 1).length)
  })

  it('refuses a header whose encoding differs from its layout', () => {
    const program = compileScenario(SLAB).program!
    const bytes = Buffer.from(encodeProgram(program))
    bytes.write('ALPG', 0, 'latin1')
    expect(() => decodeProgram(bytes)).toThrow(ProgramDecodeError)
  })

  it('refuses a request that names a handle that does not exist', () => {
    const program = compileScenario(SLAB).program!
    const code = Int32Array.from(program.code)
    code[1 * CODE_STRIDE + 1] = 99
    expect(() => decodeProgram(encodeProgram({ ...program, code }))).toThrow(
      /request 1 names handle 99/
    )
  })

  it('refuses an unknown opcode and a damaged header', () => {
    const program = compileScenario(SLAB).program!
    const code = Int32Array.from(program.code)
    code[0] = 77
    expect(() => decodeProgram(encodeProgram({ ...program, code }))).toThrow(ProgramDecodeError)
    const bytes = encodeProgram(program)
    bytes[10] = 0x7b
    expect(() => decodeProgram(bytes)).toThrow(ProgramDecodeError)
  })
})
