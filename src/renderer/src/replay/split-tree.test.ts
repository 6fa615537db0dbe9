import { describe, expect, it } from 'vitest'
import { splitTree } from './split-tree'

describe('the split tree of a buddy pool', () => {
  it('draws the article’s example: 1024 frames cut twice for a 256-frame request', () => {
    const tree = splitTree({
      frames: 1024,
      maxOrder: 10,
      free: [
        { frame: 512, order: 9 },
        { frame: 256, order: 8 }
      ],
      used: [{ frame: 0, order: 8, handle: 'a' }]
    })
    expect(tree).toEqual([
      { frame: 0, order: 10, state: 'split', handle: null },
      { frame: 0, order: 9, state: 'split', handle: null },
      { frame: 512, order: 9, state: 'free', handle: null },
      { frame: 0, order: 8, state: 'used', handle: 'a' },
      { frame: 256, order: 8, state: 'free', handle: null }
    ])
  })

  it('shows an untouched pool as its largest free blocks', () => {
    const tree = splitTree({
      frames: 64,
      maxOrder: 4,
      free: [0, 16, 32, 48].map((frame) => ({ frame, order: 4 })),
      used: []
    })
    expect(tree.map((node) => [node.frame, node.order, node.state])).toEqual([
      [0, 4, 'free'],
      [16, 4, 'free'],
      [32, 4, 'free'],
      [48, 4, 'free']
    ])
  })

  it('marks frames held by something other than a block as reserved', () => {
    const tree = splitTree({ frames: 2, maxOrder: 1, free: [{ frame: 1, order: 0 }], used: [] })
    expect(tree.map((node) => node.state)).toEqual(['split', 'reserved', 'free'])
  })
})
