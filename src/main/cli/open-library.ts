import { resolve } from 'node:path'
import { databaseNoticeText } from '@shared/database-notice'
import { createLabService } from '../service/create-lab-service'
import type { LabService } from '../service/lab-service'
import { defaultDatabasePath } from '../store/default-database-path'
import { UsageError, type CliContext, type CliOption } from './command'

/** The `--db PATH` option of the commands that use the library. */
export const DB_OPTION: CliOption = {
  type: 'string',
  valueName: 'PATH',
  descriptionKey: 'cli.dbOption',
  value: { key: 'cli.value.file', params: { example: 'lab.db' } }
}

/**
 * The service over the user's library (`--db`, ALLOCLAB_DB or the default
 * path), saying on stderr, as `alloclab web` does, when the database could
 * not be opened as usual. A command that writes is refused when this
 * session runs in memory: what it wrote would be gone when it exits.
 */
export async function openLibrary(
  db: string | undefined,
  ctx: CliContext,
  { writes }: { readonly writes: boolean }
): Promise<LabService> {
  const path = resolve(ctx.cwd, db ?? defaultDatabasePath())
  const service = createLabService('cli', path)
  const notice = (await service.call('app:info', {})).databaseNotice
  if (!notice) return service
  const { title, lines } = databaseNoticeText(notice, ctx.t)
  const details = notice.detail
    ? [ctx.t('app.databaseNotice.detailsLine', { detail: notice.detail })]
    : []
  ctx.stderr(`${[title, ...lines, ...details].join('\n')}\n\n`)
  if (writes && notice.fallback === 'in-memory') {
    service.close()
    throw new UsageError(ctx.t('experiments.cli.libraryInMemory', { path }))
  }
  return service
}
