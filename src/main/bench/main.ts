/**
 * `npm run bench [-- SUITE...]`: runs the benchmark suites on the production
 * bundle (out/main/bench.js, built by electron-vite like the app itself, so
 * the engine measured is the engine that ships) and prints one JSON object on
 * stdout. Each suite runs in a process of its own; progress notes go to stderr.
 */
import { benchSuites } from './suites'
import { CHILD_SUITE_FLAG, runBench, runSuiteHere } from './run-bench'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === CHILD_SUITE_FLAG) {
    const suite = benchSuites.find((s) => s.name === args[1])
    const figures = suite ? await runSuiteHere(suite) : { error: `no suite named ${args[1]}` }
    process.stdout.write(JSON.stringify(figures))
    return
  }
  const unknown = args.filter((name) => !benchSuites.some((s) => s.name === name))
  if (unknown.length > 0) {
    const known = benchSuites.map((s) => s.name).join(', ')
    process.stderr.write(`Unknown bench suite(s): ${unknown.join(', ')}. Suites: ${known}.\n`)
    process.exitCode = 2
    return
  }
  const report = await runBench(benchSuites, new Set(args), process.argv[1]!)
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})
