import { formatAddress } from '@shared/format/format-value'
import type { TimelineEvent } from '@shared/reports/report-model'
import { invalidReasonKey, requestStatusLabelKey } from '@shared/vocabulary/request-statuses'
import type { ReportText } from './report-text'

/** Requests whose last word is a size (bytes) or an order, as the scenario language writes them. */
const SIZED = new Set(['alloc', 'realloc', 'kmalloc', 'pages'])

/** Requests that hand out memory: what they were granted is worth showing. */
const ALLOCATING = new Set(['alloc', 'realloc', 'kmalloc', 'pages', 'object'])

export function grantsMemory(event: TimelineEvent): boolean {
  return ALLOCATING.has(event.op) && event.status === 'ok'
}

/** A request as it reads in the scenario: `alloc p2 58`, `object o1 inode`, `pages a 3`. */
export function requestText(event: TimelineEvent): string {
  const words = [event.op]
  if (event.handle !== null) words.push(event.handle)
  if (event.cache !== null) words.push(event.cache)
  if (SIZED.has(event.op)) words.push(String(event.size))
  return words.join(' ')
}

/** How the request ended, with the reason when it was refused. */
export function outcomeText(event: TimelineEvent, text: ReportText): string {
  const status = text.t(requestStatusLabelKey(event.status))
  return event.status === 'invalid' && event.reason
    ? `${status} (${text.t(invalidReasonKey(event.reason))})`
    : status
}

/** Where the block went: its address, and its first frame on page families. */
export function placeText(event: TimelineEvent): string {
  if (event.addr < 0) return ''
  return event.frame >= 0
    ? `${formatAddress(event.addr)} / ${event.frame}`
    : formatAddress(event.addr)
}
