import { MAX_METRIC_POINTS } from '@shared/run-schemas'
import { METRIC_NAMES } from '@shared/vocabulary/metrics'
import type { LabCaller } from './lab-caller'

/**
 * The per-request metrics of every configuration of a run as CSV text, in
 * pieces, read through `timeline:metrics` a page at a time with one request
 * per bucket. The layout is the one `alloclab run --csv` writes: header
 * `config,step,<metric names of the vocabulary>`, then one row per request of
 * each configuration in turn, the label quoted; a sampled column is empty on
 * the requests where it was not read (every request has it when the run was
 * recorded with metricStride 1). Configurations without a timeline add no rows.
 */
export async function* metricsCsvChunks(lab: LabCaller, runId: string): AsyncGenerator<string> {
  yield `config,step,${METRIC_NAMES.join(',')}\n`
  const run = await lab.call('run:summary', { runId })
  for (const config of run.configs) {
    const requests = config.summary?.requests ?? 0
    const quoted = `"${config.label.replace(/"/g, '""')}"`
    for (let from = 0; from < requests; from += MAX_METRIC_POINTS) {
      const to = Math.min(requests, from + MAX_METRIC_POINTS)
      let page
      try {
        page = await lab.call('timeline:metrics', {
          runId,
          config: config.config,
          from,
          to,
          maxPoints: to - from
        })
      } catch (error) {
        if ((error as { key?: unknown } | null)?.key === 'timeline.notRecorded') break
        throw error
      }
      const count = to - from
      const cells = METRIC_NAMES.map((name) => {
        const byStep: (number | undefined)[] = new Array<number | undefined>(count)
        const column = page.columns.find((c) => c.name === name)
        if (column) {
          for (let i = 0; i < column.start.length; i++)
            byStep[column.start[i]! - from] = column.min[i]
        }
        return byStep
      })
      let chunk = ''
      for (let i = 0; i < count; i++) {
        let line = `${quoted},${from + i}`
        for (const column of cells) {
          const value = column[i]
          line += value === undefined ? ',' : `,${value}`
        }
        chunk += `${line}\n`
      }
      yield chunk
    }
  }
}
