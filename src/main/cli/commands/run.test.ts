import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '@shared/scenario'
import { sabotagedBuddyFamily } from '../../engine/testing/sabotaged-buddy'
import { sabotagedHeapFamily } from '../../engine/testing/sabotaged-heap'
import { sabotagedSlabFamily } from '../../engine/testing/sabotaged-slab'
import { tinyFamily } from '../../engine/testing/tiny-family'
import { engineWorkerFromSource, tsxWorker } from '../../worker/testing/tsx-worker'
import { allFamilies } from '../../engine/families'
import { procFormatters } from '../../engine/proc-formatters'
import type { CliIo } from '../command'
import { FakeTerminal } from '../fake-terminal'
import { runCli } from '../run-cli'
import { createRunCommand } from './run'

const commands = [
  createRunCommand({
    families: () => [tinyFamily],
    launch: () => tsxWorker('./tiny-worker.ts'),
    compile: compileScenario,
    formatters: {},
    parallel: 2
  })
]

const folder = mkdtempSync(join(tmpdir(), 'alloclab-run-'))
function scenario(name: string, text: string): string {
  writeFileSync(join(folder, name), text)
  return name
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: folder,
    readStdin: () => Promise.resolve('arena 64\nalloc a 8\n')
  }
  const code = await runCli(argv, commands, io, '0.0.0-test')
  return { code, stdout, stderr }
}

const textbook = scenario(
  'textbook.scn',
  [
    'arena 100',
    'base 1000',
    'alloc p0 3',
    'alloc p1 40',
    'free p0',
    'alloc p2 58',
    'alloc p3 80',
    ''
  ].join('\n')
)

