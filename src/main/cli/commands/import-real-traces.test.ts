/**
 * The malloc-lab importer on the real CS:APP traces in the shared data folder
 * (src/shared may not read files, so these tests live on the Node side).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CODE_STRIDE,
  Op,
  compileScenario,
  formatScenario,
  importMalloclab,
  programsEqual,
  type CompiledProgram
} from '@shared/scenario'
import { importCommand } from './import'
import { scenarioCliHarness } from './scenario-cli-harness'

const TRACE_FOLDER = join(__dirname, '../../../../test-data/malloclab')
// Kept in the repository (test-data/), so missing traces fail rather than skipping.
const traces = readdirSync(TRACE_FOLDER).filter((name) => name.endsWith('.rep'))

function compileClean(text: string): CompiledProgram {
  const { program, diagnostics } = compileScenario(text)
  expect(diagnostics).toEqual([])
  return program!
}

/** The trace's operations as the program sees them: [op, handle name, bytes]. */
function traceOperations(trace: string): [number, string, number][] {
  const ops: [number, string, number][] = []
  for (const line of trace.split('\n')) {
    const [op, id, bytes] = line.trim().split(/\s+/)
    if (op === 'a') ops.push([Op.Alloc, `b${id}`, Number(bytes)])
    if (op === 'f') ops.push([Op.Free, `b${id}`, 0])
    if (op === 'r') ops.push([Op.Realloc, `b${id}`, Number(bytes)])
  }
  return ops
}

function programOperations(program: CompiledProgram): [number, string, number][] {
  return Array.from({ length: program.count }, (_, i) => [
    program.code[i * CODE_STRIDE]!,
    program.handles[program.code[i * CODE_STRIDE + 1]!]!,
    program.sizes[i]!
  ])
}

describe('importMalloclab on the real traces', () => {
  it.each(traces)('imports %s cleanly, request for request, and round-trips it', (name) => {
    const trace = readFileSync(join(TRACE_FOLDER, name), 'utf8')
    const imported = importMalloclab(trace, { name })
    expect(imported.diagnostics).toEqual([])
    const program = compileClean(imported.text)
    expect(programOperations(program)).toEqual(traceOperations(trace))
    expect(programsEqual(compileClean(formatScenario(imported.text)), program)).toBe(true)
  })

  it('reads the four-line and the two-line header of the same trace alike, but for the heap', () => {
    const four = readFileSync(join(TRACE_FOLDER, 'short1-bal.4line.rep'), 'utf8')
    const two = readFileSync(join(TRACE_FOLDER, 'short1-bal.rep'), 'utf8')
    const fromFour = compileClean(importMalloclab(four, { name: 'short1' }).text)
    const fromTwo = compileClean(importMalloclab(two, { name: 'short1' }).text)
    expect(programsEqual({ ...fromFour, geometry: {} }, { ...fromTwo, geometry: {} })).toBe(true)
    expect(importMalloclab(four).text).toContain('suggested heap 20000 B')
    // The suggested heap becomes the arena; without one the heap grows as mdriver's does.
    expect(fromFour.geometry).toEqual({ arenaBytes: 20000 })
    expect(fromTwo.geometry).toEqual({ growBytes: 4096 })
  })
})

describe('alloclab import on the real traces', () => {
  it.each(traces)('imports %s through the command line and checks clean', async (name) => {
    const cli = scenarioCliHarness([importCommand])
    const result = await cli.run(['import', '--from', 'malloclab', join(TRACE_FOLDER, name)])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(compileScenario(result.stdout).diagnostics).toEqual([])
  })
})
