import BetterSqlite3, { type Database } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'
import { migration003Experiments } from './003-experiments'

const upTo = migrations.indexOf(migration003Experiments) + 1

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

function insertExperiment(db: Database, name = 'first fit vs best fit'): number {
  return Number(
    db
      .prepare(
        `INSERT INTO experiments (name, notes, configurations, replay_state, requests, created_at, updated_at)
         VALUES (?, '', '[]', '{}', 6, 1, 1)`
      )
      .run(name).lastInsertRowid
  )
}

function insertRun(db: Database, id: number, config: number, state = 'kept'): void {
  db.prepare(
    `INSERT INTO experiment_runs (experiment_id, config_index, spec, label, family, status,
       engine_version, pool_layout_version, timeline_state, timeline_bytes)
     VALUES (?, ?, 'buddy', 'buddy:frames=64', 'buddy', 'done', '1.0.0', 1, ?, 100)`
  ).run(id, config, state)
}

describe('003 experiments', () => {
  it('upgrades the previous version, keeping its settings', () => {
    const db = before()
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run()
    migrate(db, migrations.slice(0, upTo))
    expect(db.prepare('SELECT value FROM settings').pluck().get()).toBe('"dark"')
    expect(db.prepare('SELECT count(*) FROM experiments').pluck().get()).toBe(0)
  })

  it('removes an experiment with its tags, sources, runs and timelines in one delete', () => {
    const db = migrated()
    const id = insertExperiment(db)
    db.prepare("INSERT INTO experiment_tags VALUES (?, 'lab 3')").run(id)
    db.prepare("INSERT INTO experiment_sources VALUES (?, 'frames 64', NULL, NULL, NULL)").run(id)
    insertRun(db, id, 0)
    db.prepare('INSERT INTO run_timelines VALUES (?, 0, 1, 3, ?)').run(id, Buffer.from([1, 2, 3]))
    db.prepare('DELETE FROM experiments WHERE id = ?').run(id)
    for (const table of [
      'experiment_tags',
      'experiment_sources',
      'experiment_runs',
      'run_timelines'
    ])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0)
  })

  it('never gives a purged experiment’s id to a new one', () => {
    const db = migrated()
    insertExperiment(db, 'a')
    const second = insertExperiment(db, 'b')
    db.prepare('DELETE FROM experiments WHERE id = ?').run(second)
    expect(insertExperiment(db, 'c')).toBe(second + 1)
  })

  it('refuses a replay state or configuration list that is not JSON, and an empty name', () => {
    const db = migrated()
    const insert = db.prepare(
      `INSERT INTO experiments (name, notes, configurations, replay_state, requests, created_at, updated_at)
       VALUES (?, '', ?, ?, 0, 1, 1)`
    )
    expect(() => insert.run('ok', '[]', '{"step":3}')).not.toThrow()
    expect(() => insert.run('bad state', '[]', '{step:3}')).toThrow(/CHECK/)
    expect(() => insert.run('bad configs', '{}', '{}')).toThrow(/CHECK/)
    expect(() => insert.run('', '[]', '{}')).toThrow(/CHECK/)
  })

  it('keeps one tag per experiment whatever its case', () => {
    const db = migrated()
    const id = insertExperiment(db)
    db.prepare("INSERT INTO experiment_tags VALUES (?, 'Buddy')").run(id)
    expect(() => db.prepare("INSERT INTO experiment_tags VALUES (?, 'buddy')").run(id)).toThrow(
      /UNIQUE/
    )
  })

  it('holds a timeline only for a run that exists, and a program only with its format', () => {
    const db = migrated()
    const id = insertExperiment(db)
    expect(() =>
      db.prepare('INSERT INTO run_timelines VALUES (?, 0, 1, 1, ?)').run(id, Buffer.from([1]))
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      db.prepare("INSERT INTO experiment_sources VALUES (?, 'x', 1, 10, NULL)").run(id)
    ).toThrow(/CHECK/)
  })

  it('accepts only finished statuses and known timeline states', () => {
    const db = migrated()
    const id = insertExperiment(db)
    expect(() => insertRun(db, id, 0, 'lost')).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO experiment_runs (experiment_id, config_index, spec, label, family, status,
             engine_version, pool_layout_version, timeline_state, timeline_bytes)
           VALUES (?, 1, 'buddy', 'buddy', 'buddy', 'running', '1.0.0', 1, 'none', 0)`
        )
        .run(id)
    ).toThrow(/CHECK/)
  })

  it('is strict about column types', () => {
    const db = migrated()
    expect(() =>
      db
        .prepare(
          `INSERT INTO experiments (name, notes, configurations, replay_state, requests, created_at, updated_at)
           VALUES ('x', '', '[]', '{}', 'many', 1, 1)`
        )
        .run()
    ).toThrow()
  })
})
