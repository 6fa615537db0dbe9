import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** Path of the Electron program, or why there is none (it cannot be downloaded on every machine). */
export function findElectron(): { path: string } | { missing: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require('electron') as unknown
    if (typeof path === 'string' && existsSync(path)) return { path }
    return { missing: 'the Electron package gave no usable program path' }
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    return {
      missing: `the Electron program is not installed and could not be downloaded (${first})`
    }
  }
}

/** better-sqlite3 built for Electron's ABI by `npm start`. */
export const electronNativeAddon = join(__dirname, '..', '.electron-native', 'better_sqlite3.node')
