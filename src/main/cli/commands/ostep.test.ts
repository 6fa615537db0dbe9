import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '@shared/scenario'
import { allFamilies } from '../../engine/families'
import { procFormatters } from '../../engine/proc-formatters'
import { engineWorkerFromSource } from '../../worker/testing/tsx-worker'
import { ostepCommand } from './ostep'
import { createRunCommand } from './run'
import { scenarioCliHarness } from './scenario-cli-harness'

const TRANSCRIPTS = join(__dirname, '../../../../test-data/ostep/malloc-py-transcripts.jsonl')
// Kept in the repository (test-data/), so a missing file fails here rather than skipping.
const transcripts: { argv: string[]; stdout: string }[] = readFileSync(TRANSCRIPTS, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { argv: string[]; stdout: string })

describe('alloclab ostep against malloc.py’s own output', () => {
  it('prints every transcript byte for byte', async () => {
    const cli = scenarioCliHarness([ostepCommand])
    const differing: string[] = []
    for (const { argv, stdout } of transcripts) {
      const result = await cli.run(['ostep', ...argv.slice(1)])
      if (result.code !== 0 || result.stderr !== '' || result.stdout !== stdout) {
        differing.push(argv.join(' '))
      }
    }
    expect(differing).toEqual([])
    expect(transcripts.length).toBe(400)
  })
})

describe('alloclab ostep', () => {
  const cli = scenarioCliHarness([ostepCommand])

  it('prints malloc.py’s placeholders without -c: "List? " in random mode, "List?" with -A', async () => {
    const random = await cli.run(['ostep', '-n', '2', '-s', '4'])
    expect(random.stdout).toContain('ptr[0] = Alloc(')
    expect(random.stdout).toMatch(/ returned \?\nList\? \n\n/)
    const list = await cli.run(['ostep', '-A', '+3,-0,-5'])
    expect(list.stdout.split('compute False\n\n')[1]).toBe(
      'ptr[0] = Alloc(3) returned ?\nList?\n\nFree(ptr[0])\nreturned ?\nList?\n\nInvalid Free: Skipping\n'
    )
  })

  it('frees by address, as malloc.py does: twice returns -1, and an old pointer frees the new block', async () => {
    // +10 @1000; free it; +10 is given 1000 again; -0 frees that block (ptr[1]'s); -1 finds nothing
    const { stdout } = await cli.run(['ostep', '-p', 'FIRST', '-A', '+10,-0,+10,-0,-1', '-c'])
    const steps = stdout.split('compute True\n\n')[1]!.split('\n\n')
    expect(steps.slice(2, 5)).toEqual([
      'ptr[1] = Alloc(10) returned 1000 (searched 1 elements)\nFree List [ Size 1 ]: [ addr:1010 sz:90 ]',
      'Free(ptr[0])\nreturned 0\nFree List [ Size 2 ]: [ addr:1000 sz:10 ][ addr:1010 sz:90 ]',
      'Free(ptr[1])\nreturned -1\nFree List [ Size 2 ]: [ addr:1000 sz:10 ][ addr:1010 sz:90 ]'
    ])
  })

  it('reads flags as optparse does: bundled, joined, abbreviated, and values that start with a dash', async () => {
    const spelled = await cli.run([
      'ostep',
      '-S',
      '64',
      '-H',
      '4',
      '-a',
      '-1',
      '-c',
      '-C',
      '-A',
      '+5'
    ])
    const packed = await cli.run([
      'ostep',
      '--size=64',
      '--head',
      '4',
      '-a-1',
      '-cC',
      '--allocList',
      '+5'
    ])
    expect(packed.stdout).toBe(spelled.stdout)
    expect(spelled.stdout).toContain('size 64\nbaseAddr 1000\nheaderSize 4\nalignment -1\n')
  })

  it('says what optparse would refuse, and exits 2 with nothing printed', async () => {
    for (const [args, text] of [
      [['-x'], 'no option "-x"'],
      [['--s', '3'], '--seed, --size'],
      [['-S'], 'option -S needs a value'],
      [['-S', 'ten'], 'not "ten"'],
      [['--coalesce=1'], 'takes no value']
    ] as const) {
      const result = await cli.run(['ostep', ...args])
      expect([result.code, result.stdout]).toEqual([2, ''])
      expect(result.stderr).toContain(text)
    }
  })

  it('stops where malloc.py itself stops, after what it printed, with exit 1', async () => {
    const badPolicy = await cli.run(['ostep', '-p', 'first'])
    expect([badPolicy.code, badPolicy.stdout]).toEqual([1, ''])
    expect(badPolicy.stderr).toContain('"first"')
    const badOp = await cli.run(['ostep', '-A', '+4,x,+5', '-c'])
    expect(badOp.code).toBe(1)
    expect(badOp.stdout).toMatch(
      /ptr\[0\] = Alloc\(4\) returned 1000 \(searched 1 elements\)\n.*\n\n$/
    )
    expect(badOp.stderr).toContain('"x"')
  })

  it('refuses what AllocLab’s heaps cannot follow, with exit 2', async () => {
    const zero = await cli.run(['ostep', '-A', '+0', '-c'])
    expect(zero.code).toBe(2)
    expect(zero.stderr).toContain('0 bytes')
    const odd = await cli.run(['ostep', '-a', '3'])
    expect([odd.code, odd.stdout]).toEqual([2, ''])
  })

  it('writes the workload as a scenario that compiles, with its allocator named', async () => {
    const result = await cli.run(['ostep', '-s', '7', '-n', '20', '-c', '--scenario', 'w.alloc'])
    expect(result.code).toBe(0)
    const text = cli.read('w.alloc')
    expect(text).toContain('--allocator best-fit:arena=100,base=1000,header=0,align=1,order=addr')
    const compiled = compileScenario(text)
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(compiled.program!.geometry).toEqual({ arenaBytes: 100, baseAddress: 1000 })
    expect(compiled.program!.count).toBe(20)
  })
})

