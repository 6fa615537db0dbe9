import type { MetricsSnapshot } from '../target'
import type { BuddyZone } from './buddy-zone'

/**
 * Fill the metrics a buddy zone knows on its own: pool size, free space and
 * free blocks, the largest free block, high water. Both page families (the
 * buddy alone, and slab over the buddy) report these the same way.
 */
export function zoneMetrics(zone: BuddyZone, pageSize: number, out: MetricsSnapshot): void {
  const largest = zone.largestFreeOrder()
  out.poolBytes = zone.frames * pageSize
  out.freeBytes = zone.freeFrames * pageSize
  out.freeBlocks = zone.freeBlockCount()
  out.largestFree = largest < 0 ? 0 : 2 ** largest * pageSize
  out.highWater = zone.highWaterFrame * pageSize
}
