import type { LabOutput } from '@shared/api'
import type { MetricName } from '@shared/vocabulary/metrics'

type Metrics = LabOutput<'timeline:metrics'>

/** One configuration's downsampled column: bucket starts and the lowest and highest value in each. */
export interface ChartColumn {
  readonly start: readonly number[]
  readonly min: readonly number[]
  readonly max: readonly number[]
  readonly stride: number
}

export function chartColumn(metrics: Metrics, name: MetricName): ChartColumn | null {
  const column = metrics.columns.find((c) => c.name === name)
  return column
    ? { start: column.start, min: column.min, max: column.max, stride: column.stride }
    : null
}

/**
 * Columns of several configurations on one x axis, as uPlot wants them:
 * the union of bucket starts, and per column its lows and highs with null
 * where that configuration has no value (a sampled metric, a shorter run).
 */
export function alignColumns(columns: readonly ChartColumn[]): {
  x: number[]
  lows: (number | null)[][]
  highs: (number | null)[][]
} {
  const xs = new Set<number>()
  for (const column of columns) for (const start of column.start) xs.add(start)
  const x = [...xs].sort((a, b) => a - b)
  const index = new Map(x.map((value, i) => [value, i]))
  const lows = columns.map(() => new Array<number | null>(x.length).fill(null))
  const highs = columns.map(() => new Array<number | null>(x.length).fill(null))
  columns.forEach((column, c) => {
    column.start.forEach((start, i) => {
      const at = index.get(start)!
      lows[c]![at] = column.min[i]!
      highs[c]![at] = column.max[i]!
    })
  })
  return { x, lows, highs }
}

/**
 * Failures in each bucket of the cumulative failure columns: a bucket's
 * highest value is the count after its last request, so the difference
 * from the bucket before is how many failed in it.
 */
export function failureBuckets(
  noMemory: ChartColumn | null,
  fragmented: ChartColumn | null
): { start: number; failures: number }[] {
  const source = noMemory ?? fragmented
  if (!source) return []
  const buckets: { start: number; failures: number }[] = []
  let before = 0
  for (let i = 0; i < source.start.length; i++) {
    const total = (noMemory?.max[i] ?? 0) + (fragmented?.max[i] ?? 0)
    if (total > before) buckets.push({ start: source.start[i]!, failures: total - before })
    before = total
  }
  return buckets
}
