import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { LabError } from '@shared/lab-error'
import { openStore, type OpenedStore } from './open-store'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { schemaVersion } from './migrate'
import { SettingsRepository } from './settings-repository'
import { probeWriteProtection } from './testing/write-protection'

const opened: OpenedStore[] = []
function open(path: string): OpenedStore {
  const store = openStore(path, { now: () => new Date('2026-11-25T10:00:00.000Z') })
  opened.push(store)
  return store
}

const writeProtection = probeWriteProtection()
afterEach(() => {
  for (const store of opened.splice(0)) if (store.db.open) store.db.close()
  if (writeProtection.available) writeProtection.protection.releaseAll()
})

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'alloclab-store-'))
}

/** A database at `path` as this version writes it, with the dark theme saved. */
function savedDatabase(path: string): void {
  const store = openStore(path)
  new SettingsRepository(store.db).set({ theme: 'dark' })
  store.db.close()
}

/** Everything in a folder, with each file's hash: what "nothing was touched" compares. */
function snapshotOf(dir: string): Record<string, string> {
  const entries: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    entries[name] = statSync(full).isFile()
      ? createHash('sha256').update(readFileSync(full)).digest('hex')
      : 'folder'
  }
  return entries
}

function expectWriteRefused(store: OpenedStore): void {
  const attempt = (): unknown => new SettingsRepository(store.db).set({ theme: 'light' })
  expect(attempt).toThrow(LabError)
  try {
    attempt()
  } catch (error) {
    expect(error).toMatchObject({ code: 'read-only', key: 'app.databaseErrors.readOnly' })
  }
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
})

