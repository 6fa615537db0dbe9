import { existsSync, renameSync, statSync } from 'node:fs'

/** Enough of a file's identity to tell whether it is still the one we inspected. */
export interface FileIdentity {
  readonly dev: number
  readonly ino: number
  readonly size: number
  readonly mtimeMs: number
}

export function fileIdentity(path: string): FileIdentity | undefined {
  try {
    const { dev, ino, size, mtimeMs } = statSync(path)
    return { dev, ino, size, mtimeMs }
  } catch {
    return undefined
  }
}

export function sameFile(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs
  )
}

/** The companions SQLite keeps beside a database; they belong to it, not to a new one. */
const COMPANIONS = ['-wal', '-shm'] as const

/**
 * Rename `path` (and its WAL and shared-memory files) to
 * `PATH.KIND-TIMESTAMP`, never over an existing file. The companions go
 * first: once the main file is gone another process may create a new
 * database at `path`, and its WAL must not be taken for the old one's. If
 * the main file cannot be moved the companions are put back and the system's
 * error is thrown, so nothing has changed.
 */
export function moveAside(path: string, kind: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  let target = `${path}.${kind}-${stamp}`
  for (let n = 2; existsSync(target); n++) target = `${path}.${kind}-${stamp}-${n}`
  const moved: string[] = []
  try {
    for (const suffix of COMPANIONS) {
      if (!existsSync(path + suffix)) continue
      renameSync(path + suffix, target + suffix)
      moved.push(suffix)
    }
    renameSync(path, target)
  } catch (error) {
    for (const suffix of moved) renameSync(target + suffix, path + suffix)
    throw error
  }
  return target
}
