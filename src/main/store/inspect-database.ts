import type { Database } from 'better-sqlite3'
import { errorText } from './file-failure'
import { NewerSchemaError, schemaVersion } from './migrate'
import { LATEST_SCHEMA_VERSION } from './migrations'
import type { SqliteConnector } from './sqlite-connector'
import { sqliteTrouble } from './sqlite-trouble'

/** What reading a database told us, before anything was written to it. */
export type Verdict =
  | { readonly state: 'healthy' }
  | { readonly state: 'damaged' | 'newer' | 'locked' | 'unreadable'; readonly detail: string }
export type TroubledVerdict = Exclude<Verdict, { state: 'healthy' }>

/** Integrity and schema version of an open connection, which this only reads. */
export function inspectConnection(db: Database): Verdict {
  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok')
      return { state: 'damaged', detail: `integrity check failed: ${String(check)}` }
    const found = schemaVersion(db)
    if (found > LATEST_SCHEMA_VERSION) {
      return { state: 'newer', detail: new NewerSchemaError(found, LATEST_SCHEMA_VERSION).message }
    }
    return { state: 'healthy' }
  } catch (error) {
    return verdictFor(error)
  }
}

/** Open `path` read-only and inspect it. */
export function inspectFile(path: string, connector: SqliteConnector): Verdict {
  let db: Database | undefined
  try {
    db = connector.readOnly(path)
    return inspectConnection(db)
  } catch (error) {
    return verdictFor(error)
  } finally {
    db?.close()
  }
}

/** The verdict an error from opening, reading or migrating a database amounts to. */
export function verdictFor(error: unknown): TroubledVerdict {
  const detail = errorText(error)
  if (error instanceof NewerSchemaError) return { state: 'newer', detail }
  const trouble = sqliteTrouble(error)
  if (trouble === 'damaged' || trouble === 'locked') return { state: trouble, detail }
  return { state: 'unreadable', detail }
}
