import type { RequestOutcome } from './outcome'

/** Receives every request's outcome while a run records (a timeline recorder, a test's log). */
export interface EventSink {
  record(step: number, out: RequestOutcome): void
}
