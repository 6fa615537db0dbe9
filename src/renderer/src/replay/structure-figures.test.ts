import { describe, expect, it } from 'vitest'
import { freeFigures, freeOutlines, slabLane } from './structure-figures'

const base = { step: 0, freeList: null, rover: null, freeAreas: null, slabinfo: null, caches: null }

describe('figures read off the allocator’s structures', () => {
  it('sums the buddy free areas of the article’s example', () => {
    const structures = {
      ...base,
      family: 'buddy',
      freeAreas: [
        { order: 8, addresses: [256 * 4096] },
        { order: 9, addresses: [512 * 4096] },
        { order: 10, addresses: [] }
      ]
    }
    const geometry = { kind: 'pages' as const, baseAddress: 0, pageBytes: 4096 }
    expect(freeFigures(structures, geometry)).toEqual({
      free: 768 * 4096,
      blocks: 2,
      largest: 512 * 4096
    })
    expect(freeOutlines(structures, geometry)).toEqual([
      { start: 256 * 4096, length: 256 * 4096, label: 'o8' },
      { start: 512 * 4096, length: 512 * 4096, label: 'o9' }
    ])
  })

  it('places heap free blocks at their offset in the arena', () => {
    const structures = {
      ...base,
      family: 'first-fit',
      freeList: [
        { addr: 1030, size: 70 },
        { addr: 1000, size: 10 }
      ]
    }
    const geometry = { kind: 'heap' as const, baseAddress: 1000, pageBytes: 0 }
    expect(freeFigures(structures, geometry)).toEqual({ free: 80, blocks: 2, largest: 70 })
    expect(freeOutlines(structures, geometry)).toEqual([
      { start: 30, length: 70 },
      { start: 0, length: 10 }
    ])
  })

  it('lays out each slab with how full it is', () => {
    const structures = {
      ...base,
      family: 'slab',
      caches: [
        {
          name: 'inode',
          objectSize: 600,
          objectsPerSlab: 6,
          pagesPerSlab: 1,
          slabs: [
            { frame: 3, addr: 3 * 4096, list: 'partial' as const, inUse: 2, objects: 'uucccc' }
          ]
        }
      ]
    }
    expect(slabLane(structures, { kind: 'slab', baseAddress: 0, pageBytes: 4096 })).toEqual([
      { start: 3 * 4096, length: 4096, inUse: 2, total: 6 }
    ])
  })
})
