#!/usr/bin/env node
// `npm start`: build, make sure better-sqlite3 exists for Electron's ABI (in
// its own folder, so node_modules keeps the Node build that tests, the CLI and
// the browser host use), then start Electron. Where Electron's binary is
// missing and cannot be fetched, say so and start the browser host instead.
'use strict'
const { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs')
const { dirname, join } = require('node:path')
const { spawnSync, spawn } = require('node:child_process')

const root = join(__dirname, '..')
const nativeDir = join(root, '.electron-native')
const nativeAddon = join(nativeDir, 'better_sqlite3.node')

function electronBinary() {
  // Electron 42+ downloads its program on the first require and throws when
  // that is impossible. Ask in a child process so the download's own noise
  // stays out of the user's terminal.
  const probe = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(String(require("electron")))'],
    {
      cwd: root,
      encoding: 'utf8'
    }
  )
  const path = probe.status === 0 ? probe.stdout.trim() : ''
  return path && existsSync(path) ? path : null
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options })
  return result.status === 0
}

/** ABI number a Node/Electron native addon was compiled for, read from its registration symbol. */
function addonAbi(file) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'))
  return match ? Number(match[1]) : null
}

function ensureElectronSqlite() {
  const electronVersion = require('electron/package.json').version
  const abi = Number(
    readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim()
  )
  const sqliteVersion = require('better-sqlite3/package.json').version
  const stampFile = join(nativeDir, 'build-info.json')
  const wanted = { electronVersion, abi, sqliteVersion }
  if (existsSync(nativeAddon) && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
    if (JSON.stringify(stamp) === JSON.stringify(wanted) && addonAbi(nativeAddon) === abi)
      return true
  }
  console.log(
    `Building better-sqlite3 for Electron ${electronVersion} (ABI ${abi}); this happens once...`
  )
  const work = join(nativeDir, 'better-sqlite3')
  rmSync(nativeDir, { recursive: true, force: true })
  mkdirSync(nativeDir, { recursive: true })
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  cpSync(source, work, {
    recursive: true,
    filter: (path) => !path.includes(`${join(source, 'build')}`)
  })
  // A global `nodedir` npm setting makes node-gyp build against Node's
  // headers while claiming success: drop it so Electron's headers are used.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^npm_config_(nodedir|target|runtime|dist_url|disturl)$/i.test(key)
    )
  )
  const npmCli = process.env.npm_execpath
  const nodeGyp = npmCli
    ? join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
    : null
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers'
  ]
  const ok =
    nodeGyp && existsSync(nodeGyp)
      ? run(process.execPath, [nodeGyp, ...args], { cwd: work, env })
      : run('npx', ['--yes', 'node-gyp', ...args], {
          cwd: work,
          env,
          shell: process.platform === 'win32'
        })
  const built = join(work, 'build', 'Release', 'better_sqlite3.node')
  if (!ok || !existsSync(built)) return false
  if (addonAbi(built) !== abi) {
    console.error(
      `The addon was built for ABI ${addonAbi(built)}, not Electron's ${abi}; not using it.`
    )
    return false
  }
  cpSync(built, nativeAddon)
  writeFileSync(stampFile, JSON.stringify(wanted))
  return true
}

function startBrowserHost(reason) {
  console.log(`${reason} AllocLab opens in your web browser instead.`)
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'alloclab.cjs'), 'web', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit'
    }
  )
  child.on('exit', (code) => process.exit(code ?? 0))
}

const binary = electronBinary()
if (!binary) {
  startBrowserHost(
    'Electron cannot start here because its program is missing and could not be downloaded.'
  )
} else if (
  !run(process.execPath, [
    join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build'
  ])
) {
  process.exit(1)
} else if (!ensureElectronSqlite()) {
  startBrowserHost(
    'The database module could not be built for Electron (its headers could not be downloaded).'
  )
} else {
  const child = spawn(binary, [root, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ALLOCLAB_NATIVE_BINDING: nativeAddon }
  })
  child.on('exit', (code) => process.exit(code ?? 0))
}
