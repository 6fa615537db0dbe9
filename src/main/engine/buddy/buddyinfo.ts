import type { ScenarioTarget } from '../target'

/** A target that keeps a buddy zone (buddy and slab families); `readFinalState` probes the same method. */
interface WithBuddyinfo {
  buddyinfo(): number[]
}

function hasBuddyinfo(target: object): target is WithBuddyinfo {
  return typeof (target as Partial<WithBuddyinfo>).buddyinfo === 'function'
}

/**
 * Free blocks per order (index = order) of a page-frame target, the numbers
 * /proc/buddyinfo prints; undefined for families without a buddy zone.
 */
export function buddyInfo(target: ScenarioTarget): number[] | undefined {
  return hasBuddyinfo(target) ? target.buddyinfo() : undefined
}

/**
 * The /proc/buddyinfo layout: one line per zone, "Node 0, zone   Normal"
 * followed by one six-wide column per order.
 */
export function formatBuddyInfo(
  freeBlocksPerOrder: readonly number[],
  zoneName = 'Normal'
): string {
  const columns = freeBlocksPerOrder.map((count) => String(count).padStart(6)).join(' ')
  return `Node 0, zone ${zoneName.padStart(8)} ${columns}\n`
}
