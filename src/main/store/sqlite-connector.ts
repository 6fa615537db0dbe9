import BetterSqlite3, { type Database } from 'better-sqlite3'
import { migrate } from './migrate'
import { migrations } from './migrations'

/** How long a connection waits for another process's lock before SQLite says SQLITE_BUSY. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000

export interface ConnectorOptions {
  /** Electron passes its own build of the native addon (see scripts/start.cjs). */
  readonly nativeBinding?: string
  readonly busyTimeoutMs?: number
}

/** Every way the store opens SQLite, with the same addon and the same busy timeout. */
export class SqliteConnector {
  readonly busyTimeoutMs: number
  private readonly binding: { nativeBinding?: string }

  constructor(options: ConnectorOptions = {}) {
    this.busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
    this.binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  }

  /**
   * A connection that never writes: it never checkpoints or deletes the WAL,
   * so a file we end up rejecting keeps everything it had.
   */
  readOnly(path: string): Database {
    return new BetterSqlite3(path, {
      readonly: true,
      fileMustExist: true,
      timeout: this.busyTimeoutMs,
      ...this.binding
    })
  }

  /** An in-memory database holding a copy of `bytes` (a database file's contents). */
  fromBytes(bytes: Buffer): Database {
    return new BetterSqlite3(bytes, { timeout: this.busyTimeoutMs, ...this.binding })
  }

  /**
   * Open (or create) `path` for writing, in WAL mode with foreign keys on, at
   * the latest schema. The busy timeout is set before anything else, so
   * switching to WAL and migrating wait for another process's lock instead of
   * failing at once.
   */
  writable(path: string): Database {
    return this.migrated(new BetterSqlite3(path, { timeout: this.busyTimeoutMs, ...this.binding }))
  }

  /** A fresh in-memory database at the latest schema. */
  memory(): Database {
    return this.migrated(new BetterSqlite3(':memory:', this.binding))
  }

  /** Bring an open connection to the latest schema; closes it if that fails. */
  migrated(db: Database): Database {
    try {
      if (!db.memory) db.pragma('journal_mode = WAL')
      db.pragma('foreign_keys = ON')
      migrate(db, migrations)
      return db
    } catch (error) {
      db.close()
      throw error
    }
  }
}
