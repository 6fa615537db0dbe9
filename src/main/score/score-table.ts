import type { MessageParams } from '@shared/i18n/translate'
import { formatTable } from '../engine/text-table'
import type { TotalScore, TraceScore } from './trace-score'

type Translate = (key: string, params?: MessageParams) => string

/** One allocator's scores, mdriver-style: a row per trace, the Total row, the performance index. */
export function formatScoreTable(
  allocator: string,
  spec: string | undefined,
  traces: readonly TraceScore[],
  total: TotalScore,
  t: Translate
): string {
  const dash = '-'
  const rows: string[][] = [
    ['trace', 'valid', 'util', 'ops', 'secs', 'Kops'].map((column) => t(`score.column.${column}`))
  ]
  for (const trace of traces) {
    rows.push(
      trace.valid
        ? [
            trace.trace,
            t('score.yes'),
            percent(trace.util),
            String(trace.ops),
            trace.secs.toFixed(6),
            trace.kops.toFixed(0)
          ]
        : [trace.trace, t('score.no'), dash, dash, dash, dash]
    )
  }
  rows.push([
    t('score.total'),
    '',
    total.util === null ? dash : percent(total.util),
    total.ops === null ? dash : String(total.ops),
    total.secs === null ? dash : total.secs.toFixed(6),
    total.kops === null ? dash : total.kops.toFixed(0)
  ])
  let text = `${t('score.resultsFor', { allocator })}\n`
  if (spec !== undefined && spec !== allocator) text += `${t('score.spec', { spec })}\n`
  text += formatTable(rows)
  for (const trace of traces) {
    if (trace.valid) continue
    text += `${t('score.invalidTrace', { trace: trace.trace, problem: trace.problem ?? '' })}\n`
  }
  if (total.perfIndex !== null) {
    const points = {
      util: total.utilPoints!.toFixed(0),
      thru: total.throughputPoints!.toFixed(0),
      index: total.perfIndex.toFixed(0)
    }
    text += `\n${t('score.perfIndex', points)}\n`
  }
  return text
}

function percent(value: number): string {
  return `${(value * 100).toFixed(0)}%`
}
