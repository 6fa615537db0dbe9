import type { FileFailure } from '@shared/database-notice'

/** What stopped a file operation, in the words the notice has a sentence for. */
export function fileFailure(error: unknown): FileFailure {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission-denied'
    case 'EROFS':
      return 'read-only-filesystem'
    case 'ENOTDIR':
    case 'EEXIST':
      return 'not-a-folder'
    default:
      return 'other'
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
