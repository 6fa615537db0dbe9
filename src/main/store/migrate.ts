import type { Database } from 'better-sqlite3'
import type { Migration } from './migrations/migration'

/** The database was written by a newer AllocLab; opening it could lose data. */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError'
  constructor(
    readonly found: number,
    readonly supported: number
  ) {
    super(`database schema version ${found} is newer than this AllocLab supports (${supported})`)
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Bring the schema up to the last migration. All pending steps run in one
 * transaction, so a crash leaves the database at its old version, never half
 * way.
 *
 * Safe when several processes open a new database at once: the transaction
 * takes the write lock first (BEGIN IMMEDIATE, waiting up to the
 * connection's busy timeout), then reads the version again, so a process that
 * waited finds the work done instead of creating the tables twice.
 */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  const latest = migrations.length > 0 ? migrations[migrations.length - 1]!.version : 0
  const seen = schemaVersion(db)
  if (seen > latest) throw new NewerSchemaError(seen, latest)
  if (seen === latest) return latest
  db.transaction(() => {
    const current = schemaVersion(db)
    if (current > latest) throw new NewerSchemaError(current, latest)
    for (const migration of migrations.filter((m) => m.version > current)) {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }
  }).immediate()
  return latest
}
