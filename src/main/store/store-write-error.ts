import type { Database } from 'better-sqlite3'
import { LabError } from '@shared/lab-error'
import { translate } from '@shared/i18n/translate'
import { sqliteTrouble } from './sqlite-trouble'

const WRITE_ERROR_KEYS = {
  'read-only': 'app.databaseErrors.readOnly',
  locked: 'app.databaseErrors.locked',
  full: 'app.databaseErrors.full'
} as const

/**
 * A write the database refused, as the LabError the user sees: code
 * `read-only` (the database cannot be written) with a key that says why.
 * Undefined for any other error, which stays what it is.
 */
export function storeWriteError(error: unknown): LabError | undefined {
  const trouble = sqliteTrouble(error)
  if (trouble !== 'read-only' && trouble !== 'locked' && trouble !== 'full') return undefined
  const key = WRITE_ERROR_KEYS[trouble]
  return new LabError('read-only', key, {}, [], translate('en', key))
}

/**
 * Throws the `read-only` LabError at once when this session cannot write
 * (a read-only copy, or `query_only`), before work that would be thrown
 * away at the first write.
 */
export function refuseIfReadOnly(db: Database): void {
  if (db.readonly || db.pragma('query_only', { simple: true }) === 1) {
    throw storeWriteError({ code: 'SQLITE_READONLY' })!
  }
}
