import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '../run-schemas'
import { eventSentence, type EventSentenceContext } from './event-sentence'

const HEAP: EventSentenceContext = { kind: 'heap', pageBytes: 0 }
const PAGES: EventSentenceContext = { kind: 'pages', pageBytes: 4096 }
const SLAB: EventSentenceContext = { kind: 'slab', pageBytes: 4096 }

function event(fields: Partial<TimelineEvent>): TimelineEvent {
  return {
    step: 0,
    line: 1,
    op: 'alloc',
    handle: 'a',
    cache: null,
    size: 0,
    status: 'ok',
    reason: null,
    addr: -1,
    frame: -1,
    requested: 0,
    granted: 0,
    cost: {
      examined: 0,
      splits: 0,
      merges: 0,
      ctorCalls: 0,
      ctorSaved: 0,
      workUnits: 0,
      copied: 0
    },
    structural: [],
    ...fields
  }
}

/** The article's example: 256 frames from an empty 1024-frame pool. */
const ARTICLE = event({
  op: 'pages',
  size: 8,
  addr: 0,
  frame: 0,
  requested: 1048576,
  granted: 1048576,
  structural: [
    { kind: 'split', count: 2 },
    {
      kind: 'buddySplit',
      block: { frame: 0, order: 10 },
      halves: [
        { frame: 512, order: 9 },
        { frame: 256, order: 8 }
      ],
      result: { frame: 0, order: 8 }
    }
  ]
})

describe('telling a request in one plain sentence', () => {
  it('tells the article’s buddy request with the blocks it split, in both languages', () => {
    expect(eventSentence('en', ARTICLE, PAGES)).toBe(
      'a asked for an order-8 block of 256 frames and got it at frame 0. ' +
        'Split the free block of order 10 at frame 0 down to order 8; the upper halves went to the free lists: frame 512 (order 9), frame 256 (order 8).'
    )
    expect(eventSentence('zh-CN', ARTICLE, PAGES)).toBe(
      'a 申请一个 8 阶块（256 个页框），得到从第 0 号页框开始的块。' +
        '把从第 0 号页框开始的 10 阶空闲块逐次对半拆分到 8 阶；拆出的高地址一半依次放入低一阶的空闲链表：第 512 号页框（9 阶）、第 256 号页框（8 阶）。'
    )
  })

  it('tells a heap allocation that cut a free block', () => {
    const alloc = event({
      size: 10,
      addr: 1000,
      requested: 10,
      granted: 10,
      structural: [
        { kind: 'split', count: 1 },
        {
          kind: 'splitRemainder',
          block: { addr: 1000, size: 100 },
          remainder: { addr: 1010, size: 90 }
        }
      ]
    })
    expect(eventSentence('en', alloc, HEAP)).toBe(
      'a asked for 10 B and got a 10 B block at 1000. ' +
        'Split the block at 1000 (100 bytes): the request keeps the first 10 bytes and the remainder at 1010 (90 bytes) is left free.'
    )
    expect(eventSentence('zh-CN', alloc, HEAP)).toBe(
      'a 申请 10 B，得到位于 1000 的 10 B 块。' +
        '拆分位于 1000 的块（100 字节）：请求占用前 10 字节，剩下位于 1010 的 90 字节留作空闲块。'
    )
  })

  it('tells a byte request served in whole frames by the buddy allocator', () => {
    const alloc = event({ size: 5000, addr: 16384, frame: 4, requested: 5000, granted: 8192 })
    expect(eventSentence('en', alloc, PAGES)).toBe(
      'a asked for 4.9 KiB and got 2 frames (8 KiB) starting at frame 4.'
    )
    expect(eventSentence('zh-CN', alloc, PAGES)).toBe(
      'a 申请 4.9 KiB，得到从第 4 号页框开始的 2 个页框（8 KiB）。'
    )
  })

  it('says why an allocation failed: too little memory, or too scattered', () => {
    const fragmented = event({ handle: 'e', size: 15, status: 'fragmented' })
    expect(eventSentence('en', fragmented, HEAP)).toBe(
      'e asked for 15 B and got nothing: that much is free in all, but no single free block is large enough.'
    )
    expect(eventSentence('zh-CN', fragmented, HEAP)).toBe(
      'e 申请 15 B，但没有得到内存：空闲内存总量足够，可是没有一个空闲块足够大。'
    )
    const noMemory = event({ handle: 'c', size: 80, status: 'no-memory' })
    expect(eventSentence('en', noMemory, HEAP)).toBe(
      'c asked for 80 B and got nothing: less memory than that is free in all.'
    )
  })

  it('tells a free that coalesced with its neighbour', () => {
    const free = event({
      op: 'free',
      handle: 'b',
      addr: 1010,
      requested: 20,
      granted: 20,
      structural: [
        { kind: 'merge', count: 1 },
        {
          kind: 'coalesced',
          freed: { addr: 1010, size: 20 },
          with: [{ side: 'below', addr: 1000, size: 10 }],
          result: { addr: 1000, size: 30 }
        }
      ]
    })
    expect(eventSentence('en', free, HEAP)).toBe(
      'b gave back its 20 B block at 1010. Coalesced with the free block at 1000 (10 bytes) below it → free block at 1000 (30 bytes).'
    )
  })

  it('counts splits and merges in words when the blocks are not known', () => {
    const free = event({
      op: 'free-pages',
      addr: 0,
      frame: 0,
      granted: 1048576,
      structural: [{ kind: 'merge', count: 2 }]
    })
    expect(eventSentence('en', free, PAGES)).toBe(
      'a gave back 256 frames starting at frame 0. 2 merges joined free blocks.'
    )
    expect(eventSentence('zh-CN', free, PAGES)).toBe(
      'a 归还了从第 0 号页框开始的 256 个页框。进行了 2 次空闲块合并。'
    )
  })

  it('tells a slab object that needed no constructor call', () => {
    const object = event({
      op: 'object',
      handle: 'i3',
      cache: 'inode',
      addr: 8192,
      frame: 2,
      requested: 600,
      granted: 600,
      structural: [{ kind: 'ctorSaved', count: 1 }]
    })
    expect(eventSentence('en', object, SLAB)).toBe(
      'i3 took a 600 B object from cache inode at 8192. No constructor call was needed: the object was still constructed.'
    )
    expect(eventSentence('zh-CN', object, SLAB)).toBe(
      'i3 从缓存 inode 取得一个 600 B 的对象，位于 8192。不需要调用构造函数：这个对象仍是已构造的。'
    )
  })

  it('names the request and the reason when one was refused or skipped', () => {
    const refused = event({ op: 'free', handle: 'x', status: 'invalid', reason: 'handleEmpty' })
    expect(eventSentence('en', refused, HEAP)).toBe(
      '“free x” was refused: the handle holds no block.'
    )
    const skipped = event({ op: 'shrink', handle: null, cache: 'inode', status: 'noop' })
    expect(eventSentence('zh-CN', skipped, HEAP)).toBe(
      '“shrink inode”对这个分配器没有意义，已跳过。'
    )
  })
})
