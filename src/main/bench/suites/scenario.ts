import { STANDARD_WORKLOADS, compileScenario, generate } from '@shared/scenario'
import type { BenchSuite } from '../suite'

const RUNS = 5

function elapsedMs(work: () => void): number {
  const start = process.hrtime.bigint()
  work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/**
 * Scenario language throughput: text of the standard heap workload (a million
 * requests) generated once, then parsed and compiled to a typed-array program
 * RUNS times. The first run includes warming up the JIT; best and median say
 * what steady use costs.
 */
export const scenarioSuite: BenchSuite = {
  name: 'scenario',
  run() {
    const workload = STANDARD_WORKLOADS.heap
    let text = ''
    const generateMs = elapsedMs(() => {
      text = generate(workload.kind, workload.options)
    })
    let requests = 0
    const times: number[] = []
    for (let run = 0; run < RUNS; run++) {
      times.push(
        elapsedMs(() => {
          const { program, diagnostics } = compileScenario(text)
          if (!program)
            throw new Error(`the generated scenario has errors: ${diagnostics[0]?.code}`)
          requests = program.count
        })
      )
    }
    const first = times[0]!
    const sorted = [...times].sort((a, b) => a - b)
    const best = sorted[0]!
    const median = sorted[Math.floor(sorted.length / 2)]!
    const round = (value: number): number => Math.round(value * 10) / 10
    return Promise.resolve({
      workload: 'standard heap (random, seed 1)',
      requests,
      textBytes: text.length,
      generateMs: round(generateMs),
      'compileMs.first': round(first),
      'compileMs.best': round(best),
      'compileMs.median': round(median),
      'requestsPerSecond.first': Math.round((requests / first) * 1000),
      'requestsPerSecond.best': Math.round((requests / best) * 1000),
      'requestsPerSecond.median': Math.round((requests / median) * 1000)
    })
  }
}

export default scenarioSuite
