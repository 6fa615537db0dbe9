/**
 * What the host tells the user when the database could not be opened as
 * usual at start: what was wrong, what AllocLab runs on instead this session,
 * and what the user can do about it. It crosses the host boundary as data
 * (kind + parameters) and every side translates it the same way through
 * `describeDatabaseNotice`: the window, the CLI and the Electron dialog.
 */
import { z } from 'zod'
import type { LabMessage } from './lab-error'

/** What was wrong with the database at start. */
export const DATABASE_PROBLEMS = [
  /** Not a database SQLite can read, or its integrity check failed. */
  'damaged',
  /** Written by a newer AllocLab (schema version above ours). */
  'newer',
  /** The file itself may not be written. */
  'read-only-file',
  /** The file may be written but its folder may not: SQLite keeps its journal there. */
  'read-only-folder',
  /** A folder stands where the database file should be. */
  'path-is-folder',
  /** A device, pipe or socket stands where the database file should be. */
  'path-not-a-file',
  /** Another process held a lock on it for longer than AllocLab waits. */
  'locked',
  /** It exists but may not be read, or reading it failed (not proof that it is damaged). */
  'unreadable',
  /** There was none, and neither its folder nor the file could be created. */
  'cannot-create'
] as const
export type DatabaseProblem = (typeof DATABASE_PROBLEMS)[number]

/** What AllocLab runs on for this session because of the problem. */
export const DATABASE_FALLBACKS = [
  /** The old file was moved aside and a new database made at the path: all works and is kept. */
  'fresh',
  /** The user's database, read but never written: runs and replays work, nothing can be saved. */
  'read-only',
  /** A temporary database in memory: all works, nothing is kept after closing. */
  'in-memory'
] as const
export type DatabaseFallback = (typeof DATABASE_FALLBACKS)[number]

/** Why a file operation AllocLab needed (moving the old file aside, creating the file) failed. */
export const FILE_FAILURES = [
  'permission-denied',
  'read-only-filesystem',
  'not-a-folder',
  'other'
] as const
export type FileFailure = (typeof FILE_FAILURES)[number]

export const DatabaseNoticeSchema = z
  .object({
    kind: z.enum(DATABASE_PROBLEMS),
    fallback: z.enum(DATABASE_FALLBACKS),
    /** The database file the notice is about. */
    path: z.string(),
    /** The folder that holds it. */
    folder: z.string(),
    /** Where the old file was moved, when it was (fallback `fresh`). */
    movedTo: z.string().nullable(),
    /** Why moving it aside or creating it failed, when that was tried and failed. */
    failure: z.enum(FILE_FAILURES).nullable(),
    /** What SQLite or the system said, in English: shown as technical details, never as the message. */
    detail: z.string()
  })
  .strict()
export type DatabaseNotice = z.infer<typeof DatabaseNoticeSchema>

/** The i18n key segment of each problem (catalog keys are camelCase). */
const PROBLEM_KEYS: Readonly<Record<DatabaseProblem, string>> = {
  damaged: 'damaged',
  newer: 'newer',
  'read-only-file': 'readOnlyFile',
  'read-only-folder': 'readOnlyFolder',
  'path-is-folder': 'pathIsFolder',
  'path-not-a-file': 'pathNotAFile',
  locked: 'locked',
  unreadable: 'unreadable',
  'cannot-create': 'cannotCreate'
}

const FALLBACK_KEYS: Readonly<Record<DatabaseFallback, string>> = {
  fresh: 'fresh',
  'read-only': 'readOnly',
  'in-memory': 'inMemory'
}

const FAILURE_KEYS: Readonly<Record<FileFailure, string>> = {
  'permission-denied': 'permissionDenied',
  'read-only-filesystem': 'readOnlyFilesystem',
  'not-a-folder': 'notAFolder',
  other: 'other'
}

const ROOT = 'app.databaseNotice'

/** The notice as messages: a title, then one sentence a line, in reading order. */
export interface DatabaseNoticeText {
  readonly title: LabMessage
  readonly lines: readonly LabMessage[]
}

/**
 * Say what happened, in order: what is wrong, what became of the file, what
 * AllocLab runs on now and so what still works, and how to get back to normal.
 */
export function describeDatabaseNotice(notice: DatabaseNotice): DatabaseNoticeText {
  const problem = PROBLEM_KEYS[notice.kind]
  const params = { path: notice.path, folder: notice.folder, movedTo: notice.movedTo ?? '' }
  const line = (key: string): LabMessage => ({ key: `${ROOT}.${key}`, params })
  const lines: LabMessage[] = [line(`problems.${problem}`)]
  const wouldMove = notice.kind === 'damaged' || notice.kind === 'newer'
  // Only damaged and newer files are ever moved; the damaged sentence fits any other.
  if (notice.movedTo !== null)
    lines.push(line(`moved.${notice.kind === 'newer' ? 'newer' : 'damaged'}`))
  else if (wouldMove && notice.failure !== null) lines.push(line('moveFailed'))
  if (notice.failure !== null) lines.push(line(`failures.${FAILURE_KEYS[notice.failure]}`))
  if (notice.movedTo === null && notice.kind !== 'cannot-create') lines.push(line('untouched'))
  lines.push(line(`fallbacks.${FALLBACK_KEYS[notice.fallback]}`))
  if (notice.fallback !== 'fresh') lines.push(line(`fixes.${problem}`))
  return { title: line(`titles.${problem}`), lines }
}

/** The notice as plain text in one language (`t` translates a key): the title, then each sentence. */
export function databaseNoticeText(
  notice: DatabaseNotice,
  t: (key: string, params: LabMessage['params']) => string
): { readonly title: string; readonly lines: readonly string[] } {
  const { title, lines } = describeDatabaseNotice(notice)
  return { title: t(title.key, title.params), lines: lines.map((line) => t(line.key, line.params)) }
}
