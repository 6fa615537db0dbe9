import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '@shared/scenario'
import { allFamilies } from '../../engine/families'
import { procFormatters } from '../../engine/proc-formatters'
import { engineWorkerFromSource } from '../../worker/testing/tsx-worker'
import { runCli } from '../run-cli'
import { createRunCommand } from './run'

/**
 * The files in golden/ were written by `alloclab run` before it drove runs
 * through the LabApi contract (scenarios from `alloclab generate`); the same
 * command must still print them byte for byte.
 */
const golden = join(__dirname, 'golden')
const out = mkdtempSync(join(tmpdir(), 'alloclab-golden-'))
const commands = [
  createRunCommand({
    families: () => allFamilies,
    launch: engineWorkerFromSource,
    compile: compileScenario,
    formatters: procFormatters,
    parallel: 2
  })
]

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    argv,
    commands,
    {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: golden,
      readStdin: () => Promise.resolve('')
    },
    '0.0.0-test'
  )
  return { code, stdout, stderr }
}

const JSON_CASES: [string, string[]][] = [
  ['random', ['-a', 'first-fit', '-a', 'best-fit:order=size-asc', '-a', 'next-fit']],
  ['slab', ['-a', 'slab', '-a', 'buddy']],
  ['pages', ['-a', 'buddy', '-a', 'buddy:max-order=3']],
  ['frag', ['-a', 'first-fit:coalesce=off', '-a', 'worst-fit']]
]

const CSV_CASES: [string, string[]][] = [
  ['random', ['-a', 'first-fit', '-a', 'best-fit']],
  ['pages', ['-a', 'buddy']],
  ['slab', ['-a', 'slab']]
]

describe('alloclab run prints what it printed before', () => {
  for (const [name, specs] of JSON_CASES) {
    it(`gives the same --json --events for ${name}.alloc`, async () => {
      const { code, stdout, stderr } = await cli([
        'run',
        `${name}.alloc`,
        ...specs,
        '--json',
        '--events'
      ])
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expect(stdout).toBe(readFileSync(join(golden, `${name}.json`), 'utf8'))
    })
  }

  for (const [name, specs] of CSV_CASES) {
    it(`writes the same --csv for ${name}.alloc`, async () => {
      const file = join(out, `${name}.csv`)
      const { code } = await cli(['run', `${name}.alloc`, ...specs, '--csv', file])
      expect(code).toBe(0)
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(golden, `${name}.csv`), 'utf8'))
    })
  }
})
