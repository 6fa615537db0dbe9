import { closeSync, openSync, writeSync } from 'node:fs'
import { METRIC_NAMES, isStepMetric, type MetricColumns } from './metric-columns'

/**
 * Write the per-request metric columns of several configs to one CSV file:
 * header `config,step,<DESIGN.md §5 names>`, then one row per request of each
 * config in turn. Sampled columns are filled only on the requests that carry
 * a sample (every request when the run was recorded with metricStride 1).
 * Returns the number of data rows.
 */
export function writeMetricsCsv(
  file: string,
  configs: readonly {
    readonly label: string
    readonly columns: MetricColumns
    readonly count: number
  }[]
): number {
  const fd = openSync(file, 'w')
  let rows = 0
  try {
    writeSync(fd, `config,step,${METRIC_NAMES.join(',')}\n`)
    for (const { label, columns, count } of configs) {
      const quoted = `"${label.replace(/"/g, '""')}"`
      const cells = METRIC_NAMES.map((name) => {
        if (isStepMetric(name)) return columns.step(name)
        const { positions, values } = columns.sampled(name)
        const byStep = new Float64Array(count).fill(Number.NaN)
        for (let s = 0; s < positions.length; s++) {
          const step = positions[s]! - 1
          if (step >= 0 && step < count) byStep[step] = values[s]!
        }
        return byStep
      })
      let chunk = ''
      for (let step = 0; step < count; step++) {
        let line = `${quoted},${step}`
        for (const column of cells) {
          const value = column[step]!
          line += Number.isNaN(value) ? ',' : `,${value}`
        }
        chunk += `${line}\n`
        rows++
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk)
          chunk = ''
        }
      }
      writeSync(fd, chunk)
    }
  } finally {
    closeSync(fd)
  }
  return rows
}
