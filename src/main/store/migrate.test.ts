import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, NewerSchemaError, schemaVersion } from './migrate'
import { migrations } from './migrations'
import type { Migration } from './migrations/migration'

describe('migrate', () => {
  it('runs every migration in order and records the version', () => {
    const db = new BetterSqlite3(':memory:')
    expect(migrate(db, migrations)).toBe(migrations.at(-1)!.version)
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version)
  })

  it('does nothing on an up-to-date database', () => {
    const db = new BetterSqlite3(':memory:')
    migrate(db, migrations)
    expect(() => migrate(db, migrations)).not.toThrow()
  })

  it('rolls back every pending step when one fails, leaving the old version', () => {
    const db = new BetterSqlite3(':memory:')
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: 'fails', up: (d) => d.exec('CREATE TABLE a (x INTEGER)') }
    ]
    expect(() => migrate(db, broken)).toThrow()
    expect(schemaVersion(db)).toBe(0)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0)
  })

  it('refuses a database newer than the code', () => {
    const db = new BetterSqlite3(':memory:')
    db.pragma('user_version = 99')
    expect(() => migrate(db, migrations)).toThrow(NewerSchemaError)
  })

  describe('001 settings', () => {
    it('creates a strict key/value settings table', () => {
      const db = new BetterSqlite3(':memory:')
      migrate(db, migrations.slice(0, 1))
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('language', '"en"')
      expect(() =>
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('x', Buffer.from([1]))
      ).toThrow()
    })
  })
})
