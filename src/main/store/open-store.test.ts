import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type OpenedStore } from './open-store'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { schemaVersion } from './migrate'

const opened: OpenedStore[] = []
function open(path: string): OpenedStore {
  const store = openStore(path, { now: () => new Date('2026-11-25T10:00:00.000Z') })
  opened.push(store)
  return store
}
afterEach(() => {
  for (const store of opened.splice(0)) if (store.db.open) store.db.close()
})

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'alloclab-store-'))
}

describe('openStore', () => {
  it('creates a new database at the latest schema with WAL and foreign keys on', () => {
    const path = join(tempDir(), 'nested', 'lab.db')
    const { db, notice } = open(path)
    expect(notice).toBeNull()
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('reopens an existing database without touching its data', () => {
    const path = join(tempDir(), 'lab.db')
    const first = open(path)
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run()
    first.db.close()
    const second = open(path)
    expect(second.notice).toBeNull()
    expect(second.db.prepare("SELECT value FROM settings WHERE key = 'theme'").pluck().get()).toBe(
      '"dark"'
    )
  })

  it('moves a damaged file aside with a timestamp and starts a fresh database', () => {
    const dir = tempDir()
    const path = join(dir, 'lab.db')
    writeFileSync(path, 'this is not a database, just some text '.repeat(200))
    const { db, notice } = open(path)
    expect(notice?.kind).toBe('damaged')
    expect(notice?.movedTo).toBe(`${path}.damaged-2026-11-25T10-00-00-000Z`)
    expect(readFileSync(notice!.movedTo, 'utf8')).toContain('this is not a database')
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
  })

  it('moves aside a database written by a newer AllocLab instead of opening it', () => {
    const dir = tempDir()
    const path = join(dir, 'lab.db')
    const future = new BetterSqlite3(path)
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    future.exec('CREATE TABLE from_the_future (x INTEGER)')
    future.close()
    const { db, notice } = open(path)
    expect(notice?.kind).toBe('newer')
    expect(notice?.detail).toContain(String(LATEST_SCHEMA_VERSION + 5))
    const kept = new BetterSqlite3(notice!.movedTo, { readonly: true })
    expect(schemaVersion(kept)).toBe(LATEST_SCHEMA_VERSION + 5)
    kept.close()
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
  })

  it('keeps the moved database together with its WAL file', () => {
    const dir = tempDir()
    const path = join(dir, 'lab.db')
    writeFileSync(path, 'garbage'.repeat(1000))
    writeFileSync(`${path}-wal`, 'wal of the damaged file')
    const { notice } = open(path)
    expect(readFileSync(`${notice!.movedTo}-wal`, 'utf8')).toBe('wal of the damaged file')
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`, 'utf8') : '').not.toContain(
      'damaged'
    )
  })
})
