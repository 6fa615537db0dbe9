/**
 * `npm run bench` ("tsx scripts/bench.ts [SUITE...]"): runs the benchmark
 * suites and prints one JSON object on stdout. Progress notes go to stderr.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const tsconfig = resolve(__dirname, '../tsconfig.node.json')

if (process.env['TSX_TSCONFIG_PATH'] !== tsconfig) {
  // tsx reads the root tsconfig.json, which only lists project references, so
  // `@shared/*` would not resolve. Run again with the tsconfig that maps it.
  const again = spawnSync(
    process.execPath,
    [...process.execArgv, __filename, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig }
    }
  )
  process.exit(again.status ?? 1)
} else {
  void main()
}

async function main(): Promise<void> {
  const { benchSuites } = await import('../src/main/bench/suites')
  const { runBench } = await import('../src/main/bench/run-bench')
  const report = await runBench(benchSuites, new Set(process.argv.slice(2)))
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}
