/**
 * A child process that opens the store the way a host does at start, for
 * tests that need several real processes on one database. It prints "ready"
 * once loaded, waits for a line on stdin (so every child starts opening at
 * the same moment), opens `argv[2]`, and prints one JSON line: the notice,
 * the schema version and the tables it found. Any throw exits 1 with the
 * error, which is exactly the failure the tests look for.
 */
import { createInterface } from 'node:readline'
import { openStore } from '../open-store'
import { schemaVersion } from '../migrate'

const path = process.argv[2]
if (!path) throw new Error('usage: open-store-process.ts DATABASE_PATH')

process.stdout.write('ready\n')
createInterface({ input: process.stdin }).once('line', () => {
  const store = openStore(path)
  const tables = store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all()
  process.stdout.write(
    `${JSON.stringify({ notice: store.notice, version: schemaVersion(store.db), tables })}\n`
  )
  store.db.close()
  process.exit(0)
})
