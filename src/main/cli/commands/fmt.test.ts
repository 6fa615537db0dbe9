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
})
