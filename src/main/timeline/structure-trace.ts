import type { StructuralDetail } from '@shared/run-schemas'
import { BuddyTarget } from '../engine/buddy'
import { HeapTarget } from '../engine/heap'
import type { StructureTrace } from '../engine/outcome'
import { SlabTarget } from '../engine/slab'
import type { ScenarioTarget } from '../engine/target'

/**
 * Turns what an allocator reports through its StructureTrace into the
 * `structural` entries of one request. Used only while a window of requests
 * is being explained, so building a few small objects per split or merge is
 * fine here; the recorder never sees this class.
 */
export class StructureCollector implements StructureTrace {
  private details: StructuralDetail[] = []

  /** The entries reported since the last call, in the order the allocator acted. */
  take(): StructuralDetail[] {
    const taken = this.details
    this.details = []
    return taken
  }

  heapSplit(addr: number, size: number, remainderAddr: number, remainderSize: number): void {
    this.details.push({
      kind: 'splitRemainder',
      block: { addr, size },
      remainder: { addr: remainderAddr, size: remainderSize }
    })
  }

  heapCoalesced(addr: number, size: number, belowSize: number, aboveSize: number): void {
    const joined: Extract<StructuralDetail, { kind: 'coalesced' }>['with'] = []
    if (belowSize > 0) joined.push({ side: 'below', addr: addr - belowSize, size: belowSize })
    if (aboveSize > 0) joined.push({ side: 'above', addr: addr + size, size: aboveSize })
    this.details.push({
      kind: 'coalesced',
      freed: { addr, size },
      with: joined,
      result: { addr: addr - belowSize, size: belowSize + size + aboveSize }
    })
  }

  buddySplit(frame: number, fromOrder: number, toOrder: number): void {
    // The lower half is kept at every step, so each upper half sits just past the kept part.
    const halves = []
    for (let order = fromOrder - 1; order >= toOrder; order--) {
      halves.push({ frame: frame + 2 ** order, order })
    }
    this.details.push({
      kind: 'buddySplit',
      block: { frame, order: fromOrder },
      halves,
      result: { frame, order: toOrder }
    })
  }

  buddyMerged(frame: number, order: number, resultFrame: number, resultOrder: number): void {
    // Each buddy differs from the block grown so far only in the bit of its order.
    const buddies = []
    let block = frame
    for (let o = order; o < resultOrder; o++) {
      const size = 2 ** o
      const buddy = block % (2 * size) < size ? block + size : block - size
      buddies.push({ frame: buddy, order: o })
      block = Math.min(block, buddy)
    }
    this.details.push({
      kind: 'buddyMerged',
      freed: { frame, order },
      buddies,
      result: { frame: resultFrame, order: resultOrder }
    })
  }
}

/**
 * Point the allocator inside `target` at `trace` (null to stop). Returns false
 * for families that report nothing structural.
 */
export function installStructureTrace(
  target: ScenarioTarget,
  trace: StructureTrace | null
): boolean {
  if (target instanceof HeapTarget) {
    target.heap.structureTrace = trace
    return true
  }
  // Slab caches take their pages from the same zone, so page splits and merges show there too.
  if (target instanceof BuddyTarget || target instanceof SlabTarget) {
    target.zone.structureTrace = trace
    return true
  }
  return false
}
