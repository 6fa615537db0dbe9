import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { openStore } from './open-store'
import { SettingsRepository } from './settings-repository'
import { openStoreInProcesses } from './testing/store-processes'

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'alloclab-processes-'))
}

describe('openStore across processes', () => {
  it('starts every one of 12 processes opening one fresh database at once', async () => {
    const path = join(tempDir(), 'nested', 'alloclab.db')
    const results = await openStoreInProcesses(12, path)
    const fresh = openStore(':memory:').db
    const schemaTables = (
      fresh.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string
      }[]
    ).map((row) => row.name)
    fresh.close()
    for (const result of results) {
      expect(result.stderr).toBe('')
      expect(result.exitCode).toBe(0)
      expect(result.opened).toEqual({
        notice: null,
        version: LATEST_SCHEMA_VERSION,
        tables: schemaTables
      })
    }
    const after = openStore(path)
    expect(after.notice).toBeNull()
    expect(new SettingsRepository(after.db).set({ theme: 'dark' }).theme).toBe('dark')
    after.db.close()
  })

  it('moves a damaged database aside exactly once when several processes find it together', async () => {
    const dir = tempDir()
    const path = join(dir, 'alloclab.db')
    const damaged = 'these bytes were never a database '.repeat(100)
    writeFileSync(path, damaged)
    const results = await openStoreInProcesses(6, path)
    const moved = readdirSync(dir).filter(
      (name) => /^alloclab\.db\.damaged-[^-]/.test(name) && !/-(wal|shm)$/.test(name)
    )
    const story = JSON.stringify({ files: readdirSync(dir), results }, null, 1)
    expect(moved, story).toHaveLength(1)
    expect(readFileSync(join(dir, moved[0]!), 'utf8')).toBe(damaged)
    for (const result of results) {
      expect(result.exitCode).toBe(0)
      const notice = result.opened?.notice
      if (notice)
        expect(notice, story).toMatchObject({
          kind: 'damaged',
          fallback: 'fresh',
          movedTo: join(dir, moved[0]!)
        })
      expect(result.opened?.version).toBe(LATEST_SCHEMA_VERSION)
    }
    expect(
      results.filter((result) => result.opened?.notice),
      story
    ).toHaveLength(1)
  })

  it('says another process holds the database locked, and neither renames nor changes it', async () => {
    const dir = tempDir()
    const path = join(dir, 'alloclab.db')
    const seed = openStore(path)
    new SettingsRepository(seed.db).set({ theme: 'dark' })
    seed.db.close()
    const holder = await holdExclusiveLock(path)
    try {
      const store = openStore(path, { busyTimeoutMs: 200 })
      expect(store.notice).toMatchObject({
        kind: 'locked',
        fallback: 'in-memory',
        movedTo: null,
        failure: null
      })
      expect(store.notice?.detail).toContain('locked')
      expect(store.db.memory).toBe(true)
      store.db.close()
      expect(readdirSync(dir).filter((name) => name.includes('.damaged-'))).toEqual([])
    } finally {
      await holder.release()
    }
    const after = openStore(path)
    expect(after.notice).toBeNull()
    expect(new SettingsRepository(after.db).get().theme).toBe('dark')
    after.db.close()
  })
})

/**
 * Another process that takes SQLite's exclusive lock on `path` (locking_mode
 * EXCLUSIVE plus a write) and keeps it until released, as a database tool or
 * a stuck program might.
 */
async function holdExclusiveLock(path: string): Promise<{ release: () => Promise<void> }> {
  const sqlite = createRequire(__filename).resolve('better-sqlite3')
  const script = `
    const Database = require(${JSON.stringify(sqlite)})
    const db = new Database(${JSON.stringify(path)})
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec("INSERT INTO settings (key, value) VALUES ('held', '1') ON CONFLICT(key) DO NOTHING")
    process.stdout.write('locked\\n')
    process.stdin.on('end', () => { db.close(); process.exit(0) })
    process.stdin.resume()
  `
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)))
  })
  return {
    release: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.stdin.end()
      })
  }
}
