import type { RunSummary } from '@shared/vocabulary/run-summary'
import { METRICS, type MetricDirection } from '@shared/vocabulary/metrics'

/** The Compare table's figures, left to right. */
export const COMPARE_COLUMNS = [
  'utilization',
  'externalFragmentation',
  'internalFragmentation',
  'failures',
  'examined',
  'nsPerRequest',
  'metadataBytes',
  'ctorSaved'
] as const
export type CompareColumn = (typeof COMPARE_COLUMNS)[number]

export type CompareFormat = 'ratio' | 'bytes' | 'count' | 'decimal' | 'ns'

export interface CompareColumnInfo {
  readonly column: CompareColumn
  readonly better: Exclude<MetricDirection, null>
  readonly format: CompareFormat
  readonly value: (summary: RunSummary) => number
  /** The step a peak happened at (-1: never), for the columns that are peaks. */
  readonly step?: (summary: RunSummary) => number
}

/** How each column reads a summary, and which way is better (from the vocabulary where it has the metric). */
export const COMPARE_COLUMN_INFO: Readonly<Record<CompareColumn, CompareColumnInfo>> = {
  utilization: {
    column: 'utilization',
    better: METRICS.utilization.better ?? 'higher',
    format: 'ratio',
    value: (s) => s.utilization
  },
  externalFragmentation: {
    column: 'externalFragmentation',
    better: METRICS.externalFragmentation.better ?? 'lower',
    format: 'ratio',
    value: (s) => s.peaks.externalFragmentation.value,
    step: (s) => s.peaks.externalFragmentation.step
  },
  internalFragmentation: {
    column: 'internalFragmentation',
    better: METRICS.internalFragmentation.better ?? 'lower',
    format: 'bytes',
    value: (s) => s.peaks.internalFragmentation.value,
    step: (s) => s.peaks.internalFragmentation.step
  },
  failures: { column: 'failures', better: 'lower', format: 'count', value: (s) => s.failures },
  examined: {
    column: 'examined',
    better: METRICS.examined.better ?? 'lower',
    format: 'decimal',
    value: (s) => s.costPerRequest.examined
  },
  nsPerRequest: {
    column: 'nsPerRequest',
    better: 'lower',
    format: 'ns',
    value: (s) => s.timing.nsPerRequest
  },
  metadataBytes: {
    column: 'metadataBytes',
    better: METRICS.metadataBytes.better ?? 'lower',
    format: 'bytes',
    value: (s) => s.peaks.metadataBytes.value,
    step: (s) => s.peaks.metadataBytes.step
  },
  ctorSaved: {
    column: 'ctorSaved',
    better: 'higher',
    format: 'count',
    value: (s) => s.cost.ctorSaved
  }
}

export interface CompareRow {
  readonly config: number
  readonly label: string
  readonly summary: RunSummary | null
}

/**
 * The configurations holding the best value of a column. Nobody is best
 * when fewer than two have a value or when they all tie: a mark that every
 * row carries says nothing.
 */
export function bestOf(rows: readonly CompareRow[], column: CompareColumn): Set<number> {
  const info = COMPARE_COLUMN_INFO[column]
  const valued = rows.filter((row) => row.summary !== null)
  if (valued.length < 2) return new Set()
  const values = valued.map((row) => info.value(row.summary!))
  const best = info.better === 'lower' ? Math.min(...values) : Math.max(...values)
  if (values.every((value) => value === best)) return new Set()
  return new Set(valued.filter((_, i) => values[i] === best).map((row) => row.config))
}

export type SortKey = CompareColumn | 'config'

/** Rows sorted by a column; rows without a summary go last either way, ties keep the run's order. */
export function sortRows(
  rows: readonly CompareRow[],
  key: SortKey,
  direction: 'ascending' | 'descending'
): CompareRow[] {
  const sign = direction === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => {
    if (key === 'config') return sign * (a.config - b.config)
    if (!a.summary || !b.summary) return (a.summary ? 0 : 1) - (b.summary ? 0 : 1)
    const info = COMPARE_COLUMN_INFO[key]
    return sign * (info.value(a.summary) - info.value(b.summary)) || a.config - b.config
  })
}
