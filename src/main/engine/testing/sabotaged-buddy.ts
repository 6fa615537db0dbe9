/**
 * The real buddy family with one planted fault, for tests that follow a
 * broken invariant from the engine to the reader: after request `break-at`
 * (0-based) the zone's count of free order-0 blocks goes one too high, so the
 * zone's own check reports `freeCount` with the real numbers.
 */
import type { CompiledProgram } from '@shared/scenario/program'
import { BuddyTarget, buddyFamily } from '../buddy'
import { readFrameGeometry, type FrameGeometry } from '../buddy/frame-options'
import type { AllocatorFamily } from '../family'
import type { FramePool } from '../frame-pool'
import type { RequestOutcome } from '../outcome'
import { breakAtOption } from './tiny-family'

class SabotagedBuddyTarget extends BuddyTarget {
  private requests = 0

  constructor(
    pool: FramePool,
    geometry: FrameGeometry,
    program: CompiledProgram,
    fresh: boolean,
    private readonly breakAt: number
  ) {
    super(pool, geometry, program, fresh)
  }

  override execute(
    op: number,
    handle: number,
    aux: number,
    size: number,
    out: RequestOutcome
  ): void {
    super.execute(op, handle, aux, size, out)
    if (this.requests++ === this.breakAt) this.zone.freeCount[0]!++
  }
}

export const sabotagedBuddyFamily: AllocatorFamily = {
  ...buddyFamily,
  name: 'sabotaged-buddy',
  options: [...buddyFamily.options, breakAtOption],
  create(pool, values, program, fresh) {
    const breakAt = typeof values['break-at'] === 'number' ? values['break-at'] : -1
    return new SabotagedBuddyTarget(pool, readFrameGeometry(values), program, fresh, breakAt)
  }
}