describe('alloclab run', () => {
  it('prints a table with a column per config', async () => {
    const { code, stdout, stderr } = await cli([
      'run',
      textbook,
      '--allocator',
      'tiny',
      '--allocator',
      'tiny:reset=off'
    ])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain(
      '#1  tiny:arena=100,base=1000,order=addr,reset=on,spin=0,break-at=-1,hog=off'
    )
    expect(stdout).toContain('#2  tiny:arena=100,base=1000,order=addr,reset=off')
    expect(stdout).toMatch(/^requests +5 +5$/m)
    expect(stdout).toMatch(/^failures \(no memory \/ fragmented\) +2 \(1 \/ 1\) +2 \(1 \/ 1\)$/m)
  })

  it('prints the JSON shape other tools read', async () => {
    const { code, stdout } = await cli([
      'run',
      textbook,
      '--allocator',
      'tiny',
      '--json',
      '--events'
    ])
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as {
      runs: {
        allocator: string
        summary: Record<string, unknown>
        events: Record<string, unknown>[]
        final: object
      }[]
    }
    expect(report.runs).toHaveLength(1)
    const run = report.runs[0]!
    expect(run.allocator).toBe(
      'tiny:arena=100,base=1000,order=addr,reset=on,spin=0,break-at=-1,hog=off'
    )
    expect(run.summary).toMatchObject({
      requests: 5,
      failures: 2,
      failNoMemory: 1,
      failFragmented: 1,
      invalid: 0
    })
    expect(run.summary).not.toHaveProperty('timing')
    expect(run.events[0]).toEqual({
      step: 0,
      line: 3,
      op: 'alloc',
      handle: 'p0',
      size: 3,
      ok: true,
      status: 'ok',
      addr: 1000,
      requested: 3,
      granted: 3,
      examined: 1,
      splits: 0,
      merges: 0
    })
    expect(run.events.map((e) => e['status'])).toEqual([
      'ok',
      'ok',
      'ok',
      'fragmented',
      'no-memory'
    ])
    expect(run.final).toEqual({})
  })

  it('gives byte-identical JSON for the same input', async () => {
    const argv = [
      'run',
      textbook,
      '--allocator',
      'tiny',
      '--allocator',
      'tiny:order=front',
      '--json',
      '--events'
    ]
    const first = await cli(argv)
    const second = await cli(argv)
    expect(first.code).toBe(0)
    expect(second.stdout).toBe(first.stdout)
  })

  it('adds wall-clock timing only when asked', async () => {
    const { stdout } = await cli(['run', textbook, '--allocator', 'tiny', '--json', '--timing'])
    const run = (JSON.parse(stdout) as { runs: { timing?: { elapsedMs: number } }[] }).runs[0]!
    expect(typeof run.timing?.elapsedMs).toBe('number')
  })

  it('reads the scenario from standard input when the file is "-"', async () => {
    const { code, stdout } = await cli(['run', '-', '--allocator', 'tiny', '--json'])
    expect(code).toBe(0)
    expect(stdout).toContain('"allocator": "tiny:arena=64,')
  })

  it('exits 2 naming the spec when the allocator is unknown', async () => {
    const { code, stdout, stderr } = await cli(['run', textbook, '--allocator', 'tinyy:arena=10'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('"tinyy:arena=10"')
    expect(stderr).toContain('Did you mean "tiny"?')
  })

  it('exits 2 with gcc-style diagnostics when the scenario has errors', async () => {
    const broken = scenario('broken.scn', 'arena 100\nallco p0 3\nfree p9\n')
    const { code, stdout, stderr } = await cli(['run', broken, '--allocator', 'tiny'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^broken\.scn:2:1: error: .+ \[unknown-keyword\]$/m)
    expect(stderr).toMatch(/^broken\.scn:3:\d+: error: .+ \[unknown-handle\]$/m)
  })

  it('exits 2 when the file cannot be read, or no allocator is given', async () => {
    expect((await cli(['run', 'missing.scn', '--allocator', 'tiny'])).code).toBe(2)
    const none = await cli(['run', textbook])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('--allocator')
  })

  it('exits 1 and says after which request an invariant broke under --check', async () => {
    const { code, stderr } = await cli([
      'run',
      textbook,
      '--allocator',
      'tiny:break-at=2',
      '--check'
    ])
    expect(code).toBe(1)
    expect(stderr).toContain('after request 2 (line 5)')
  })

  it('speaks Chinese when asked', async () => {
    const { stdout } = await cli(['run', textbook, '--allocator', 'tiny', '--lang', 'zh-CN'])
    expect(stdout).toContain('请求数')
  })
})

describe('alloclab run with the real allocator families', () => {
  const realCommands = [
    createRunCommand({
      families: () => allFamilies,
      launch: engineWorkerFromSource,
      compile: compileScenario,
      formatters: procFormatters
    })
  ]
  async function realCli(
    argv: string[]
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = ''
    let stderr = ''
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: folder,
      readStdin: () => Promise.resolve('')
    }
    return { code: await runCli(argv, realCommands, io, '0.0.0-test'), stdout, stderr }
  }

  it('runs every configuration a preset id stands for', async () => {
    const file = scenario('preset.alloc', 'alloc a 10\nfree a\n')
    const { code, stdout } = await realCli(['run', file, '-a', 'four-fits', '--json'])
    expect(code).toBe(0)
    const families = (JSON.parse(stdout) as { runs: { family: string }[] }).runs.map(
      (r) => r.family
    )
    expect(families).toEqual(['first-fit', 'next-fit', 'best-fit', 'worst-fit'])
  })

  it('works the textbook first-fit example through the production worker', async () => {
    const spec = 'first-fit:arena=100,base=1000,header=0,align=1,order=addr,coalesce=off,meta=side'
    const { code, stdout, stderr } = await realCli([
      'run',
      textbook,
      '--allocator',
      spec,
      '--json',
      '--events'
    ])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const run = (
      JSON.parse(stdout) as {
        runs: {
          allocator: string
          events: Record<string, unknown>[]
          final: { freeList: unknown }
        }[]
      }
    ).runs[0]!
    expect(run.allocator).toBe(
      `${spec},page=4KiB,sort=auto,split=auto,merge=physical,list=explicit,realloc=in-place,` +
        'word=4,grow=0,limit=20MiB,prologue=0,epilogue=0'
    )
    expect(run.events.slice(0, 2)).toMatchObject([
      { op: 'alloc', handle: 'p0', size: 3, ok: true, addr: 1000, granted: 3, examined: 1 },
      { op: 'alloc', handle: 'p1', size: 40, ok: true, addr: 1003, granted: 40, examined: 1 }
    ])
    expect(run.events.slice(3).map((e) => e['status'])).toEqual(['fragmented', 'no-memory'])
    expect(run.final.freeList).toEqual([
      { addr: 1000, size: 3 },
      { addr: 1043, size: 57 }
    ])
  })

  it('prints the buddyinfo table for a page family', async () => {
    const pages = scenario('pages.scn', 'frames 1024\npages a 8\n')
    const { code, stdout } = await realCli(['run', pages, '--allocator', 'buddy'])
    expect(code).toBe(0)
    expect(stdout).toContain('#1: buddyinfo')
    expect(stdout).toMatch(/Node 0, zone +Normal/)
  })

  it('prints the slabinfo table and gives buddyinfo and slabinfo in the JSON for the slab family', async () => {
    const objects = scenario(
      'objects.scn',
      'frames 64\ncache inode 100 ctor 5\nobject o1 inode\nobject o2 inode\n'
    )
    const table = await realCli(['run', objects, '--allocator', 'slab'])
    expect(table.code).toBe(0)
    expect(table.stdout).toContain('#1: slabinfo')
    expect(table.stdout).toMatch(/^inode +2 /m)
    const json = await realCli(['run', objects, '--allocator', 'slab', '--json'])
    const run = (
      JSON.parse(json.stdout) as {
        runs: { final: { buddyinfo: number[]; slabinfo: { name: string; activeObjs: number }[] } }[]
      }
    ).runs[0]!
    expect(run.final.buddyinfo.length).toBeGreaterThan(0)
    expect(run.final.slabinfo.find((row) => row.name === 'inode')?.activeObjs).toBe(2)
    expect(json.stdout).toMatch(/^ +"buddyinfo": \[[\d,]+\],?$/m)
  })
})

describe('alloclab run --check on the real families with a planted fault', () => {
  const sabotagedCommands = [
    createRunCommand({
      families: () => [sabotagedHeapFamily, sabotagedBuddyFamily, sabotagedSlabFamily],
      launch: () => tsxWorker('./sabotaged-worker.ts'),
      compile: compileScenario,
      formatters: {}
    })
  ]
  async function sabotagedCli(argv: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = ''
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      cwd: folder,
      readStdin: () => Promise.resolve('')
    }
    return { code: await runCli(argv, sabotagedCommands, io, '0.0.0-test'), stderr }
  }

  // Each breaks after request 1, line 3 (see worker/invariant-error.test.ts for the numbers).
  const broken = [
    {
      family: 'heap',
      file: scenario('broken-heap.alloc', 'arena 1024\nalloc a 100\nalloc b 200\nfree a\n'),
      spec: 'sabotaged-first-fit:break-at=1',
      chinese: '空闲字节数必须与各块相符：空闲块共有 704 字节，堆记录的却是 705 字节。'
    },
    {
      family: 'buddy',
      file: scenario('broken-buddy.alloc', 'frames 16\npages a 0\npages b 1\nfree-pages a\n'),
      spec: 'sabotaged-buddy:break-at=1',
      chinese: '空闲计数必须与链表相符：free_area[0] 记为 2 个块，链表中却有 1 个。'
    },
    {
      family: 'slab',
      file: scenario(
        'broken-slab.alloc',
        'frames 64\ncache inode 600\nobject i1 inode\nfree-object i1\n'
      ),
      spec: 'sabotaged-slab:break-at=1',
      chinese: '活动对象数必须对得上：缓存 inode 的 slab 中有 1 个，计数器却为 2。'
    }
  ]
  for (const { family, file, spec, chinese } of broken) {
    it(`exits 1 and tells the broken ${family} rule in Chinese under --lang zh-CN`, async () => {
      const { code, stderr } = await sabotagedCli([
        'run',
        file,
        '--allocator',
        spec,
        '--check',
        '--lang',
        'zh-CN'
      ])
      expect(code).toBe(1)
      expect(stderr).toMatch(
        new RegExp(`^${spec.split(':')[0]}:[^\\n]*：第 1 个请求（第 3 行）之后不变式被破坏：`, 'm')
      )
      expect(stderr).toContain(chinese)
    })
  }
})

describe('alloclab run --csv', () => {
  it('writes one CSV with a row per request of every config, headed by the metric names', async () => {
    const real = [
      createRunCommand({
        families: () => allFamilies,
        launch: engineWorkerFromSource,
        compile: compileScenario,
        formatters: procFormatters,
        parallel: 2
      })
    ]
    const csvFile = join(folder, 'metrics.csv')
    let stderr = ''
    const code = await runCli(
      [
        'run',
        textbook,
        '--allocator',
        'first-fit',
        '--allocator',
        'best-fit',
        '--csv',
        'metrics.csv'
      ],
      real,
      {
        stdout: () => undefined,
        stderr: (text) => (stderr += text),
        cwd: folder,
        readStdin: () => Promise.resolve('')
      },
      '0.0.0-test'
    )
    expect(code).toBe(0)
    expect(stderr).toContain('10 rows')
    const lines = readFileSync(csvFile, 'utf8').trim().split('\n')
    expect(lines[0]).toMatch(/^config,step,requestedLive,allocatedLive,internalFragmentation,/)
    expect(lines).toHaveLength(1 + 2 * 5)
    // The config label is quoted (specs hold commas); the other cells are plain numbers.
    const header = lines[0]!.split(',').slice(1)
    const second = lines[2]!.replace(/^"[^"]*",/, '').split(',')
    expect(lines[2]).toMatch(/^"first-fit:[^"]*",1,/)
    // After `alloc p0 3` and `alloc p1 40`: 43 bytes requested, and a free-bytes sample on every row.
    expect(Number(second[header.indexOf('requestedLive')])).toBe(43)
    expect(second[header.indexOf('freeBytes')]).not.toBe('')
  })
})

describe('alloclab run, checking its input before any work', () => {
  let launched = 0
  const counting = [
    createRunCommand({
      families: () => [tinyFamily],
      launch: () => {
        launched++
        return tsxWorker('./tiny-worker.ts')
      },
      compile: compileScenario,
      formatters: {},
      parallel: 2
    })
  ]
  async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = ''
    let stderr = ''
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: folder,
      readStdin: () => Promise.resolve('')
    }
    return { code: await runCli(argv, counting, io, '0.0.0-test'), stdout, stderr }
  }

  it('refuses more allocators than one run takes, naming the limit', async () => {
    const many = Array.from({ length: 17 }, () => ['-a', 'tiny']).flat()
    expect(await run(['run', textbook, ...many])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'alloclab run: at most 16 allocator configs run together, and 17 were given; split them over several runs.\n'
    })
    expect((await run(['run', textbook, ...many, '--lang', 'zh-CN'])).stderr).toBe(
      'alloclab run：一次最多运行 16 个分配器配置，这里给了 17 个；请分成几次运行。\n'
    )
    expect(launched).toBe(0)
  })

  it('refuses a --csv into a folder or a missing folder before starting a worker', async () => {
    mkdirSync(join(folder, 'results'), { recursive: true })
    expect(await run(['run', textbook, '-a', 'tiny', '--csv', 'results'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'alloclab run: cannot write "results": that is a folder, not a file.\n'
    })
    expect(await run(['run', textbook, '-a', 'tiny', '--csv', 'nowhere/steps.csv'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'alloclab run: cannot write "nowhere/steps.csv": the folder "nowhere" does not exist.\n'
    })
    expect(existsSync(join(folder, 'nowhere'))).toBe(false)
    expect(launched).toBe(0)
  })

  it('names --allocator properly when its value is missing', async () => {
    expect((await run(['run', textbook, '-a'])).stderr).toBe(
      'alloclab run: --allocator (-a) needs a value: an allocator spec such as first-fit.\n'
    )
    expect((await run(['run', textbook, '-a', '--lang', 'zh-CN'])).stderr).toBe(
      'alloclab run：--allocator (-a) 需要一个值：一个分配器配置，例如 first-fit。\n'
    )
  })

  it('refuses a scenario that is not text', async () => {
    writeFileSync(join(folder, 'core'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]))
    expect((await run(['run', 'core', '-a', 'tiny'])).stderr).toBe(
      'alloclab run: core: byte 0x00 at offset 4: this looks like a binary file, not a scenario.\n'
    )
    expect(launched).toBe(0)
  })

  it('shows control characters of a spec escaped in what it says about it', async () => {
    const { code, stderr } = await run(['run', textbook, '-a', 'tiny:order=\x1b[31mfront'])
    expect(code).toBe(2)
    expect(stderr).toContain('order=\\x1b[31mfront is not one of')
    expect(stderr).not.toContain('\x1b')
  })
})

