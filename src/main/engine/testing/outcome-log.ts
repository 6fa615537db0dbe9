import type { EventSink } from '../event-sink'
import type { RequestOutcome } from '../outcome'

/** A sink for runner tests: the status, invalid reason and address of every request, in order. */
export class OutcomeLog implements EventSink {
  readonly status: number[] = []
  readonly invalidReason: number[] = []
  readonly addr: number[] = []

  record(step: number, out: RequestOutcome): void {
    if (step !== this.status.length) throw new RangeError(`request ${step} recorded out of order`)
    this.status.push(out.status)
    this.invalidReason.push(out.invalidReason)
    this.addr.push(out.addr)
  }
}
