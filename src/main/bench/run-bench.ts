import { spawn } from 'node:child_process'
import { availableParallelism, cpus } from 'node:os'
import type { BenchSuite } from './suite'

export interface BenchReport {
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string }
  readonly suites: Record<string, Record<string, number | string>>
}

/** Argument that makes the bench entry run one suite in this process and print its figures. */
export const CHILD_SUITE_FLAG = '--suite-in-process'

/**
 * Run the suites one after another (never in parallel: they would share the
 * CPU they measure), each in a fresh Node process. In the app every run has a
 * worker of its own holding one allocator family; measuring several families
 * in one process would make the runner's call into the allocator polymorphic
 * and slow every suite after the first, which no real run ever sees.
 */
export async function runBench(
  suites: readonly BenchSuite[],
  only: ReadonlySet<string>,
  entry: string
): Promise<BenchReport> {
  const report: BenchReport = {
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version
    },
    suites: {}
  }
  for (const suite of suites) {
    if (only.size > 0 && !only.has(suite.name)) continue
    report.suites[suite.name] = await runInChild(entry, suite.name)
  }
  return report
}

/** The figures of one suite, measured here; errors become an `error` figure. */
export async function runSuiteHere(suite: BenchSuite): Promise<Record<string, number | string>> {
  try {
    return await suite.run()
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

function runInChild(entry: string, name: string): Promise<Record<string, number | string>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, entry, CHILD_SUITE_FLAG, name], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let output = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (output += chunk))
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(output) as Record<string, number | string>)
      } catch {
        resolve({ error: `suite process exited with ${code} and no figures` })
      }
    })
  })
}
