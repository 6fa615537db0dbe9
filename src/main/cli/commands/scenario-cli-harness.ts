/** Test harness for the scenario commands: runCli with a fake io in a fresh temporary folder. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CliCommand, CliIo } from '../command'
import { runCli } from '../run-cli'

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export interface ScenarioCliHarness {
  readonly folder: string
  write(name: string, text: string): void
  read(name: string): string
  /** `io` overrides parts of the fake standard streams (a terminal on stdout, a progress stream). */
  run(argv: string[], stdin?: string | Uint8Array, io?: Partial<CliIo>): Promise<CliResult>
}

export function scenarioCliHarness(commands: readonly CliCommand[]): ScenarioCliHarness {
  const folder = mkdtempSync(join(tmpdir(), 'alloclab-scenario-cli-'))
  return {
    folder,
    write: (name, text) => writeFileSync(join(folder, name), text),
    read: (name) => readFileSync(join(folder, name), 'utf8'),
    async run(argv, stdin = '', overrides = {}) {
      let stdout = ''
      let stderr = ''
      const io: CliIo = {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        cwd: folder,
        readStdin: () => Promise.resolve(stdin),
        ...overrides
      }
      const code = await runCli(argv, commands, io, '0.0.0-test')
      return { code, stdout, stderr }
    }
  }
}
