/**
 * The real first-fit family with one planted fault, for tests that follow a
 * broken invariant from the engine to the reader: after request `break-at`
 * (0-based) the heap's free-byte total goes one byte too high, so the heap's
 * own check reports `freeBytes` with the real numbers.
 */
import type { CompiledProgram } from '@shared/scenario/program'
import { heapFamilies } from '../heap'
import { FitPolicy } from '../heap/heap-config'
import { createHeap } from '../heap/heap-family'
import { HEAP_STATE_SLOTS, HeapState } from '../heap/heap-layout'
import { HeapTarget } from '../heap/heap-target'
import type { AllocatorFamily, OptionValues } from '../family'
import { HEADER_BYTES, type FramePool } from '../frame-pool'
import type { RequestOutcome } from '../outcome'
import { breakAtOption } from './tiny-family'

const firstFit = heapFamilies.find((family) => family.name === 'first-fit')!

class SabotagedHeapTarget extends HeapTarget {
  private requests = 0
  /** The heap's state words: the first region it carves (see HeapState). */
  private readonly words: Int32Array

  constructor(
    pool: FramePool,
    values: OptionValues,
    program: CompiledProgram,
    fresh: boolean,
    private readonly breakAt: number
  ) {
    super('sabotaged-first-fit', createHeap(FitPolicy.First, pool, values, program, fresh), program)
    this.words = new Int32Array(pool.buffer, HEADER_BYTES, HEAP_STATE_SLOTS)
  }

  override execute(
    op: number,
    handle: number,
    aux: number,
    size: number,
    out: RequestOutcome
  ): void {
    super.execute(op, handle, aux, size, out)
    if (this.requests++ === this.breakAt) this.words[HeapState.FREE_BYTES]!++
  }
}

export const sabotagedHeapFamily: AllocatorFamily = {
  ...firstFit,
  name: 'sabotaged-first-fit',
  options: [...firstFit.options, breakAtOption],
  // The heap fills in its own options only; break-at rides along.
  applyGeometry(values, explicit, geometry) {
    return {
      ...firstFit.applyGeometry(values, explicit, geometry),
      'break-at': values['break-at']!
    }
  },
  create(pool, values, program, fresh) {
    const breakAt = typeof values['break-at'] === 'number' ? values['break-at'] : -1
    return new SabotagedHeapTarget(pool, values, program, fresh, breakAt)
  }
}
