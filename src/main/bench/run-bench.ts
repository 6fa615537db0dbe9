import { availableParallelism, cpus } from 'node:os'
import type { BenchSuite } from './suite'

export interface BenchReport {
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string }
  readonly suites: Record<string, Record<string, number | string>>
}

/** Run the suites one after another (never in parallel: they would share the CPU they measure). */
export async function runBench(
  suites: readonly BenchSuite[],
  only?: ReadonlySet<string>
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
    if (only && only.size > 0 && !only.has(suite.name)) continue
    try {
      report.suites[suite.name] = await suite.run()
    } catch (error) {
      report.suites[suite.name] = { error: error instanceof Error ? error.message : String(error) }
    }
  }
  return report
}
