import { describe, expect, it } from 'vitest'
import { buddyinfoLine, slabinfoLines } from './proc-tables'

describe('the /proc tables', () => {
  it('prints buddyinfo as Linux does: the zone, then six columns per order', () => {
    expect(buddyinfoLine([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0])).toBe(
      'Node 0, zone   Normal      0      0      0      0      0      0      0      0      1      1      0'
    )
  })

  it('prints slabinfo 2.1 with its header and zero tunables', () => {
    const lines = slabinfoLines([
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
    ])
    expect(lines[0]).toBe('slabinfo - version: 2.1')
    expect(lines[2]).toBe(
      'inode                  2      6    600    6    1 : tunables    0    0    0 : slabdata      1      1      0'
    )
  })
})
