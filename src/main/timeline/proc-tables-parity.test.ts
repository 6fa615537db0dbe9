import { describe, expect, it } from 'vitest'
import { buddyinfoLine, slabinfoLines } from '@shared/format/proc-tables'
import { formatBuddyInfo } from '../engine/buddy/buddyinfo'
import { formatSlabInfo } from '../engine/slab/slabinfo'

describe('the window’s /proc tables', () => {
  it('print the same lines as the command line’s', () => {
    const counts = [3, 0, 12, 1, 0, 0, 0, 0, 1, 1, 1023]
    expect(`${buddyinfoLine(counts)}\n`).toBe(formatBuddyInfo(counts))
    const rows = [
      {
        name: 'kmalloc-64',
        activeObjs: 10,
        numObjs: 64,
        objSize: 64,
        objPerSlab: 64,
        pagesPerSlab: 1,
        activeSlabs: 1,
        numSlabs: 1
      },
      {
        name: 'inode',
        activeObjs: 2,
        numObjs: 6,
        objSize: 600,
        objPerSlab: 6,
        pagesPerSlab: 1,
        activeSlabs: 1,
        numSlabs: 1
      }
    ]
    expect(`${slabinfoLines(rows).join('\n')}\n`).toBe(formatSlabInfo(rows))
  })
})
