import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '@shared/scenario'
import { importCommand } from './import'
import { scenarioCliHarness } from './scenario-cli-harness'

const REAL_TRACE = '/work/shared/data/malloclab/short1-bal.rep'

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
})
