import { describe, expect, it } from 'vitest'
import { checkCommand } from './check'
import { scenarioCliHarness } from './scenario-cli-harness'

describe('alloclab check', () => {
  it('exits 0 and prints only the count for a clean scenario', async () => {
    const cli = scenarioCliHarness([checkCommand])
    cli.write('clean.scn', 'alloc a 100\nfree a\n')
    const result = await cli.run(['check', 'clean.scn'])
    expect(result).toEqual({
      code: 0,
      stdout: 'Checked 1 file(s): 0 error(s), 0 warning(s).\n',
      stderr: ''
    })
  })

  it('prints gcc-style lines and exits 2 when a file has errors', async () => {
    const cli = scenarioCliHarness([checkCommand])
    cli.write('bad.scn', 'alloc a 100\nfre a\nfree b\n')
    const result = await cli.run(['check', 'bad.scn'])
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n')).toEqual([
      'bad.scn:2:1: error: "fre" is not a keyword. Did you mean "free"? [unknown-keyword]',
      'bad.scn:3:6: error: There is no handle "b". Did you mean "a"? [unknown-handle]',
      ''
    ])
    expect(result.stdout).toContain('2 error(s)')
  })

  it('passes warnings with exit 0, and fails them under --strict', async () => {
    const cli = scenarioCliHarness([checkCommand])
    cli.write('warn.scn', 'alloc a 0\n')
    const relaxed = await cli.run(['check', 'warn.scn'])
    expect(relaxed.code).toBe(0)
    expect(relaxed.stderr).toMatch(/^warn\.scn:1:9: warning: .* \[size-zero\]$/m)
    expect((await cli.run(['check', '--strict', 'warn.scn'])).code).toBe(2)
  })

  it('checks several files and says clearly when one is missing', async () => {
    const cli = scenarioCliHarness([checkCommand])
    cli.write('good.scn', 'alloc a 1\n')
    const result = await cli.run(['check', 'good.scn', 'missing.scn'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'alloclab check: cannot read "missing.scn": no such file. Check the name and the folder you are in.\n'
    )
    expect(result.stdout).toContain('Checked 1 file(s)')
  })

  it('reads standard input for "-"', async () => {
    const cli = scenarioCliHarness([checkCommand])
    const result = await cli.run(['check', '-'], 'free x\n')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('-:1:6: error:')
  })

  it('speaks Chinese with --lang zh-CN', async () => {
    const cli = scenarioCliHarness([checkCommand])
    cli.write('bad.scn', 'free x\n')
    const result = await cli.run(['check', 'bad.scn', '--lang', 'zh-CN'])
    expect(result.stderr).toContain('bad.scn:1:6: error: 没有名为“x”的句柄')
    expect(result.stdout).toContain('已检查 1 个文件')
  })

  it('asks for a file when given none, with exit 2', async () => {
    const result = await scenarioCliHarness([checkCommand]).run(['check'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('alloclab check lesson.scn')
  })

  it('shows help', async () => {
    const result = await scenarioCliHarness([checkCommand]).run(['check', '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('check FILE... [--strict]')
  })
})
