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
