import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the browser host and the CLI keep their database unless told
 * otherwise (`--db PATH` or ALLOCLAB_DB). The Electron shell uses its own
 * user-data folder instead.
 */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env['ALLOCLAB_DB'] ?? join(homedir(), '.alloclab', 'alloclab.db')
}
