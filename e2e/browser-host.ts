import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningHost {
  readonly url: string
  readonly databasePath: string
  /** Everything the host printed so far (stdout and stderr together). */
  output(): string
  stop(): Promise<void>
}

/**
 * Start the real browser host the way a user does (`alloclab web`), on a
 * temporary database, and wait for the URL it prints.
 */
export async function startBrowserHost(
  databasePath?: string,
  extraArgs: readonly string[] = []
): Promise<RunningHost> {
  const db = databasePath ?? join(mkdtempSync(join(tmpdir(), 'alloclab-e2e-')), 'alloclab.db')
  const child: ChildProcess = spawn(
    process.execPath,
    [join(__dirname, '..', 'bin', 'alloclab.cjs'), 'web', '--no-open', '--db', db, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser host did not start:\n${output}`)),
      60_000
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser host exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    databasePath: db,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
