import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'

describe('002 drafts', () => {
  it('upgrades a version-1 database, keeping its settings', () => {
    const db = new BetterSqlite3(':memory:')
    migrate(db, migrations.slice(0, 1))
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run()
    migrate(db, migrations.slice(0, 2))
    expect(db.prepare('SELECT value FROM settings').pluck().get()).toBe('"dark"')
    expect(db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0)
  })

  it('holds the scenario as text or as gzip bytes, never both and never neither', () => {
    const db = new BetterSqlite3(':memory:')
    migrate(db, migrations.slice(0, 2))
    const insert = db.prepare('INSERT INTO drafts VALUES (?, ?, ?, 0, ?, NULL, 1)')
    expect(() => insert.run('a', 'text', null, '[]')).not.toThrow()
    expect(() => insert.run('b', null, Buffer.from([0x1f, 0x8b]), '[]')).not.toThrow()
    expect(() => insert.run('c', 'text', Buffer.from([1]), '[]')).toThrow(/CHECK/)
    expect(() => insert.run('d', null, null, '[]')).toThrow(/CHECK/)
  })

  it('is strict about column types', () => {
    const db = new BetterSqlite3(':memory:')
    migrate(db, migrations.slice(0, 2))
    expect(() =>
      db.prepare("INSERT INTO drafts VALUES ('a', 'x', NULL, 'many', '[]', NULL, 1)").run()
    ).toThrow()
  })
})
