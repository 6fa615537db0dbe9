import { configErrorText } from '@shared/config-error-text'
import { formatDecimal, formatNanoseconds } from '@shared/format/format-value'
import type { ReportConfig } from '@shared/reports/report-model'
import { METRICS, type MetricDirection, type MetricName } from '@shared/vocabulary/metrics'
import { runStatusLabelKey } from '@shared/vocabulary/run-statuses'
import type { Peak, RunSummary } from '@shared/vocabulary/run-summary'
import { markup, type SafeHtml } from './html'
import type { ReportText } from './report-text'

/** One column of a comparison table: its figure for a configuration, and which way is better. */
interface Column {
  readonly header: string
  readonly better: MetricDirection
  readonly value: (summary: RunSummary, config: ReportConfig) => number
  readonly format: (value: number) => string
  /** The peak behind the value, to say when it was reached. */
  readonly peak?: (summary: RunSummary) => Peak
}

function metricColumn(
  text: ReportText,
  name: MetricName,
  header: string,
  value: Column['value'],
  peak?: Column['peak']
): Column {
  return {
    header,
    better: METRICS[name].better,
    value,
    format: (v) => text.metric(name, v),
    ...(peak ? { peak } : {})
  }
}

function summaryColumns(text: ReportText): Column[] {
  const label = (name: MetricName): string => text.metricLabel(name)
  const peakOf = (name: MetricName): string => text.r('summary.peakOf', { metric: label(name) })
  return [
    {
      header: text.r('config.done'),
      better: null,
      value: (_s, config) => config.done,
      format: text.count
    },
    metricColumn(text, 'failNoMemory', label('failNoMemory'), (s) => s.failNoMemory),
    metricColumn(text, 'failFragmented', label('failFragmented'), (s) => s.failFragmented),
    metricColumn(text, 'utilization', label('utilization'), (s) => s.utilization),
    metricColumn(
      text,
      'internalFragmentation',
      peakOf('internalFragmentation'),
      (s) => s.peaks.internalFragmentation.value,
      (s) => s.peaks.internalFragmentation
    ),
    metricColumn(
      text,
      'externalFragmentation',
      peakOf('externalFragmentation'),
      (s) => s.peaks.externalFragmentation.value,
      (s) => s.peaks.externalFragmentation
    ),
    metricColumn(
      text,
      'metadataBytes',
      peakOf('metadataBytes'),
      (s) => s.peaks.metadataBytes.value,
      (s) => s.peaks.metadataBytes
    ),
    metricColumn(
      text,
      'largestFree',
      text.r('summary.finalOf', { metric: label('largestFree') }),
      (s) => s.metrics.largestFree
    ),
    {
      ...metricColumn(
        text,
        'examined',
        text.r('summary.perRequestOf', { metric: label('examined') }),
        (s) => s.costPerRequest.examined
      ),
      format: text.decimal
    }
  ]
}

function costColumns(text: ReportText): Column[] {
  const plain = (key: keyof RunSummary['cost'], better: MetricDirection = null): Column => ({
    header: text.r(`cost.${key}`),
    better,
    value: (s) => s.cost[key],
    format: text.count
  })
  return [
    plain('examined', METRICS.examined.better),
    plain('splits'),
    plain('merges'),
    plain('ctorCalls'),
    plain('ctorSaved'),
    plain('slabsGrown'),
    plain('slabsReaped'),
    plain('copied')
  ]
}

/** The best value of a column among the configurations, or null when they all agree. */
function bestOf(
  column: Column,
  rows: readonly { config: ReportConfig; summary: RunSummary }[]
): number | null {
  if (!column.better || rows.length < 2) return null
  const values = rows.map((row) => column.value(row.summary, row.config))
  const best = column.better === 'lower' ? Math.min(...values) : Math.max(...values)
  return values.every((value) => value === best) ? null : best
}

