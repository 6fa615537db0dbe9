import { mkdirSync, rmdirSync, statSync } from 'node:fs'

/** A lock left by a process that died mid-replacement is taken over after this long. */
const STALE_AFTER_MS = 30_000
const POLL_MS = 20

export type LockedOutcome<T> =
  | { readonly state: 'done'; readonly value: T }
  /** Another process held the lock for longer than we wait. */
  | { readonly state: 'busy' }

/**
 * Run `work` while no other AllocLab replaces the database at `path`:
 * moving a damaged file aside and creating the new one takes several renames
 * and a create, and two processes interleaving them could move each other's
 * new database away. The lock is a folder beside the database (`mkdir`
 * either creates it or fails, atomically), removed when done. If the folder
 * cannot even be made (a read-only folder), `work` runs unlocked: its rename
 * will fail the same way and be explained.
 */
export function whileReplacing<T>(path: string, waitMs: number, work: () => T): LockedOutcome<T> {
  const lock = `${path}.replacing`
  const deadline = Date.now() + waitMs
  for (;;) {
    const taken = tryTake(lock)
    if (taken === 'unavailable') return { state: 'done', value: work() }
    if (taken === 'taken') {
      try {
        return { state: 'done', value: work() }
      } finally {
        rmdirSync(lock)
      }
    }
    if (isStale(lock)) {
      takeOverStale(lock)
      continue
    }
    if (Date.now() >= deadline) return { state: 'busy' }
    sleep(POLL_MS)
  }
}

function tryTake(lock: string): 'taken' | 'held' | 'unavailable' {
  try {
    mkdirSync(lock)
    return 'taken'
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'held' : 'unavailable'
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_AFTER_MS
  } catch {
    return false
  }
}

function takeOverStale(lock: string): void {
  try {
    rmdirSync(lock)
  } catch {
    // Someone else took it over first; the next try decides.
  }
}

/** openStore runs once at start, before anything else; blocking here is what its callers expect. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
