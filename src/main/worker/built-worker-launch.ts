import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { WorkerLaunch } from './worker-host'

/** The worker entries electron-vite builds next to the main bundle (see electron.vite.config.ts). */
export type BuiltWorker = 'engine-worker' | 'compile-worker'

/**
 * A built worker sits next to the built main bundle (out/main/engine-worker.js
 * beside out/main/index.js and cli.js); when this code ends up in a shared
 * chunk one folder down, look one folder up as well.
 */
export function builtWorkerLaunch(worker: BuiltWorker = 'engine-worker'): WorkerLaunch {
  const candidates = [join(__dirname, `${worker}.js`), join(__dirname, '..', `${worker}.js`)]
  return { workerPath: candidates.find((path) => existsSync(path)) ?? candidates[0]! }
}

/** The built scenario compiler worker (see compile-worker.ts). */
export function builtCompileLaunch(): WorkerLaunch {
  return builtWorkerLaunch('compile-worker')
}
