import BetterSqlite3, { type Database } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'
import { migration004ImportedLessons } from './004-imported-lessons'

const upTo = migrations.indexOf(migration004ImportedLessons) + 1

function before(): Database {
  const db = new BetterSqlite3(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, migrations.slice(0, upTo - 1))
  return db
}

function migrated(): Database {
  const db = before()
  migrate(db, migrations.slice(0, upTo))
  return db
}

const insert = (db: Database) =>
  db.prepare(
    `INSERT INTO imported_lessons (id, lesson, pack_title, pack_version, pack_created_at, imported_at)
     VALUES (?, ?, ?, ?, '2026-12-01T09:00:00.000Z', ?)`
  )

describe('004 imported lessons', () => {
  it('upgrades the previous version, keeping its settings and experiments', () => {
    const db = before()
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run()
    db.prepare(
      `INSERT INTO experiments (name, notes, configurations, replay_state, requests, created_at, updated_at)
       VALUES ('kept', '', '[]', '{}', 0, 1, 1)`
    ).run()
    migrate(db, migrations.slice(0, upTo))
    expect(db.prepare('SELECT value FROM settings').pluck().get()).toBe('"dark"')
    expect(db.prepare('SELECT name FROM experiments').pluck().get()).toBe('kept')
    expect(db.prepare('SELECT count(*) FROM imported_lessons').pluck().get()).toBe(0)
  })

  it('keeps one row per lesson id, its JSON naming the same id', () => {
    const db = migrated()
    expect(() => insert(db).run('week-3', '{"id":"week-3"}', 'Week 3', 1, 5)).not.toThrow()
    expect(() => insert(db).run('week-3', '{"id":"week-3"}', 'Week 4', 1, 6)).toThrow(/UNIQUE/)
    expect(() => insert(db).run('week-4', '{"id":"week-5"}', 'Week 4', 1, 6)).toThrow(/CHECK/)
  })

  it('refuses a lesson that is not a JSON object, a bad id, an empty pack title or version 0', () => {
    const db = migrated()
    expect(() => insert(db).run('a', '{id:"a"}', 'Week 3', 1, 1)).toThrow(/CHECK/)
    expect(() => insert(db).run('a', '["a"]', 'Week 3', 1, 1)).toThrow(/CHECK/)
    expect(() => insert(db).run('Bad Id', '{"id":"Bad Id"}', 'Week 3', 1, 1)).toThrow(/CHECK/)
    expect(() => insert(db).run('a', '{"id":"a"}', '', 1, 1)).toThrow(/CHECK/)
    expect(() => insert(db).run('a', '{"id":"a"}', 'Week 3', 0, 1)).toThrow(/CHECK/)
  })

  it('is strict about column types', () => {
    const db = migrated()
    expect(() => insert(db).run('a', '{"id":"a"}', 'Week 3', 'one', 1)).toThrow()
  })
})
