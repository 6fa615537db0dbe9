import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '@shared/scenario'
import { importCommand } from './import'
import { scenarioCliHarness } from './scenario-cli-harness'

const REAL_TRACE = join(__dirname, '../../../../test-data/malloclab/short1-bal.rep')

describe('alloclab import', () => {
  it('turns a malloc-lab trace into a scenario named after the file', async () => {
    const cli = scenarioCliHarness([importCommand])
    cli.write('tiny.rep', '2\n3\na 0 8\na 1 16\nf 0\n')
    const result = await cli.run(['import', '--from', 'malloclab', 'tiny.rep'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('name tiny\n')
    expect(result.stdout).toContain('alloc b0 8\nalloc b1 16\nfree b0\n')
    expect(compileScenario(result.stdout).diagnostics).toEqual([])
  })

  it.skipIf(!existsSync(REAL_TRACE))('imports a real trace into a file with -o', async () => {
    const cli = scenarioCliHarness([importCommand])
    const result = await cli.run(['import', '--from', 'malloclab', REAL_TRACE, '-o', 'short1.scn'])
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'Wrote short1.scn.\n' })
    expect(compileScenario(cli.read('short1.scn')).program?.count).toBe(12)
  })

  it('imports an op list', async () => {
    const cli = scenarioCliHarness([importCommand])
    cli.write('list.txt', '+10,-0,+20\n')
    const result = await cli.run(['import', '--from', 'oplist', 'list.txt', '--name', 'Textbook'])
    expect(result.stdout).toContain('name Textbook\n')
    expect(result.stdout).toContain('alloc p0 10\nfree p0\nalloc p1 20\n')
  })

  it('lists problems with the input line numbers and writes nothing, exit 2', async () => {
    const cli = scenarioCliHarness([importCommand])
    cli.write('broken.rep', '1\n2\na 0 8\nq 0\n')
    const result = await cli.run(['import', '--from', 'malloclab', 'broken.rep', '-o', 'out.scn'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^broken\.rep:4:1: error: "q" is not a trace operation\..* \[trace-bad-line\]$/m
    )
    expect(existsSync(`${cli.folder}/out.scn`)).toBe(false)
  })

  it('needs --from, and names the formats it knows', async () => {
    const cli = scenarioCliHarness([importCommand])
    expect((await cli.run(['import', 'x.rep'])).stderr).toContain('--from malloclab|oplist')
    const wrong = await cli.run(['import', '--from', 'csv', 'x.rep'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('"csv"')
  })

  it('says clearly that a file is missing', async () => {
    const result = await scenarioCliHarness([importCommand]).run([
      'import',
      '--from',
      'oplist',
      'gone.txt'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('cannot read "gone.txt": no such file')
  })

  it('refuses a trace that is not text, naming the byte', async () => {
    const cli = scenarioCliHarness([importCommand])
    writeFileSync(join(cli.folder, 'trace.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]))
    const result = await cli.run(['import', '--from', 'malloclab', 'trace.gz', '-o', 'out.alloc'])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'alloclab import: trace.gz: byte 0x00 at offset 3: this looks like a binary file, not a malloc-lab trace.\n'
    })
    expect(existsSync(join(cli.folder, 'out.alloc'))).toBe(false)
    writeFileSync(join(cli.folder, 'list.txt'), Buffer.from('+10,\xff', 'latin1'))
    expect(
      (await cli.run(['import', '--from', 'oplist', 'list.txt', '--lang', 'zh-CN'])).stderr
    ).toBe(
      'alloclab import：list.txt：偏移 4 处的字节 0xff 不是有效的 UTF-8，请把操作序列保存为 UTF-8 文本。\n'
    )
  })

  it('refuses an output it cannot write before reading the trace', async () => {
    const cli = scenarioCliHarness([importCommand])
    mkdirSync(join(cli.folder, 'scenarios'))
    const folder = await cli.run(['import', '--from', 'oplist', 'not-there.txt', '-o', 'scenarios'])
    expect(folder).toEqual({
      code: 2,
      stdout: '',
      stderr: 'alloclab import: cannot write "scenarios": that is a folder, not a file.\n'
    })
  })
})
