import type { Database } from 'better-sqlite3'
import type { Draft } from '@shared/draft-schemas'
import { LabError, type LabOutput } from '@shared/api'
import { DraftRepository } from '../store/draft-repository'

/** The `draft:*` calls over the store; LabService spreads these into its handler table. */
export function draftHandlers(
  db: Database,
  drafts: DraftRepository = new DraftRepository(db)
): {
  'draft:get': () => LabOutput<'draft:get'>
  'draft:save': (draft: Draft) => LabOutput<'draft:save'>
} {
  return {
    'draft:get': () => drafts.get(),
    'draft:save': (draft) => {
      try {
        return drafts.save(draft)
      } catch (error) {
        throw storageError(error)
      }
    }
  }
}

/** SQLite's refusals in words the window can show beside "could not save the draft". */
function storageError(error: unknown): unknown {
  if (error instanceof LabError) return error
  const code = (error as { code?: unknown }).code
  const detail = error instanceof Error ? error.message : String(error)
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error
  if (code.startsWith('SQLITE_READONLY'))
    return new LabError('read-only', 'workbench.draft.readOnly', { detail })
  if (code === 'SQLITE_FULL')
    return new LabError('read-only', 'workbench.draft.diskFull', { detail })
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new LabError('unavailable', 'workbench.draft.busy', { detail })
  return new LabError('internal', 'workbench.draft.storeFailed', { detail })
}
