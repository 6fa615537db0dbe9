/**
 * What an SQLite error code means for the user. Only a file SQLite read and
 * found wrong is `damaged`: a lock, a permission or an I/O failure says
 * nothing about the file's contents, and a file is never moved aside for one.
 */
export type SqliteTrouble = 'locked' | 'damaged' | 'read-only' | 'full' | 'unreadable'

export function sqliteTrouble(error: unknown): SqliteTrouble | undefined {
  const code = (error as { code?: unknown } | undefined)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked'
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'damaged'
  // A file cut short mid-page reads as a short read: its contents are wrong, not the disk.
  if (code === 'SQLITE_IOERR_SHORT_READ') return 'damaged'
  if (code.startsWith('SQLITE_READONLY')) return 'read-only'
  if (code === 'SQLITE_FULL') return 'full'
  return 'unreadable'
}
