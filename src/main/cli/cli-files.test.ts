import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { translator } from '@shared/i18n/translate'
import type { CliContext } from './command'
import { checkOutputPath, printDiagnostics } from './cli-files'
import { compileScenario } from '@shared/scenario'

function context(folder: string, lang: 'en' | 'zh-CN' = 'en'): CliContext & { err: string[] } {
  const err: string[] = []
  return {
    err,
    stdout: () => undefined,
    stderr: (text) => err.push(text),
    cwd: folder,
    readStdin: () => Promise.resolve(''),
    locale: lang,
    t: translator(lang),
    version: 'test'
  }
}

const folder = mkdtempSync(join(tmpdir(), 'alloclab-cli-files-'))
const runsAsRoot = process.getuid?.() === 0
if (runsAsRoot) {
  console.log('skipping the permission tests of checkOutputPath: root may write any file here')
}

describe('checkOutputPath', () => {
  it('accepts a new file in a folder that exists, without creating it', async () => {
    await checkOutputPath('new.csv', context(folder))
    expect(existsSync(join(folder, 'new.csv'))).toBe(false)
  })

  it('accepts an existing file and leaves its content alone', async () => {
    writeFileSync(join(folder, 'old.csv'), 'kept')
    await checkOutputPath('old.csv', context(folder))
    expect(readFileSync(join(folder, 'old.csv'), 'utf8')).toBe('kept')
  })

  it('refuses a folder, a missing folder and a path through a file', async () => {
    mkdirSync(join(folder, 'results'), { recursive: true })
    writeFileSync(join(folder, 'notes.txt'), '')
    await expect(checkOutputPath('results', context(folder))).rejects.toThrow(
      'cannot write "results": that is a folder, not a file.'
    )
    await expect(checkOutputPath('missing/steps.csv', context(folder))).rejects.toThrow(
      'cannot write "missing/steps.csv": the folder "missing" does not exist.'
    )
    await expect(checkOutputPath('notes.txt/steps.csv', context(folder))).rejects.toThrow(
      'cannot write "notes.txt/steps.csv": part of the path is a file, not a folder.'
    )
    await expect(checkOutputPath('missing/steps.csv', context(folder, 'zh-CN'))).rejects.toThrow(
      '无法写入“missing/steps.csv”：文件夹 "missing" 不存在。'
    )
  })

  it('lets the database make its folders, but not inside a file', async () => {
    await checkOutputPath('a/b/lab.db', context(folder), { createsFolders: true })
    expect(existsSync(join(folder, 'a'))).toBe(false)
    writeFileSync(join(folder, 'plain'), '')
    await expect(
      checkOutputPath('plain/b/lab.db', context(folder), { createsFolders: true })
    ).rejects.toThrow(/part of the path is a file, not a folder/)
  })

  it.skipIf(runsAsRoot)(
    `refuses a file or a folder without write permission${runsAsRoot ? ' (skipped: running as root, which may write anywhere)' : ''}`,
    async () => {
      writeFileSync(join(folder, 'locked.csv'), '')
      chmodSync(join(folder, 'locked.csv'), 0o444)
      await expect(checkOutputPath('locked.csv', context(folder))).rejects.toThrow(
        'cannot write "locked.csv": permission denied.'
      )
      mkdirSync(join(folder, 'shut'))
      chmodSync(join(folder, 'shut'), 0o555)
      await expect(checkOutputPath('shut/x.csv', context(folder))).rejects.toThrow(
        'the folder "shut" cannot be written to.'
      )
    }
  )
})

describe('printDiagnostics', () => {
  it('shows control characters of the file name and of the scenario escaped', () => {
    const ctx = context(folder)
    const { diagnostics } = compileScenario('alloc a 1\nfree \x1b[31mred\x07\n')
    printDiagnostics('lesson\x1b]0;x\x07.alloc', diagnostics, ctx)
    expect(ctx.err).toEqual([
      'lesson\\x1b]0;x\\x07.alloc:2:6: error: "\\x1b[31mred\\x07" cannot be a name. Names start with a letter or "_" and go on with letters, digits, "_", "-" or ".", for example "buf1". [bad-name]\n'
    ])
  })
})
