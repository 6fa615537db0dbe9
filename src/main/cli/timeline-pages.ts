import { MAX_EVENT_WINDOW, MAX_METRIC_POINTS } from '@shared/run-schemas'
import { eventRecord, type EventRecord } from '../engine/run-report'
import type { LabService } from '../service/lab-service'
import type { MetricsCsvWriter } from './metrics-csv'

/**
 * Every request of one config as report records, read page by page through
 * `timeline:events`, as any LabApi client would read them.
 */
export async function readEventRecords(
  service: LabService,
  runId: string,
  config: number
): Promise<EventRecord[]> {
  const records: EventRecord[] = []
  let total = 1
  for (let from = 0; from < total; from += MAX_EVENT_WINDOW) {
    const page = await service.call('timeline:events', {
      runId,
      config,
      from,
      count: MAX_EVENT_WINDOW
    })
    total = page.total
    for (const event of page.events) records.push(eventRecord(event))
  }
  return records
}

/** One config's per-request metrics into `csv`, through `timeline:metrics` with buckets of one request. */
export async function writeMetricPages(
  service: LabService,
  runId: string,
  config: { readonly config: number; readonly label: string; readonly requests: number },
  csv: MetricsCsvWriter
): Promise<void> {
  for (let from = 0; from < config.requests; from += MAX_METRIC_POINTS) {
    const to = Math.min(config.requests, from + MAX_METRIC_POINTS)
    const page = await service.call('timeline:metrics', {
      runId,
      config: config.config,
      from,
      to,
      maxPoints: to - from
    })
    csv.write(config.label, page)
  }
}
