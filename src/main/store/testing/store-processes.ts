import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import type { DatabaseNotice } from '@shared/database-notice'

const repoRoot = resolve(__dirname, '../../../..')

export interface StoreProcessResult {
  readonly exitCode: number | null
  readonly stderr: string
  /** What the child printed after opening, if it got that far. */
  readonly opened?: {
    readonly notice: DatabaseNotice | null
    readonly version: number
    readonly tables: readonly string[]
  }
}

/**
 * Start `count` real node processes that each open the store at `path`, from
 * TypeScript source through tsx. All of them load first, then all are told
 * to go at once, so they race for the same fresh file as hosts started
 * together do.
 */
export async function openStoreInProcesses(
  count: number,
  path: string
): Promise<StoreProcessResult[]> {
  const children = Array.from({ length: count }, () => startChild(path))
  await Promise.all(children.map((child) => child.ready))
  for (const child of children) child.process.stdin!.write('go\n')
  return Promise.all(children.map((child) => child.result))
}

function startChild(path: string): {
  process: ChildProcess
  ready: Promise<void>
  result: Promise<StoreProcessResult>
} {
  const child = spawn(
    process.execPath,
    [
      '--require',
      createRequire(__filename).resolve('tsx/cjs'),
      resolve(__dirname, 'open-store-process.ts'),
      path
    ],
    {
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve(repoRoot, 'tsconfig.node.json') },
      stdio: ['pipe', 'pipe', 'pipe']
    }
  )
  // A child that died while loading has no stdin to hear "go" on; its exit says why.
  child.stdin!.on('error', () => undefined)
  let stdout = ''
  let stderr = ''
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolveReady) => (markReady = resolveReady))
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (stdout.startsWith('ready\n')) markReady()
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const result = new Promise<StoreProcessResult>((resolveResult) => {
    // 'close', not 'exit': only then has everything the child printed arrived.
    child.once('close', (exitCode) => {
      markReady()
      const line = stdout.split('\n')[1]
      resolveResult({ exitCode, stderr, ...(line ? { opened: JSON.parse(line) } : {}) })
    })
  })
  return { process: child, ready, result }
}
