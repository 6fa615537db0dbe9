import { closeSync, openSync, writeSync } from 'node:fs'
import type { LabOutput } from '@shared/api'
import { METRIC_NAMES } from '@shared/vocabulary/metrics'

/**
 * Writes the per-request metric columns of several configs to one CSV file:
 * header `config,step,<DESIGN.md §5 names>`, then one row per request of each
 * config in turn, page by page as `timeline:metrics` answers with a bucket
 * size of 1. Sampled columns are filled only on the requests that carry a
 * sample (every request when the run was recorded with metricStride 1).
 */
export class MetricsCsvWriter {
  private readonly fd: number | undefined
  private readonly out: (chunk: string) => void
  private rows = 0

  /** Into `target`: a file (created or emptied), or a function given each chunk of text. */
  constructor(target: string | ((chunk: string) => void)) {
    if (typeof target === 'string') {
      const fd = openSync(target, 'w')
      this.fd = fd
      this.out = (chunk) => void writeSync(fd, chunk)
    } else {
      this.fd = undefined
      this.out = target
    }
    try {
      this.out(`config,step,${METRIC_NAMES.join(',')}\n`)
    } catch (error) {
      if (this.fd !== undefined) closeSync(this.fd)
      throw error
    }
  }

  /** Rows for requests [page.from, page.to) of the config named `label`. */
  write(label: string, page: LabOutput<'timeline:metrics'>): void {
    if (page.bucketSize !== 1) throw new RangeError('CSV pages need one request per bucket')
    const quoted = `"${label.replace(/"/g, '""')}"`
    const count = page.to - page.from
    const cells = METRIC_NAMES.map((name) => {
      const column = page.columns.find((c) => c.name === name)
      const byStep = new Float64Array(count).fill(Number.NaN)
      if (!column) return byStep
      for (let i = 0; i < column.start.length; i++)
        byStep[column.start[i]! - page.from] = column.min[i]!
      return byStep
    })
    let chunk = ''
    for (let i = 0; i < count; i++) {
      let line = `${quoted},${page.from + i}`
      for (const column of cells) {
        const value = column[i]!
        line += Number.isNaN(value) ? ',' : `,${value}`
      }
      chunk += `${line}\n`
      this.rows++
      if (chunk.length > 1 << 20) {
        this.out(chunk)
        chunk = ''
      }
    }
    this.out(chunk)
  }

  /** Close the file; returns the number of data rows written. */
  close(): number {
    if (this.fd !== undefined) closeSync(this.fd)
    return this.rows
  }
}
