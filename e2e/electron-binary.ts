import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..')

/**
 * Path of the Electron program, or why there is none (it cannot be
 * downloaded on every machine). Asked in a child process, as `npm start`
 * does, because the package tries a download on first require.
 */
export function findElectron(): { path: string } | { missing: string } {
  const probe = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(String(require("electron")))'],
    { cwd: root, encoding: 'utf8' }
  )
  const path = probe.status === 0 ? probe.stdout.trim() : ''
  if (path && existsSync(path)) return { path }
  const reason = /Error: (.*)/.exec(probe.stderr)?.[1] ?? 'no usable program path'
  return {
    missing: `the Electron program is not installed and could not be downloaded (${reason})`
  }
}

/** better-sqlite3 built for Electron's ABI by `npm start`. */
export const electronNativeAddon = join(root, '.electron-native', 'better_sqlite3.node')
