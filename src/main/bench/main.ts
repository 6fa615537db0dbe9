/**
 * `npm run bench [-- SUITE...]`: runs the benchmark suites on the production
 * bundle (out/main/bench.js, built by electron-vite like the app itself, so
 * the engine measured is the engine that ships) and prints one JSON object on
 * stdout. Progress notes go to stderr.
 */
import { benchSuites } from './suites'
import { runBench } from './run-bench'

async function main(): Promise<void> {
  const report = await runBench(benchSuites, new Set(process.argv.slice(2)))
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})
