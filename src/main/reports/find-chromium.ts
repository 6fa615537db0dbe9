import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** Program names of Chromium and Chrome on PATH, in the order they are tried. */
const PROGRAM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome'
]

/** Where the usual installs put them, per platform. */
function knownLocations(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    ]
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (root): root is string => typeof root === 'string'
    )
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe')
    ])
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium'
  ]
}

export interface BrowserSearch {
  /** The program found, or null. */
  readonly path: string | null
  /** What was tried, for the message when nothing was found. */
  readonly looked: readonly string[]
}

function isProgram(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * An installed Chromium or Chrome to print PDFs with: CHROMIUM_PATH when it
 * is set (and only it: a wrong CHROMIUM_PATH is an error worth seeing), then
 * the usual names on PATH, then the usual install locations.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = isProgram
): BrowserSearch {
  const chosen = env['CHROMIUM_PATH']
  if (chosen) return { path: exists(chosen) ? chosen : null, looked: [`CHROMIUM_PATH=${chosen}`] }
  const suffix = platform === 'win32' ? '.exe' : ''
  const onPath = (env['PATH'] ?? '')
    .split(delimiter)
    .filter((folder) => folder.length > 0)
    .flatMap((folder) => PROGRAM_NAMES.map((name) => join(folder, name + suffix)))
  const candidates = [...onPath, ...knownLocations(env, platform)]
  const path = candidates.find((candidate) => exists(candidate)) ?? null
  return {
    path,
    looked: [
      ...PROGRAM_NAMES.map((name) => `${name} (PATH)`),
      ...knownLocations(env, platform),
      'CHROMIUM_PATH'
    ]
  }
}
