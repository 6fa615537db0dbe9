import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '@shared/scenario'
import { tinyFamily } from '../../engine/testing/tiny-family'
import { compileWorkerFromSource, tsxWorker } from '../../worker/testing/tsx-worker'
import { runCli } from '../run-cli'
import { createRunCommand } from './run'

const commands = [
  createRunCommand({
    families: () => [tinyFamily],
    launch: () => tsxWorker('./tiny-worker.ts'),
    compile: compileScenario,
    formatters: {},
    parallel: 2,
    compileLaunch: compileWorkerFromSource
  })
]
const folder = mkdtempSync(join(tmpdir(), 'alloclab-run-service-'))
writeFileSync(
  join(folder, 'five.scn'),
  'arena 100\nalloc a 30\nalloc b 50\nfree a\nalloc c 10\nfree b\n'
)
writeFileSync(join(folder, 'warns.scn'), 'arena 100\nalloc a 0\nalloc b 200\n')
// 40,000 requests: a timeline of a few megabytes.
writeFileSync(
  join(folder, 'long.scn'),
  `arena 1MiB\n${Array.from({ length: 20_000 }, (_, i) => `alloc h${i % 64} 8\nfree h${i % 64}`).join('\n')}\n`
)

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    argv,
    commands,
    {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: folder,
      readStdin: () => Promise.resolve('')
    },
    '0.0.0-test'
  )
  return { code, stdout, stderr }
}

type Report = {
  runs: { summary: { peaks: { requestedLive: unknown; strides: { live: number } } } }[]
}

describe('alloclab run through the service', () => {
  it('records a timeline by default, so its peaks are exact', async () => {
    const { code, stdout } = await cli(['run', 'five.scn', '-a', 'tiny', '--json'])
    expect(code).toBe(0)
    const summary = (JSON.parse(stdout) as Report).runs[0]!.summary
    // a (30) and b (50) are live after `alloc b 50`, step 1.
    expect(summary.peaks.requestedLive).toEqual({ value: 80, step: 1 })
    expect(summary.peaks.strides.live).toBe(1)
  })

  it('records nothing with --no-record, and the strides say how often peaks were seen', async () => {
    const { code, stdout } = await cli(['run', 'five.scn', '-a', 'tiny', '--json', '--no-record'])
    expect(code).toBe(0)
    const summary = (JSON.parse(stdout) as Report).runs[0]!.summary
    expect(summary.peaks.strides.live).toBeGreaterThan(1)
  })

  it('refuses --no-record with --events or --csv, which read the timeline', async () => {
    for (const extra of [
      ['--json', '--events'],
      ['--csv', 'out.csv']
    ]) {
      const { code, stderr } = await cli(['run', 'five.scn', '-a', 'tiny', '--no-record', ...extra])
      expect(code).toBe(2)
      expect(stderr).toContain('--no-record')
    }
  })

  it('prints the warnings the service found, as compilers print them', async () => {
    const { code, stderr } = await cli(['run', 'warns.scn', '-a', 'tiny'])
    expect(code).toBe(0)
    expect(stderr).toMatch(/^warns\.scn:2:\d+: warning: .+ \[size-zero\]$/m)
    expect(stderr).toMatch(/^warns\.scn:3:\d+: warning: .+ \[exceeds-arena\]$/m)
  })

  it('says what limit a run exceeds and what to do, and exits 2', async () => {
    const { code, stdout, stderr } = await cli([
      'run',
      'long.scn',
      '-a',
      'tiny',
      '-a',
      'tiny:order=front',
      '--run-budget',
      '1MiB'
    ])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('1 MiB')
    expect(stderr).toContain('--run-budget')
    const chinese = await cli([
      'run',
      'long.scn',
      '-a',
      'tiny',
      '--run-budget',
      '1MiB',
      '--lang',
      'zh-CN'
    ])
    expect(chinese.code).toBe(2)
    expect(chinese.stderr).toContain('这次运行大约需要')
  })

  it('refuses a budget that is not a size', async () => {
    const { code, stderr } = await cli(['run', 'five.scn', '-a', 'tiny', '--run-budget', 'lots'])
    expect(code).toBe(2)
    expect(stderr).toContain('"lots"')
  })
})
