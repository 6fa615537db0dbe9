import { VIEW_LEASE_MS } from '@shared/run-schemas'

/**
 * Runs someone is looking at. A view holds a lease that it renews while it
 * stays open (run:view); a lease not renewed for VIEW_LEASE_MS lapses, so a
 * tab that closed, crashed or lost its connection never pins memory.
 */
export class ViewLeases {
  private readonly until = new Map<string, number>()

  constructor(
    private readonly now: () => number,
    readonly leaseMs: number = VIEW_LEASE_MS
  ) {}

  renew(runId: string): void {
    this.until.set(runId, this.now() + this.leaseMs)
  }

  isViewed(runId: string): boolean {
    const until = this.until.get(runId)
    if (until === undefined) return false
    if (until > this.now()) return true
    this.until.delete(runId)
    return false
  }

  forget(runId: string): void {
    this.until.delete(runId)
  }
}
