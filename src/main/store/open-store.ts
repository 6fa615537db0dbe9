import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { migrate, NewerSchemaError, schemaVersion } from './migrate'
import { LATEST_SCHEMA_VERSION, migrations } from './migrations'

/** Why the previous database file was moved aside at start. */
export interface DatabaseNotice {
  readonly kind: 'damaged' | 'newer'
  readonly movedTo: string
  readonly detail: string
}

export interface OpenedStore {
  readonly db: Database
  readonly path: string
  readonly notice: DatabaseNotice | null
}

export interface OpenStoreOptions {
  /** Electron passes its own build of the native addon (see scripts/start.cjs). */
  readonly nativeBinding?: string
  /** For tests: the clock used to stamp moved-aside files. */
  readonly now?: () => Date
}

/**
 * Open (or create) the database at `path` and migrate it. A file that is not
 * a readable AllocLab database, or that a newer AllocLab wrote, is renamed
 * with a timestamp and a fresh database takes its place: the user's old data
 * is kept on disk and the caller is told where.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): OpenedStore {
  if (path === ':memory:') return { db: openAndMigrate(path, options), path, notice: null }
  mkdirSync(dirname(path), { recursive: true })
  const problem = existsSync(path) ? inspect(path, options) : undefined
  if (!problem) return { db: openAndMigrate(path, options), path, notice: null }
  const movedTo = moveAside(path, problem.kind, (options.now ?? (() => new Date()))())
  const notice = { kind: problem.kind, movedTo, detail: problem.detail }
  return { db: openAndMigrate(path, options), path, notice }
}

/**
 * Look at an existing file read-only first: a read-only connection never
 * checkpoints or deletes the WAL, so a file we reject keeps everything it had.
 */
function inspect(
  path: string,
  options: OpenStoreOptions
): { kind: DatabaseNotice['kind']; detail: string } | undefined {
  let db: Database | undefined
  try {
    db = new BetterSqlite3(path, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    })
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok')
      return { kind: 'damaged', detail: `integrity check failed: ${String(check)}` }
    const found = schemaVersion(db)
    if (found > LATEST_SCHEMA_VERSION) {
      return { kind: 'newer', detail: new NewerSchemaError(found, LATEST_SCHEMA_VERSION).message }
    }
    return undefined
  } catch (error) {
    return { kind: 'damaged', detail: error instanceof Error ? error.message : String(error) }
  } finally {
    db?.close()
  }
}

function openAndMigrate(path: string, options: OpenStoreOptions): Database {
  const db = new BetterSqlite3(
    path,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  )
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

function moveAside(path: string, kind: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = `${path}.${kind}-${stamp}`
  renameSync(path, target)
  // The WAL and shared-memory files belong to the moved database, not the new one.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix)
  }
  return target
}