describe('openStore with a damaged or newer database', () => {
  it('moves a damaged file aside with a timestamp and starts a fresh database', () => {
    const dir = tempDir()
    const path = join(dir, 'lab.db')
    writeFileSync(path, 'this is not a database, just some text '.repeat(200))
    const { db, notice } = open(path)
    expect(notice).toMatchObject({
      kind: 'damaged',
      fallback: 'fresh',
      path,
      folder: dir,
      movedTo: `${path}.damaged-2026-11-25T10-00-00-000Z`,
      failure: null
    })
    expect(readFileSync(notice!.movedTo!, 'utf8')).toContain('this is not a database')
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(db.memory).toBe(false)
  })

  it('moves aside a database written by a newer AllocLab instead of opening it', () => {
    const dir = tempDir()
    const path = join(dir, 'lab.db')
    const future = new BetterSqlite3(path)
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    future.exec('CREATE TABLE from_the_future (x INTEGER)')
    future.close()
    const { db, notice } = open(path)
    expect(notice).toMatchObject({ kind: 'newer', fallback: 'fresh' })
    expect(notice?.detail).toContain(String(LATEST_SCHEMA_VERSION + 5))
    const kept = new BetterSqlite3(notice!.movedTo!, { readonly: true })
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

  it('never moves over an earlier moved-aside file stamped at the same moment', () => {
    const dir = tempDir()
    const path = join(dir, 'lab.db')
    writeFileSync(path, 'first damaged file '.repeat(100))
    const first = open(path).notice!.movedTo!
    opened.splice(0).forEach((store) => store.db.close())
    writeFileSync(path, 'second damaged file '.repeat(100))
    const second = open(path).notice!.movedTo!
    expect(second).not.toBe(first)
    expect(readFileSync(first, 'utf8')).toContain('first damaged file')
    expect(readFileSync(second, 'utf8')).toContain('second damaged file')
  })
})

describe('openStore with something other than a file at the path', () => {
  it('says a folder is in the way, renames nothing and runs in memory', () => {
    const dir = tempDir()
    const path = join(dir, 'lab.db')
    mkdirSync(path)
    writeFileSync(join(path, 'keep-me.txt'), 'the user’s own file')
    const before = snapshotOf(dir)
    const store = open(path)
    expect(store.notice).toMatchObject({
      kind: 'path-is-folder',
      fallback: 'in-memory',
      path,
      movedTo: null,
      failure: null
    })
    expect(store.db.memory).toBe(true)
    expect(new SettingsRepository(store.db).set({ theme: 'dark' }).theme).toBe('dark')
    expect(snapshotOf(dir)).toEqual(before)
    expect(readFileSync(join(path, 'keep-me.txt'), 'utf8')).toBe('the user’s own file')
  })

  const mkfifo = (() => {
    try {
      execFileSync('mkfifo', ['--version'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()
  it.skipIf(!mkfifo)(
    'says a named pipe is not a file and runs in memory (needs the mkfifo tool)',
    () => {
      const dir = tempDir()
      const path = join(dir, 'lab.db')
      execFileSync('mkfifo', [path])
      const store = open(path)
      expect(store.notice).toMatchObject({ kind: 'path-not-a-file', fallback: 'in-memory' })
      expect(store.notice?.detail).toContain('pipe')
      expect(statSync(path).isFIFO()).toBe(true)
    }
  )

  it('says when the folder cannot be made because part of its path is a file', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'not-a-folder'), 'a file')
    const path = join(dir, 'not-a-folder', 'lab.db')
    const store = open(path)
    expect(store.notice).toMatchObject({
      kind: 'cannot-create',
      fallback: 'in-memory',
      failure: 'not-a-folder'
    })
    expect(readFileSync(join(dir, 'not-a-folder'), 'utf8')).toBe('a file')
  })
})

describe('openStore with a database it may not write', () => {
  const skipWhy = writeProtection.available ? '' : ` (skipped: ${writeProtection.reason})`
  const protection = writeProtection.available ? writeProtection.protection : undefined
  const how = protection ? ` (${protection.how})` : skipWhy

  it.skipIf(!protection)(
    `opens a read-only file read-only, says why, and refuses writes as read-only${how}`,
    () => {
      const dir = tempDir()
      const path = join(dir, 'lab.db')
      savedDatabase(path)
      protection!.protect(path)
      const before = snapshotOf(dir)
      const store = open(path)
      expect(store.notice).toMatchObject({
        kind: 'read-only-file',
        fallback: 'read-only',
        path,
        folder: dir,
        movedTo: null,
        failure: null
      })
      expect(new SettingsRepository(store.db).get().theme).toBe('dark')
      expectWriteRefused(store)
      expect(snapshotOf(dir)).toEqual(before)
    }
  )

  it.skipIf(!protection)(
    `opens an empty read-only file at the latest schema, still read-only${how}`,
    () => {
      const dir = tempDir()
      const path = join(dir, 'lab.db')
      writeFileSync(path, '')
      protection!.protect(path)
      const store = open(path)
      expect(store.notice).toMatchObject({ kind: 'read-only-file', fallback: 'read-only' })
      expect(schemaVersion(store.db)).toBe(LATEST_SCHEMA_VERSION)
      expect(new SettingsRepository(store.db).get().theme).toBe('system')
      expectWriteRefused(store)
      expect(statSync(path).size).toBe(0)
    }
  )

  it.skipIf(!protection)(
    `calls a healthy file in a read-only folder read-only, not damaged${how}`,
    () => {
      const dir = tempDir()
      const path = join(dir, 'lab.db')
      savedDatabase(path)
      protection!.protect(dir)
      const before = snapshotOf(dir)
      const store = open(path)
      expect(store.notice).toMatchObject({
        kind: 'read-only-folder',
        fallback: 'read-only',
        movedTo: null,
        failure: null
      })
      expect(new SettingsRepository(store.db).get().theme).toBe('dark')
      expectWriteRefused(store)
      expect(snapshotOf(dir)).toEqual(before)
    }
  )

  it.skipIf(!protection)(
    `reads changes still in the WAL of a database in a read-only folder${how}`,
    () => {
      const live = join(tempDir(), 'lab.db')
      const writer = openStore(live)
      writer.db.pragma('wal_checkpoint(TRUNCATE)')
      new SettingsRepository(writer.db).set({ theme: 'dark' })
      // A copy taken while the writer is open: the change is only in the WAL, as after a crash.
      const dir = tempDir()
      for (const suffix of ['', '-wal', '-shm']) {
        copyFileSync(live + suffix, join(dir, 'lab.db' + suffix))
      }
      writer.db.close()
      expect(statSync(join(dir, 'lab.db-wal')).size).toBeGreaterThan(0)
      protection!.protect(dir)
      const store = open(join(dir, 'lab.db'))
      expect(store.notice).toMatchObject({ kind: 'read-only-folder', fallback: 'read-only' })
      expect(new SettingsRepository(store.db).get().theme).toBe('dark')
    }
  )

  it.skipIf(!protection)(
    `explains a damaged file that cannot be moved out of a read-only folder${how}`,
    () => {
      const dir = tempDir()
      const path = join(dir, 'lab.db')
      writeFileSync(path, 'not a database '.repeat(100))
      protection!.protect(dir)
      const before = snapshotOf(dir)
      const store = open(path)
      expect(store.notice).toMatchObject({
        kind: 'damaged',
        fallback: 'in-memory',
        movedTo: null,
        failure: 'permission-denied'
      })
      expect(store.db.memory).toBe(true)
      expect(new SettingsRepository(store.db).set({ theme: 'dark' }).theme).toBe('dark')
      expect(snapshotOf(dir)).toEqual(before)
    }
  )

  it.skipIf(!protection)(
    `explains a newer database that cannot be moved out of a read-only folder${how}`,
    () => {
      const dir = tempDir()
      const path = join(dir, 'lab.db')
      const future = new BetterSqlite3(path)
      future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
      future.close()
      protection!.protect(dir)
      const store = open(path)
      expect(store.notice).toMatchObject({
        kind: 'newer',
        fallback: 'in-memory',
        movedTo: null,
        failure: 'permission-denied'
      })
    }
  )

  it.skipIf(!protection)(`says the database cannot be created in a read-only folder${how}`, () => {
    const dir = tempDir()
    protection!.protect(dir)
    const store = open(join(dir, 'lab.db'))
    expect(store.notice).toMatchObject({
      kind: 'cannot-create',
      fallback: 'in-memory',
      failure: 'permission-denied',
      folder: dir
    })
    expect(readdirSync(dir)).toEqual([])
  })

  const root = process.getuid?.() === 0
  it.skipIf(root)(
    `says a file it may not read is unreadable, not damaged${root ? ' (skipped: root reads every file, so no unreadable file can be made)' : ''}`,
    async () => {
      const { chmodSync } = await import('node:fs')
      const dir = tempDir()
      const path = join(dir, 'lab.db')
      savedDatabase(path)
      chmodSync(path, 0o000)
      try {
        const store = open(path)
        expect(store.notice).toMatchObject({ kind: 'unreadable', fallback: 'in-memory' })
        expect(readdirSync(dir)).toEqual(['lab.db'])
      } finally {
        chmodSync(path, 0o644)
      }
    }
  )
})
