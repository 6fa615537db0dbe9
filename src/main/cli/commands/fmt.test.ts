import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fmtCommand } from './fmt'
import { scenarioCliHarness } from './scenario-cli-harness'

const MESSY = '  alloc   a 16 kib   # first\n\n\n\nfree a'
const TIDY = 'alloc a 16KiB  # first\n\nfree a\n'

describe('alloclab fmt', () => {
  it('prints the canonical text and leaves the file alone', async () => {
    const cli = scenarioCliHarness([fmtCommand])
    cli.write('messy.scn', MESSY)
    expect(await cli.run(['fmt', 'messy.scn'])).toEqual({ code: 0, stdout: TIDY, stderr: '' })
    expect(cli.read('messy.scn')).toBe(MESSY)
  })

  it('rewrites the file with --write, and says when there was nothing to do', async () => {
    const cli = scenarioCliHarness([fmtCommand])
    cli.write('messy.scn', MESSY)
    const first = await cli.run(['fmt', 'messy.scn', '--write'])
    expect(first).toEqual({ code: 0, stdout: '', stderr: 'Formatted messy.scn.\n' })
    expect(cli.read('messy.scn')).toBe(TIDY)
    const second = await cli.run(['fmt', 'messy.scn', '-w', '--lang', 'zh-CN'])
    expect(second.stderr).toBe('messy.scn 已经是规范格式。\n')
  })

  it('refuses a missing file with exit 2', async () => {
    const result = await scenarioCliHarness([fmtCommand]).run(['fmt', 'nope.scn'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('cannot read "nope.scn": no such file')
  })

  it('takes one file only', async () => {
    const result = await scenarioCliHarness([fmtCommand]).run(['fmt', 'a.scn', 'b.scn'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('one file at a time')
  })

  it('refuses a binary file with exit 2, and --write leaves every byte of it alone', async () => {
    const cli = scenarioCliHarness([fmtCommand])
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0x0a, 0x20])
    writeFileSync(join(cli.folder, 'a.out'), elf)
    const result = await cli.run(['fmt', 'a.out', '--write'])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'alloclab fmt: a.out: byte 0x00 at offset 7: this looks like a binary file, not a scenario.\n'
    })
    expect(readFileSync(join(cli.folder, 'a.out')).equals(elf)).toBe(true)
  })

  it('refuses text that is not UTF-8, naming the byte, in either language', async () => {
    const cli = scenarioCliHarness([fmtCommand])
    const latin1 = Buffer.from('# caf\xe9\nalloc a 1\n', 'latin1')
    writeFileSync(join(cli.folder, 'latin1.scn'), latin1)
    expect((await cli.run(['fmt', 'latin1.scn', '-w'])).stderr).toBe(
      'alloclab fmt: latin1.scn: byte 0xe9 at offset 5 is not valid UTF-8; save the scenario as UTF-8 text.\n'
    )
    expect((await cli.run(['fmt', 'latin1.scn', '--lang', 'zh-CN'])).stderr).toBe(
      'alloclab fmt：latin1.scn：偏移 5 处的字节 0xe9 不是有效的 UTF-8，请把场景文件保存为 UTF-8 文本。\n'
    )
    expect(readFileSync(join(cli.folder, 'latin1.scn')).equals(latin1)).toBe(true)
  })

  it('refuses standard input that holds a zero byte', async () => {
    const result = await scenarioCliHarness([fmtCommand]).run(['fmt', '-'], 'alloc a 1\0')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('-: byte 0x00 at offset 9')
  })

  it('exits 2 with the diagnostics when the scenario has errors, and --write writes nothing', async () => {
    const cli = scenarioCliHarness([fmtCommand])
    const broken = '  alloc   a 16\nfre a\n'
    cli.write('broken.scn', broken)
    for (const argv of [
      ['fmt', 'broken.scn'],
      ['fmt', 'broken.scn', '--write']
    ]) {
      const result = await cli.run(argv)
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr.split('\n')).toEqual([
        'broken.scn:2:1: error: "fre" is not a keyword. Did you mean "free"? [unknown-keyword]',
        'broken.scn: the scenario has 1 error(s); nothing was formatted or written.',
        ''
      ])
    }
    expect(cli.read('broken.scn')).toBe(broken)
    const chinese = await cli.run(['fmt', 'broken.scn', '--lang', 'zh-CN'])
    expect(chinese.stderr).toContain(
      'broken.scn：场景中有 1 个错误，没有格式化，也没有写入任何内容。'
    )
  })

  it("prints a comment's control characters raw into a pipe, escaped onto a terminal", async () => {
    const cli = scenarioCliHarness([fmtCommand])
    cli.write('bell.scn', 'alloc a 1  # \x1b[5mblink\x07\tend\n')
    expect((await cli.run(['fmt', 'bell.scn'])).stdout).toBe('alloc a 1  # \x1b[5mblink\x07\tend\n')
    expect((await cli.run(['fmt', 'bell.scn'], '', { stdoutIsTerminal: true })).stdout).toBe(
      'alloc a 1  # \\x1b[5mblink\\x07\tend\n'
    )
  })
})
