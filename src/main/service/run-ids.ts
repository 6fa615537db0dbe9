import { randomBytes } from 'node:crypto'

/** What an id the service does not hold turns out to be. */
export type MissingRunKind = 'earlier-session' | 'dropped' | 'never-issued'

const RUN_ID = /^run-([0-9a-f]{8})-([1-9]\d{0,14})$/

/**
 * Run ids: `run-<session>-<n>`. The session tag is new each time a service
 * starts (one per process in every host), and n counts up within it, so an
 * id alone tells a run lost in a restart from one this session closed and
 * from one that never existed.
 */
export class RunIds {
  private next = 1

  constructor(readonly session: string = randomBytes(4).toString('hex')) {}

  issue(): string {
    return `run-${this.session}-${this.next++}`
  }

  classify(runId: string): MissingRunKind {
    const match = RUN_ID.exec(runId)
    if (!match) return 'never-issued'
    if (match[1] !== this.session) return 'earlier-session'
    return Number(match[2]) < this.next ? 'dropped' : 'never-issued'
  }
}
