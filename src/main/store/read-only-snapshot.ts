import { readFileSync, statSync } from 'node:fs'
import type { Database } from 'better-sqlite3'
import { inspectConnection, verdictFor, type TroubledVerdict } from './inspect-database'
import type { SqliteConnector } from './sqlite-connector'
import { sqliteTrouble } from './sqlite-trouble'

/**
 * The user's database, for a session in which it cannot be written (a
 * read-only file, or a read-only folder where SQLite cannot keep its
 * journal): a copy in memory, brought to the latest schema there, then
 * locked with `query_only`, so every write fails as SQLITE_READONLY and
 * nothing on disk is ever touched. A live read-only connection would not do:
 * SQLite cannot read a WAL database in a folder where it cannot create the
 * shared-memory file beside it, and could not migrate an older schema.
 */
export function readOnlySnapshot(
  path: string,
  connector: SqliteConnector
): { readonly state: 'healthy'; readonly db: Database } | TroubledVerdict {
  let copy: Database
  try {
    copy = connector.fromBytes(withoutWalMarker(snapshotBytes(path, connector)))
  } catch (error) {
    return verdictFor(error)
  }
  const verdict = inspectConnection(copy)
  if (verdict.state !== 'healthy') {
    copy.close()
    return verdict
  }
  try {
    connector.migrated(copy).pragma('query_only = ON')
  } catch (error) {
    return verdictFor(error)
  }
  return { state: 'healthy', db: copy }
}

/**
 * The database's bytes. Committed changes not yet checkpointed live in the
 * -wal file, and only SQLite can fold them in; when it cannot (no -shm in a
 * read-only folder), the main file alone still holds every checkpointed one.
 */
function snapshotBytes(path: string, connector: SqliteConnector): Buffer {
  if (hasContent(`${path}-wal`)) {
    try {
      const db = connector.readOnly(path)
      try {
        return db.serialize()
      } finally {
        db.close()
      }
    } catch (error) {
      if (sqliteTrouble(error) !== 'unreadable') throw error
    }
  }
  return readFileSync(path)
}

function hasContent(path: string): boolean {
  try {
    return statSync(path).size > 0
  } catch {
    return false
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
/** Header offsets 18 and 19: file format write and read versions, 2 meaning WAL. */
const WRITE_VERSION_OFFSET = 18
const READ_VERSION_OFFSET = 19

/**
 * An in-memory database cannot be in WAL mode, and SQLite refuses to
 * deserialize one whose header says it is; versions 1 (rollback journal) read
 * the same pages.
 */
function withoutWalMarker(bytes: Buffer): Buffer {
  const isDatabase = bytes.length >= 100 && bytes.subarray(0, 16).equals(SQLITE_HEADER)
  if (isDatabase && bytes[WRITE_VERSION_OFFSET] === 2) bytes[WRITE_VERSION_OFFSET] = 1
  if (isDatabase && bytes[READ_VERSION_OFFSET] === 2) bytes[READ_VERSION_OFFSET] = 1
  return bytes
}
