/**
 * The real slab family with one planted fault, for tests that follow a
 * broken invariant from the engine to the reader: after request `break-at`
 * (0-based) the first cache the scenario creates counts one active object too
 * many, so the slab layer's own check reports `activeObjects` with the real
 * numbers and the cache's name.
 */
import { CACHE_STRIDE, CacheField } from '../slab/cache-record'
import { slabFamily, SlabTarget } from '../slab'
import type { SlabConfig } from '../slab/slab-allocator'
import { readSlabConfig } from '../slab/slab-options'
import type { CompiledProgram } from '@shared/scenario/program'
import type { AllocatorFamily } from '../family'
import type { FramePool } from '../frame-pool'
import type { RequestOutcome } from '../outcome'
import { breakAtOption } from './tiny-family'

/** The scenario's first cache: scenario caches come before the general kmalloc caches. */
const FIRST_CACHE = 0

class SabotagedSlabTarget extends SlabTarget {
  private requests = 0

  constructor(
    pool: FramePool,
    config: SlabConfig,
    program: CompiledProgram,
    fresh: boolean,
    private readonly breakAt: number
  ) {
    super(pool, config, program, fresh)
  }

  override execute(
    op: number,
    handle: number,
    aux: number,
    size: number,
    out: RequestOutcome
  ): void {
    super.execute(op, handle, aux, size, out)
    if (this.requests++ === this.breakAt) {
      this.slab.caches[FIRST_CACHE * CACHE_STRIDE + CacheField.ACTIVE_OBJECTS]!++
    }
  }
}

export const sabotagedSlabFamily: AllocatorFamily = {
  ...slabFamily,
  name: 'sabotaged-slab',
  options: [...slabFamily.options, breakAtOption],
  create(pool, values, program, fresh) {
    const breakAt = typeof values['break-at'] === 'number' ? values['break-at'] : -1
    return new SabotagedSlabTarget(pool, readSlabConfig(values), program, fresh, breakAt)
  }
}
