import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Makes files and folders the test process truly cannot write, so the
 * read-only tests meet the system's own refusal, not a simulated one. An
 * ordinary user clears the write bits. Root ignores permission bits, but not
 * the immutable attribute (`chattr +i`), on file systems that have it.
 */
export interface WriteProtection {
  /** How protection is done here, for test names. */
  readonly how: string
  protect(path: string): void
  /** Undo every protect() (tests call this in afterEach, or temp folders could not be removed). */
  releaseAll(): void
}

export type WriteProtectionProbe =
  | { readonly available: true; readonly protection: WriteProtection }
  | { readonly available: false; readonly reason: string }

export function probeWriteProtection(): WriteProtectionProbe {
  const root = process.getuid?.() === 0
  if (!root) return { available: true, protection: byPermissionBits() }
  const probe = mkdtempSync(join(tmpdir(), 'alloclab-chattr-'))
  const file = join(probe, 'probe')
  writeFileSync(file, 'x')
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'ignore' })
  } catch (error) {
    rmSync(probe, { recursive: true, force: true })
    return {
      available: false,
      reason: `running as root, which ignores permission bits, and "chattr +i" failed here (${(error as Error).message.split('\n')[0]})`
    }
  }
  let refused = false
  try {
    writeFileSync(file, 'y')
  } catch {
    refused = true
  }
  execFileSync('chattr', ['-i', file], { stdio: 'ignore' })
  rmSync(probe, { recursive: true, force: true })
  if (!refused) {
    return { available: false, reason: 'running as root, and "chattr +i" did not stop a write' }
  }
  return { available: true, protection: byImmutableAttribute() }
}

function byPermissionBits(): WriteProtection {
  const restore = new Map<string, number>()
  return {
    how: 'write bits cleared',
    protect(path) {
      const mode = statSync(path).mode & 0o777
      restore.set(path, mode)
      chmodSync(path, mode & ~0o222)
    },
    releaseAll() {
      for (const [path, mode] of restore) chmodSync(path, mode)
      restore.clear()
    }
  }
}

function byImmutableAttribute(): WriteProtection {
  const protectedPaths = new Set<string>()
  return {
    how: 'chattr +i, which binds root too',
    protect(path) {
      execFileSync('chattr', ['+i', path], { stdio: 'ignore' })
      protectedPaths.add(path)
    },
    releaseAll() {
      for (const path of protectedPaths) execFileSync('chattr', ['-i', path], { stdio: 'ignore' })
      protectedPaths.clear()
    }
  }
}
