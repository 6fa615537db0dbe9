import { accessSync, constants, existsSync, mkdirSync, statSync, type Stats } from 'node:fs'
import { dirname } from 'node:path'
import type { Database } from 'better-sqlite3'
import type {
  DatabaseFallback,
  DatabaseNotice,
  DatabaseProblem,
  FileFailure
} from '@shared/database-notice'
import { errorText, fileFailure } from './file-failure'
import { inspectFile, verdictFor, type TroubledVerdict } from './inspect-database'
import { fileIdentity, moveAside, sameFile, type FileIdentity } from './move-aside'
import { readOnlySnapshot } from './read-only-snapshot'
import { whileReplacing } from './replace-lock'
import { SqliteConnector, type ConnectorOptions } from './sqlite-connector'
import { sqliteTrouble } from './sqlite-trouble'

export type { DatabaseNotice } from '@shared/database-notice'

export interface OpenedStore {
  readonly db: Database
  /** The database file asked for (also when this session runs on a copy or in memory). */
  readonly path: string
  /** Why the session does not run on that file as usual; null when it does. */
  readonly notice: DatabaseNotice | null
}

export interface OpenStoreOptions extends ConnectorOptions {
  /** For tests: the clock used to stamp moved-aside files. */
  readonly now?: () => Date
}

/**
 * A database that changed under us while we looked (another AllocLab created
 * or replaced it): look again from the start, this many times at most.
 */
const MAX_LOOKS = 3