function comparisonTable(
  configs: readonly ReportConfig[],
  columns: readonly Column[],
  text: ReportText
): SafeHtml {
  const rows = configs.flatMap((config) =>
    config.summary ? [{ config, summary: config.summary }] : []
  )
  const bests = columns.map((column) => bestOf(column, rows))
  const head = columns.map((column) => markup`<th class="num" scope="col">${column.header}</th>`)
  const body = configs.map((config) => {
    const name = markup`<th scope="row" title="${config.label}">${text.configName(config)}</th>`
    if (!config.summary) {
      return markup`<tr>
        ${name}
        <td colspan="${columns.length}" class="muted">
          ${text.r('config.error', { message: errorText(config, text) })}
        </td>
      </tr>`
    }
    const summary = config.summary
    const cells = columns.map((column, c) => {
      const value = column.value(summary, config)
      const best = bests[c] !== null && value === bests[c]
      const peak = column.peak?.(summary)
      const when = peak
        ? markup`<span class="sub"
            >${peak.step >= 0 ? text.r('summary.atStep', { step: text.count(peak.step) }) : text.r('summary.never')}</span
          >`
        : null
      const mark = best
        ? markup`<span class="best-mark" aria-hidden="true">★</span
            ><span class="sr">${text.r('summary.best')}</span>`
        : null
      return markup`<td class="num${best ? ' best' : ''}">${column.format(value)}${mark}${when}</td>`
    })
    return markup`<tr>
      ${name}${cells}
    </tr>`
  })
  return markup`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          <th scope="col">${text.r('config.index')}</th>
          ${head}
        </tr>
      </thead>
      <tbody>
        ${body}
      </tbody>
    </table>
  </div>`
}

export function errorText(config: ReportConfig, text: ReportText): string {
  return config.error
    ? configErrorText((key, params) => text.t(key, params), config.error)
    : text.t(runStatusLabelKey(config.status))
}

export function renderSummaryTable(configs: readonly ReportConfig[], text: ReportText): SafeHtml {
  const stride = Math.max(1, ...configs.map((c) => c.summary?.peaks.strides.structures ?? 1))
  return markup`<p class="note">${text.r('summary.caption')}</p>
    ${comparisonTable(configs, summaryColumns(text), text)}
    ${stride > 1 ? markup`<p class="note">${text.r('summary.sampled', { stride: text.count(stride) })}</p>` : null}`
}

export function renderCostTable(configs: readonly ReportConfig[], text: ReportText): SafeHtml {
  return markup`<p class="note">${text.r('cost.caption')}</p>
    ${comparisonTable(configs, costColumns(text), text)}`
}

/** Wall-clock figures, apart from the rest: they differ between machines. */
export function renderTimingTable(configs: readonly ReportConfig[], text: ReportText): SafeHtml {
  const rows = configs.flatMap((config) => {
    const timing = config.summary?.timing
    if (!timing) return []
    return [
      markup`<tr>
        <th scope="row" title="${config.label}">${text.configName(config)}</th>
        <td class="num">${formatDecimal(text.locale, timing.elapsedMs, 1)} ms</td>
        <td class="num">${formatNanoseconds(text.locale, timing.nsPerRequest)}</td>
      </tr>`
    ]
  })
  return markup`<p class="note">${text.r('timing.caption')}</p>
    <table>
      <thead>
        <tr>
          <th scope="col">${text.r('config.index')}</th>
          <th class="num" scope="col">${text.r('timing.elapsed')}</th>
          <th class="num" scope="col">${text.r('timing.nsPerRequest')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`
}

/** Which configuration is which: its canonical spec reproduces it. */
export function renderConfigurationsTable(
  configs: readonly ReportConfig[],
  text: ReportText
): SafeHtml {
  const rows = configs.map((config) => {
    const notes = [
      config.error
        ? markup`<span class="sub"
            >${text.r('config.error', { message: errorText(config, text) })}</span
          >`
        : null,
      config.status === 'cancelled'
        ? markup`<span class="sub"
            >${text.r('config.cancelled', { done: text.count(config.done), total: text.count(config.total) })}</span
          >`
        : null
    ]
    return markup`<tr>
      <th scope="row">${text.configName(config)}</th>
      <td class="label"><code>${config.label}</code>${notes}</td>
      <td>${config.family}</td>
      <td>${text.t(runStatusLabelKey(config.status))}</td>
      <td class="num">${text.count(config.done)} / ${text.count(config.total)}</td>
    </tr>`
  })
  return markup`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          <th scope="col">${text.r('config.index')}</th>
          <th scope="col">${text.r('config.label')}</th>
          <th scope="col">${text.r('config.family')}</th>
          <th scope="col">${text.r('config.status')}</th>
          <th class="num" scope="col">${text.r('config.done')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`
}
