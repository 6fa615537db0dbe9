import { MAX_EVENT_WINDOW } from '@shared/run-schemas'
import { eventRecord, type EventRecord } from '../engine/run-report'
import type { LabService } from '../service/lab-service'

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
