import { BEFORE_FIRST_REQUEST, lessonKeys, type Lesson } from './lesson'

const k = lessonKeys('buddyAllocator')

/** The article's pool of 1024 page frames, split, merged and asked for too much. */
export const buddyAllocator: Lesson = {
  id: 'buddy-allocator',
  titleKey: k.title,
  summaryKey: k.summary,
  level: 'basic',
  topics: ['buddy', 'fragmentation'],
  scenario: `frames 1024
page-size 4KiB
max-order 10

pages a 8
pages b 8
alloc c 9KiB
free-pages a
pages d 9
free-pages b
pages e 9
free c
free-pages e
`,
  allocators: [{ spec: 'buddy:frames=1024,page=4KiB,max-order=10', labelKey: k.config('buddy') }],
  anchors: [
    {
      step: BEFORE_FIRST_REQUEST,
      config: 'all',
      textKey: k.anchor('pool'),
      facts: [{ kind: 'freeAreas', counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }]
    },
    {
      step: 0,
      config: 'all',
      textKey: k.anchor('splitDown'),
      facts: [{ kind: 'request', status: 'ok', frame: 0, examined: 3, splits: 2 }]
    },
    {
      step: 0,
      config: 'all',
      textKey: k.anchor('leftOver'),
      facts: [
        { kind: 'freeAreas', counts: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0] },
        { kind: 'freeBlocks', order: 9, frames: [512] },
        { kind: 'freeBlocks', order: 8, frames: [256] }
      ]
    },
    {
      step: 1,
      config: 'all',
      textKey: k.anchor('noSplit'),
      facts: [{ kind: 'request', frame: 256, examined: 1, splits: 0 }]
    },
    {
      step: 2,
      config: 'all',
      textKey: k.anchor('rounding'),
      facts: [
        { kind: 'request', granted: 16384 },
        { kind: 'metric', metric: 'internalFragmentation', value: 7168 }
      ]
    },
    {
      step: 2,
      config: 'all',
      textKey: k.anchor('splitChain'),
      facts: [
        { kind: 'request', frame: 512, splits: 7 },
        { kind: 'freeAreas', counts: [0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0] }
      ]
    },
    {
      step: 3,
      config: 'all',
      textKey: k.anchor('buddyBusy'),
      facts: [
        { kind: 'request', merges: 0 },
        { kind: 'freeBlocks', order: 8, frames: [0, 768] }
      ]
    },
    {
      step: 4,
      config: 'all',
      textKey: k.anchor('fails'),
      facts: [
        { kind: 'request', status: 'fragmented' },
        { kind: 'metric', metric: 'freeBytes', value: 764 * 4096 },
        { kind: 'metric', metric: 'largestFree', value: 256 * 4096 }
      ]
    },
    {
      step: 5,
      config: 'all',
      textKey: k.anchor('merge'),
      facts: [
        { kind: 'request', merges: 1 },
        { kind: 'freeBlocks', order: 9, frames: [0] }
      ]
    },
    {
      step: 6,
      config: 'all',
      textKey: k.anchor('retry'),
      facts: [{ kind: 'request', status: 'ok', frame: 0, examined: 1 }]
    },
    {
      step: 7,
      config: 'all',
      textKey: k.anchor('mergeChain'),
      facts: [
        { kind: 'request', merges: 7 },
        { kind: 'freeBlocks', order: 9, frames: [512] },
        { kind: 'metric', metric: 'internalFragmentation', value: 0 }
      ]
    },
    {
      step: 8,
      config: 'all',
      textKey: k.anchor('whole'),
      facts: [
        { kind: 'request', merges: 1 },
        { kind: 'freeAreas', counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }
      ]
    }
  ]
}
