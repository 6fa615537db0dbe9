import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { WorkerLaunch } from '../engine/run-configs'

/**
 * The built engine worker sits next to the built main bundle
 * (out/main/engine-worker.js beside out/main/index.js and cli.js); when this
 * code ends up in a shared chunk one folder down, look one folder up as well.
 */
export function builtWorkerLaunch(): WorkerLaunch {
  const candidates = [
    join(__dirname, 'engine-worker.js'),
    join(__dirname, '..', 'engine-worker.js')
  ]
  return { workerPath: candidates.find((path) => existsSync(path)) ?? candidates[0]! }
}
