import { createRequire } from 'node:module'
import { resolve } from 'node:path'

const repoRoot = resolve(__dirname, '../../../..')

/**
 * How tests start an engine worker straight from TypeScript source: tsx's
 * CommonJS hook, pointed at the tsconfig that maps `@shared/*`. (The repo's
 * root tsconfig.json only lists project references, so without the explicit
 * tsconfig tsx would not resolve the alias inside the worker.)
 */
export function tsxWorker(entry: string): {
  workerPath: string
  execArgv: string[]
  env: Record<string, string | undefined>
} {
  return {
    workerPath: resolve(__dirname, entry),
    execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')],
    env: { ...process.env, TSX_TSCONFIG_PATH: resolve(repoRoot, 'tsconfig.node.json') }
  }
}

/** The production engine worker, run from source. */
export const engineWorkerFromSource = (): ReturnType<typeof tsxWorker> =>
  tsxWorker('../engine-worker.ts')

/** The scenario compiler worker, run from source. */
export const compileWorkerFromSource = (): ReturnType<typeof tsxWorker> =>
  tsxWorker('../compile-worker.ts')
