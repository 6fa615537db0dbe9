import type { LabOutput } from '@shared/api'
import type { MessageParams } from '@shared/i18n/translate'
import type { RunSummary } from './run-summary'
import { formatTable } from './text-table'
import type { FinalState } from './final-state'

type Translate = (key: string, params?: MessageParams) => string

/** Renders the /proc-style tables of a run's final state; injected by the CLI (buddy and slab helpers own the layouts). */
export interface ProcFormatters {
  readonly buddyinfo?: (freeBlocksPerOrder: readonly number[]) => string
  readonly slabinfo?: (rows: NonNullable<FinalState['slabinfo']>) => string
}

/**
 * The readable form of a run: the configs numbered, one metrics table with a
 * column per config, then each page family's buddyinfo and slabinfo tables,
 * from what `run:summary` answers.
 */
export function formatRunTable(
  configs: LabOutput<'run:summary'>['configs'],
  t: Translate,
  formatters: ProcFormatters = {}
): string {
  const parts: string[] = [t('engine.run.configTitle'), '\n']
  configs.forEach((config, i) => {
    parts.push(`  #${i + 1}  ${config.label}\n`)
  })
  parts.push('\n')

  const summaries = configs.map((config) =>
    config.error ? undefined : (config.summary ?? undefined)
  )
  const row = (key: string, cell: (summary: RunSummary) => string): string[] => [
    t(`engine.run.row.${key}`),
    ...summaries.map((summary) => (summary ? cell(summary) : '—'))
  ]
  parts.push(
    formatTable([
      ['', ...configs.map((_, i) => `#${i + 1}`)],
      row('requests', (s) => integer(s.requests)),
      row(
        'failures',
        (s) => `${integer(s.failures)} (${integer(s.failNoMemory)} / ${integer(s.failFragmented)})`
      ),
      row('invalid', (s) => integer(s.invalid)),
      row('utilization', (s) => percent(s.utilization)),
      row('internalFragmentation', (s) => integer(s.metrics.internalFragmentation)),
      row('externalFragmentation', (s) => percent(s.metrics.externalFragmentation)),
      row('metadataBytes', (s) => integer(s.metrics.metadataBytes)),
      row('examined', (s) => integer(s.cost.examined)),
      row('nsPerRequest', (s) => s.timing.nsPerRequest.toFixed(1))
    ])
  )

  configs.forEach((config, i) => {
    const name = `#${i + 1}`
    const { summary, final } = config
    if (config.error || !summary || !final) return
    if (summary.cancelled)
      parts.push(`${name} ${t('engine.run.cancelled', { requests: summary.requests })}\n`)
    if (final.buddyinfo && formatters.buddyinfo) {
      parts.push(
        '\n',
        t('engine.run.buddyinfoTitle', { config: name }),
        '\n',
        formatters.buddyinfo(final.buddyinfo)
      )
    }
    if (final.slabinfo && formatters.slabinfo) {
      parts.push(
        '\n',
        t('engine.run.slabinfoTitle', { config: name }),
        '\n',
        formatters.slabinfo(final.slabinfo)
      )
    }
  })
  return parts.join('')
}

function integer(value: number): string {
  return String(Math.round(value))
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`
}
