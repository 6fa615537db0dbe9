#!/usr/bin/env node
// Entry of the `alloclab` command. It runs the built CLI (out/main/cli.js) and
// builds the app first when the build is missing or older than the sources,
// so `npm run cli -- ...` and `npm run web` work straight from a clean clone.
'use strict'
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')
const builtCli = join(root, 'out', 'main', 'cli.js')

function newestSourceTime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path))
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function buildIsStale() {
  if (!existsSync(builtCli) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) return true
  const srcDir = join(root, 'src')
  if (!existsSync(srcDir)) return false // installed package: out/ is all there is
  const builtAt = statSync(builtCli).mtimeMs
  return (
    newestSourceTime(srcDir) > builtAt || statSync(join(root, 'package.json')).mtimeMs > builtAt
  )
}

if (buildIsStale()) {
  process.stderr.write('alloclab: building the app first (this takes a few seconds)...\n')
  const viteBin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`)
    process.stderr.write('alloclab: the build failed; see the messages above.\n')
    process.exit(result.status ?? 1)
  }
}

require(builtCli)
