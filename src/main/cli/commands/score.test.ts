import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scoreCommand } from './score'
import { scenarioCliHarness } from './scenario-cli-harness'

const TRACE_FOLDER = join(__dirname, '../../../../test-data/malloclab')
const BALANCED = [
  'amptjp',
  'binary',
  'binary2',
  'cccp',
  'coalescing',
  'cp-decl',
  'expr',
  'random',
  'random2',
  'realloc',
  'realloc2'
].map((name) => `${name}-bal.rep`)

interface ScoreJson {
  weights: { utilWeight: number; libcKops: number }
  allocators: {
    allocator: string
    spec?: string
    traces: {
      trace: string
      valid: boolean
      util: number
      peak: number
      heap: number
      ops: number
      secs: number
      kops: number
    }[]
    total: { valid: boolean; util: number | null; ops: number | null; perfIndex: number | null }
  }[]
}

/** The peak of the live payload over a trace, replayed from its lines alone. */
function peakPayload(trace: string): number {
  const live = new Map<string, number>()
  let total = 0
  let peak = 0
  for (const line of trace.split('\n')) {
    const [op, id, bytes] = line.trim().split(/\s+/)
    if (op === 'a' || op === 'r') {
      total += Number(bytes) - (live.get(id!) ?? 0)
      live.set(id!, Number(bytes))
    } else if (op === 'f') {
      total -= live.get(id!) ?? 0
      live.delete(id!)
    }
    peak = Math.max(peak, total)
  }
  return peak
}

describe('alloclab score', () => {
  const cli = scenarioCliHarness([scoreCommand])
  cli.write('small.rep', '2\n4\na 0 4000\na 1 3000\nf 0\nr 1 10\n')

  it('prints an mdriver-style table with a Total row and the performance index', async () => {
    const result = await cli.run(['score', 'small.rep', '--allocator', 'csapp-textbook'])
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('Results for csapp-textbook:')
    expect(lines[2]).toMatch(/^trace +valid +util +ops +secs +Kops$/)
    expect(lines[3]).toMatch(/^small\.rep +yes +85% +4 +\d+\.\d{6} +\d+$/)
    expect(lines[4]).toMatch(/^Total +85% +4 +\d+\.\d{6} +\d+$/)
    expect(result.stdout).toMatch(/\nPerf index = 51 \(util\) \+ \d+ \(thru\) = \d+\/100\n$/)
  })

  it('gives the JSON shape, with the weights as chosen', async () => {
    const result = await cli.run([
      'score',
      'small.rep',
      '--allocator',
      'csapp-textbook',
      '--allocator',
      'first-fit',
      '--json',
      '--util-weight',
      '0.5',
      '--libc-kops',
      '1000'
    ])
    const json = JSON.parse(result.stdout) as ScoreJson
    expect(json.weights).toEqual({ utilWeight: 0.5, libcKops: 1000 })
    expect(json.allocators.map((a) => a.allocator)).toEqual(['csapp-textbook', 'first-fit'])
    const [trace] = json.allocators[0]!.traces
    expect(trace).toMatchObject({ trace: 'small.rep', valid: true, peak: 7000, heap: 8224, ops: 4 })
    expect(Object.keys(trace!)).toEqual([
      'trace',
      'valid',
      'util',
      'peak',
      'heap',
      'ops',
      'secs',
      'kops',
      'spec'
    ])
    expect(json.allocators[0]!.total.util).toBe(7000 / 8224)
  })

  it('exits 1 and prints dashes when a trace cannot run correctly', async () => {
    const result = await cli.run([
      'score',
      'small.rep',
      '--allocator',
      'first-fit:arena=4KiB,grow=0'
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^small\.rep +no +- +- +- +-$/m)
    expect(result.stdout).toContain('small.rep is not valid: 1 failed')
    expect(result.stdout).not.toContain('Perf index')
  })

  it('refuses bad usage with exit 2', async () => {
    for (const args of [
      ['small.rep'],
      ['--allocator', 'first-fit'],
      ['small.rep', '--allocator', 'frist-fit'],
      ['small.rep', '--allocator', 'first-fit', '--util-weight', '2']
    ]) {
      expect((await cli.run(['score', ...args])).code).toBe(2)
    }
  })

  it('scores the eleven balanced traces with the CS:APP textbook allocator, every one valid', async () => {
    const files = BALANCED.map((name) => join(TRACE_FOLDER, name))
    const result = await cli.run([
      'score',
      ...files,
      '--allocator',
      'csapp-textbook',
      '--json',
      '--runs',
      '1'
    ])
    expect(result.code).toBe(0)
    const { traces, total } = (JSON.parse(result.stdout) as ScoreJson).allocators[0]!
    for (const trace of traces) {
      expect(trace.valid, trace.trace).toBe(true)
      // util is the trace's own peak payload over the heap the allocator ended with
      expect(trace.peak, trace.trace).toBe(
        peakPayload(readFileSync(join(TRACE_FOLDER, trace.trace), 'utf8'))
      )
      expect(trace.util).toBe(trace.peak / trace.heap)
    }
    // The utilization column, rounded as the table prints it.
    expect(traces.map((t) => `${t.trace} ${Math.round(t.util * 100)}%`)).toEqual([
      'amptjp-bal.rep 98%',
      'binary-bal.rep 54%',
      'binary2-bal.rep 47%',
      'cccp-bal.rep 99%',
      'coalescing-bal.rep 66%',
      'cp-decl-bal.rep 99%',
      'expr-bal.rep 99%',
      'random-bal.rep 91%',
      'random2-bal.rep 91%',
      'realloc-bal.rep 27%',
      'realloc2-bal.rep 34%'
    ])
    expect(total.ops).toBe(112372)
  }, 60_000)
})