/**
 * Open (or create) the database at `path` and migrate it. Whatever stands in
 * the way, the app starts, the user's file is never lost, and the notice says
 * what happened in words:
 *
 * - damaged, or written by a newer AllocLab: renamed with a timestamp and a
 *   fresh database takes its place; if it cannot be renamed, nothing is
 *   touched and the session runs in memory;
 * - read-only file, or read-only folder (SQLite keeps its journal beside the
 *   file): the session runs on a read-only copy, so settings and runs show but
 *   nothing is saved, and writes fail as LabError `read-only`;
 * - a folder or another non-file at the path, a lock held too long, a file we
 *   may not read, a folder we cannot create: nothing is touched or renamed and
 *   the session runs in memory.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): OpenedStore {
  const connector = new SqliteConnector(options)
  if (path === ':memory:') return { db: connector.memory(), path, notice: null }
  const opening = new StoreOpening(path, connector, options.now ?? (() => new Date()))
  return opening.open()
}

class StoreOpening {
  private readonly folder: string
  private looks = 0

  constructor(
    private readonly path: string,
    private readonly connector: SqliteConnector,
    private readonly now: () => Date
  ) {
    this.folder = dirname(path)
  }

  open(): OpenedStore {
    this.looks++
    let entry: Stats
    try {
      entry = statSync(this.path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return this.createNew()
      if (code === 'ENOTDIR') {
        return this.inMemory('cannot-create', { failure: 'not-a-folder', detail: errorText(error) })
      }
      return this.inMemory('unreadable', { detail: errorText(error) })
    }
    // The notice says exactly this; there is no technical detail to add.
    if (entry.isDirectory()) return this.inMemory('path-is-folder', {})
    if (!entry.isFile()) return this.inMemory('path-not-a-file', { detail: describeEntry(entry) })
    const unreadable = accessProblem(this.path, constants.R_OK)
    if (unreadable) return this.inMemory('unreadable', { detail: errorText(unreadable) })
    const fileLocked = accessProblem(this.path, constants.W_OK)
    if (fileLocked) return this.readOnly('read-only-file', errorText(fileLocked))
    const folderLocked = accessProblem(this.folder, constants.W_OK)
    if (folderLocked) return this.readOnly('read-only-folder', errorText(folderLocked))
    return this.openExisting()
  }

  private createNew(): OpenedStore {
    try {
      mkdirSync(this.folder, { recursive: true })
    } catch (error) {
      return this.inMemory('cannot-create', {
        failure: fileFailure(error),
        detail: errorText(error)
      })
    }
    try {
      return this.ready(this.connector.writable(this.path))
    } catch (error) {
      // Another process may have created (and locked, or newly versioned) it meanwhile.
      if (existsSync(this.path) && this.looks < MAX_LOOKS) return this.open()
      const folderLocked = accessProblem(this.folder, constants.W_OK)
      return this.inMemory('cannot-create', {
        failure: folderLocked ? fileFailure(folderLocked) : 'other',
        detail: errorText(error)
      })
    }
  }

  private openExisting(): OpenedStore {
    const identity = fileIdentity(this.path)
    const verdict = inspectFile(this.path, this.connector)
    if (verdict.state === 'healthy') return this.openWritable()
    // The file changed while we read it (another AllocLab replaced it): judge the new one instead.
    if (!sameFile(identity, fileIdentity(this.path)) && this.looks < MAX_LOOKS) return this.open()
    if (verdict.state === 'damaged' || verdict.state === 'newer') {
      return this.replaceAside(verdict, identity)
    }
    return this.inMemory(verdict.state, { detail: verdict.detail })
  }

  private openWritable(): OpenedStore {
    try {
      return this.ready(this.connector.writable(this.path))
    } catch (error) {
      if (sqliteTrouble(error) === 'read-only') {
        // The access check said writable, SQLite found otherwise (ACLs, a mount option).
        return this.readOnly('read-only-file', errorText(error))
      }
      // Migration failed and rolled back, or a newer AllocLab migrated the file
      // meanwhile and may be using it: either way it stays exactly as it is.
      const verdict = verdictFor(error)
      return this.inMemory(verdict.state, { detail: verdict.detail })
    }
  }

  /**
   * Move a damaged or newer file aside and start a new database in its place,
   * holding the replace lock so that AllocLabs starting together replace it
   * once. Only the very file we inspected is moved: if it changed meanwhile
   * (another process already replaced it), look again from the start.
   */
  private replaceAside(verdict: TroubledVerdict, inspected: FileIdentity | undefined): OpenedStore {
    const kind = verdict.state as 'damaged' | 'newer'
    const outcome = whileReplacing(this.path, this.connector.busyTimeoutMs, () => {
      if (!sameFile(inspected, fileIdentity(this.path))) return undefined
      let movedTo: string
      try {
        movedTo = moveAside(this.path, kind, this.now())
      } catch (error) {
        return this.inMemory(kind, { failure: fileFailure(error), detail: verdict.detail })
      }
      const notice = { movedTo, detail: verdict.detail }
      try {
        return this.ready(this.connector.writable(this.path), this.notice(kind, 'fresh', notice))
      } catch (error) {
        return this.inMemory(kind, { ...notice, detail: `${verdict.detail}; ${errorText(error)}` })
      }
    })
    if (outcome.state === 'busy') {
      return this.inMemory('locked', {
        detail: `${this.path}.replacing is held by another process`
      })
    }
    if (outcome.value !== undefined) return outcome.value
    if (this.looks < MAX_LOOKS) return this.open()
    return this.inMemory(kind, {
      detail: `${verdict.detail}; the file kept changing while AllocLab looked`
    })
  }

  private readOnly(kind: 'read-only-file' | 'read-only-folder', why: string): OpenedStore {
    const snapshot = readOnlySnapshot(this.path, this.connector)
    if (snapshot.state === 'healthy') {
      return this.ready(snapshot.db, this.notice(kind, 'read-only', { detail: why }))
    }
    if (snapshot.state === 'damaged' || snapshot.state === 'newer') {
      // A read-only file in a writable folder can still be renamed.
      return this.replaceAside(snapshot, fileIdentity(this.path))
    }
    return this.inMemory(snapshot.state, { detail: snapshot.detail })
  }

  private inMemory(kind: DatabaseProblem, extra: NoticeExtra): OpenedStore {
    return this.ready(this.connector.memory(), this.notice(kind, 'in-memory', extra))
  }

  private ready(db: Database, notice: DatabaseNotice | null = null): OpenedStore {
    return { db, path: this.path, notice }
  }

  private notice(
    kind: DatabaseProblem,
    fallback: DatabaseFallback,
    extra: NoticeExtra
  ): DatabaseNotice {
    return {
      kind,
      fallback,
      path: this.path,
      folder: this.folder,
      movedTo: extra.movedTo ?? null,
      failure: extra.failure ?? null,
      detail: extra.detail ?? ''
    }
  }
}

interface NoticeExtra {
  readonly movedTo?: string
  readonly failure?: FileFailure
  readonly detail?: string
}

/** The system's refusal of `mode` on `path`, or undefined if it allows it. */
function accessProblem(path: string, mode: number): Error | undefined {
  try {
    accessSync(path, mode)
    return undefined
  } catch (error) {
    return error as Error
  }
}

function describeEntry(entry: Stats): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)'
  if (entry.isSocket()) return 'a socket'
  if (entry.isCharacterDevice()) return 'a character device'
  if (entry.isBlockDevice()) return 'a block device'
  return 'not a regular file'
}
