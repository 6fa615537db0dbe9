import { join, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { databaseNoticeText } from '@shared/database-notice'
import type { CliCommand } from '../command'
import { UsageError } from '../command'
import { LabError } from '@shared/lab-error'
import { createLabService } from '../../service/create-lab-service'
import { resolveRunBudget } from '../../service/run-budget'
import { defaultDatabasePath } from '../../store/default-database-path'
import { startWebHost } from '../../web/web-host'
import { openBrowser } from '../../web/open-browser'

/** Built renderer next to the built CLI (out/main/cli.js -> out/renderer). */
function rendererDir(): string {
  return process.env['ALLOCLAB_RENDERER_DIR'] ?? join(__dirname, '..', 'renderer')
}

export const webCommand: CliCommand = {
  name: 'web',
  summaryKey: 'cli.web.summary',
  synopsis: 'web [--port N] [--no-open] [--db PATH] [--run-budget SIZE]',
  allowPositionals: false,
  options: {
    port: {
      type: 'string',
      valueName: 'N',
      descriptionKey: 'cli.web.port',
      value: { key: 'cli.value.port' }
    },
    'no-open': { type: 'boolean', descriptionKey: 'cli.web.noOpen' },
    db: {
      type: 'string',
      valueName: 'PATH',
      descriptionKey: 'cli.dbOption',
      value: { key: 'cli.value.file', params: { example: 'lab.db' } }
    },
    'run-budget': {
      type: 'string',
      valueName: 'SIZE',
      descriptionKey: 'cli.runBudgetOption',
      value: { key: 'cli.value.budget' }
    }
  },
  async run(values, _positionals, ctx) {
    const portText = (values['port'] as string | undefined) ?? '0'
    const port = Number(portText)
    if (!/^\d+$/.test(portText) || port > 65535) {
      throw new UsageError(ctx.t('cli.web.badPort', { value: portText }))
    }
    const dir = rendererDir()
    if (!existsSync(join(dir, 'index.html'))) {
      throw new UsageError(ctx.t('cli.web.notBuilt', { dir }))
    }
    let budgetBytes: number
    try {
      budgetBytes = resolveRunBudget(values['run-budget'] as string | undefined)
    } catch (error) {
      if (error instanceof LabError) throw new UsageError(ctx.t(error.key, error.params))
      throw error
    }
    // A folder, a read-only file or a locked database at --db is the store's to explain:
    // it starts on what it can and the notice below says what and why.
    const database = (values['db'] as string | undefined) ?? defaultDatabasePath()
    const service = createLabService('browser', resolve(ctx.cwd, database), {}, { budgetBytes })
    const notice = (await service.call('app:info', {})).databaseNotice
    if (notice) {
      const { title, lines } = databaseNoticeText(notice, ctx.t)
      const details = notice.detail
        ? [ctx.t('app.databaseNotice.detailsLine', { detail: notice.detail })]
        : []
      ctx.stderr(`${[title, ...lines, ...details].join('\n')}\n\n`)
    }
    const host = await startWebHost({ service, rendererDir: dir, port })
    ctx.stdout(`${ctx.t('cli.web.listening', { url: host.url })}\n`)
    if (values['no-open'] !== true && !(await openBrowser(host.url))) {
      ctx.stderr(`${ctx.t('cli.web.openFailed')}\n`)
    }
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await host.close()
    service.close()
    return 0
  }
}