describe('alloclab run on a terminal', () => {
  /** A clock that moves a second on every look, so the display never waits. */
  function hastyClock(): () => number {
    let now = 0
    return () => (now += 1000)
  }
  const withClock = [
    createRunCommand({
      families: () => [tinyFamily],
      launch: () => tsxWorker('./tiny-worker.ts'),
      compile: compileScenario,
      formatters: {},
      parallel: 1,
      now: hastyClock()
    })
  ]
  async function run(
    argv: string[],
    progress: CliIo['progress']
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = ''
    let stderr = ''
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: folder,
      readStdin: () => Promise.resolve(''),
      progress
    }
    return { code: await runCli(argv, withClock, io, '0.0.0-test'), stdout, stderr }
  }

  it('draws per-config progress on the terminal, erases it at the end and keeps the JSON clean', async () => {
    const terminal = new FakeTerminal()
    terminal.write('$ alloclab run textbook.scn -a tiny -a tiny:order=front --json\n')
    const { code, stdout, stderr } = await run(
      ['run', textbook, '-a', 'tiny', '-a', 'tiny:order=front', '--json'],
      terminal
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as { runs: unknown[] }).runs).toHaveLength(2)
    const drawn = terminal.writes.slice(1).join('')
    expect(drawn).toContain('#1 tiny  ')
    expect(drawn).toContain('#2 tiny:order=front  ')
    expect(drawn).toContain('done')
    expect(terminal.screen()).toEqual([
      '$ alloclab run textbook.scn -a tiny -a tiny:order=front --json'
    ])
  })

  it('draws nothing when standard error is a pipe', async () => {
    const pipe = { isTTY: false, writes: [] as string[], write: (t: string) => pipe.writes.push(t) }
    const { code } = await run(['run', textbook, '-a', 'tiny'], pipe)
    expect(code).toBe(0)
    expect(pipe.writes).toEqual([])
  })
})