/** Random homework-style flags: every order and policy, headers, alignment, both workload kinds. */
const casesArbitrary = fc
  .record({
    seed: fc.integer({ min: 0, max: 100_000 }),
    size: fc.constantFrom(64, 100, 200, 1000),
    base: fc.constantFrom(0, 1000, 4096),
    header: fc.constantFrom(0, 4, 8),
    align: fc.constantFrom(-1, 1, 2, 4, 8),
    policy: fc.constantFrom('FIRST', 'BEST', 'WORST'),
    order: fc.constantFrom('ADDRSORT', 'SIZESORT+', 'SIZESORT-', 'INSERT-FRONT', 'INSERT-BACK'),
    coalesce: fc.boolean(),
    random: fc.record({
      ops: fc.integer({ min: 1, max: 40 }),
      range: fc.constantFrom(5, 10, 20, 30),
      percent: fc.constantFrom(30, 50, 70)
    }),
    list: fc.option(
      fc.array(fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: -12, max: -1 })), {
        minLength: 1,
        maxLength: 30
      }),
      { nil: undefined }
    )
  })
  .map((c) => [
    ...['-s', `${c.seed}`, '-S', `${c.size}`, '-b', `${c.base}`, '-H', `${c.header}`],
    ...['-a', `${c.align}`, '-p', c.policy, '-l', c.order, ...(c.coalesce ? ['-C'] : [])],
    ...(c.list === undefined
      ? ['-n', `${c.random.ops}`, '-r', `${c.random.range}`, '-P', `${c.random.percent}`]
      : ['-A', c.list.map((n) => (n > 0 ? `+${n}` : `-${-n - 1}`)).join(',')]),
    '-c'
  ])

interface Step {
  readonly alloc: boolean
  readonly addr: number
  readonly searched: number
}

/** The answers malloc.py's output gives: each allocation's address and count, each free, the last list. */
function answersOf(
  stdout: string,
  header: number,
  random: boolean
): { steps: Step[]; list: string } {
  const steps: Step[] = []
  // Before any step the list is the whole heap.
  const base = /^baseAddr (\d+)$/m.exec(stdout)![1]
  const size = /^size (\d+)$/m.exec(stdout)![1]
  let list = `Free List [ Size 1 ]: [ addr:${base} sz:${size} ]`
  for (const line of stdout.split('\n')) {
    const alloc = /^ptr\[\d+\] = Alloc\(\d+\) returned (-?\d+) \(searched (\d+) elements\)$/.exec(
      line
    )
    if (alloc) {
      const printed = Number(alloc[1])
      // Random mode prints the address after the header.
      const addr = printed === (random ? header - 1 : -1) ? -1 : printed - (random ? header : 0)
      steps.push({ alloc: true, addr, searched: Number(alloc[2]) })
    }
    const free = /^returned (-?\d+)$/.exec(line)
    if (free && free[1] === '0') steps.push({ alloc: false, addr: 0, searched: 0 })
    if (line.startsWith('Free List')) list = line
  }
  return { steps, list }
}

describe('alloclab ostep and alloclab run agree on the scenario ostep writes', () => {
  const run = createRunCommand({
    families: () => allFamilies,
    launch: engineWorkerFromSource,
    compile: compileScenario,
    formatters: procFormatters,
    parallel: 1
  })
  const cli = scenarioCliHarness([ostepCommand, run])

  it('gives the same addresses, counts and free lists for random homework cases', async () => {
    await fc.assert(
      fc.asyncProperty(casesArbitrary, async (flags) => {
        const printed = await cli.run(['ostep', ...flags, '--scenario', 'case.alloc'])
        // Exit 1: malloc.py itself stops part way (a free of a pointer whose allocation failed).
        expect([0, 1]).toContain(printed.code)
        const scenario = cli.read('case.alloc')
        const spec = /--allocator (\S+)/.exec(scenario)![1]!
        const replayed = await cli.run([
          'run',
          'case.alloc',
          '--allocator',
          spec,
          '--json',
          '--events'
        ])
        expect(replayed.code).toBe(0)
        const report = JSON.parse(replayed.stdout) as {
          runs: {
            events: { op: string; ok: boolean; addr?: number; examined: number }[]
            final: { freeList: { addr: number; size: number }[] }
          }[]
        }
        const { events, final } = report.runs[0]!
        const header = Number(flags[flags.indexOf('-H') + 1])
        const expected = answersOf(printed.stdout, header, !flags.includes('-A'))
        expect(
          events.map((e) => ({
            alloc: e.op === 'alloc',
            addr: e.op === 'alloc' ? (e.ok ? e.addr! : -1) : 0,
            searched: e.op === 'alloc' ? e.examined : 0
          }))
        ).toEqual(expected.steps)
        const list = final.freeList.map((e) => `[ addr:${e.addr} sz:${e.size} ]`).join('')
        expect(`Free List [ Size ${final.freeList.length} ]: ${list}`).toBe(expected.list)
      }),
      { numRuns: 40 }
    )
  }, 120_000)
})
