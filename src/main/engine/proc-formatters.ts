import { formatBuddyInfo } from './buddy'
import type { ProcFormatters } from './run-table'
import { formatSlabInfo } from './slab'

/** The /proc-style layouts the buddy and slab families define, for the run table. */
export const procFormatters: ProcFormatters = {
  buddyinfo: (freeBlocksPerOrder) => formatBuddyInfo(freeBlocksPerOrder),
  slabinfo: (rows) => formatSlabInfo(rows)
}
