/** Entry of the `alloclab` command line (built to out/main/cli.js). */
import { commands } from './commands'
import { runCli } from './run-cli'
import { appVersion } from '../app-version'

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

runCli(
  process.argv.slice(2),
  commands,
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    readStdin,
    stdoutIsTerminal: process.stdout.isTTY,
    // A terminal that cannot move its cursor would print every redraw below the last.
    ...(process.env['TERM'] === 'dumb' ? {} : { progress: process.stderr })
  },
  appVersion()
).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `alloclab failed unexpectedly; this is a bug in AllocLab, please report it.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    )
    process.exitCode = 1
  }
)
