import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
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

  it('refuses a binary file with one line naming it, and goes on with the others', async () => {
    const cli = scenarioCliHarness([checkCommand])
    writeFileSync(
      join(cli.folder, 'photo.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])
    )
    cli.write('good.scn', 'alloc a 1\n')
    const result = await cli.run(['check', 'photo.png', 'good.scn'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'alloclab check: photo.png: byte 0x00 at offset 8: this looks like a binary file, not a scenario.\n'
    )
    expect(result.stdout).toBe('Checked 1 file(s): 0 error(s), 0 warning(s).\n')
    const chinese = await cli.run(['check', 'photo.png', '--lang', 'zh-CN'])
    expect(chinese.stderr).toBe(
      'alloclab check：photo.png：偏移 8 处是字节 0x00，这看起来是二进制文件，而不是场景文件。\n'
    )
  })

  it('shows escape sequences from the scenario and the file name escaped in its diagnostics', async () => {
    const cli = scenarioCliHarness([checkCommand])
    cli.write('red\x1b[0m.scn', 'alloc a 1\nfree \x1b[2J\x1b[31mx\x07\n\u202ealloc b 1\n')
    const result = await cli.run(['check', 'red\x1b[0m.scn'])
    expect(result.stderr.split('\n')).toEqual([
      'red\\x1b[0m.scn:2:6: error: "\\x1b[2J\\x1b[31mx\\x07" cannot be a name. Names start with a letter or "_" and go on with letters, digits, "_", "-" or ".", for example "buf1". [bad-name]',
      expect.stringMatching(/^red\\x1b\[0m\.scn:3:1: error: "\\u202ealloc" is not a keyword\./),
      ''
    ])
    expect(result.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202e]/)
  })
})
