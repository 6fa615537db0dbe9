import { BEFORE_FIRST_REQUEST, lessonKeys, type Lesson } from './lesson'

const k = lessonKeys('freeListOrder')

/** Real boundary tags in the arena: a 4-byte header and a 4-byte footer per block. */
const TAGGED_HEAP = 'arena=160,base=0,header=8,align=8,meta=inband'
const LIFO = 0
const ADDRESS = 1
const NO_COALESCING = 2

/** Which freed block is reused next, and how boundary tags find the neighbours to merge with. */
export const freeListOrder: Lesson = {
  id: 'free-list-order',
  titleKey: k.title,
  summaryKey: k.summary,
  level: 'intermediate',
  topics: ['freeList', 'coalescing', 'heapFits'],
  scenario: `arena 160

alloc a 24
alloc b 24
alloc c 24
alloc d 24
alloc e 24
free b
free d
alloc f 24
free f
free c
alloc g 88
`,
  allocators: [
    { spec: `first-fit:${TAGGED_HEAP},order=front,coalesce=on`, labelKey: k.config('lifo') },
    { spec: `first-fit:${TAGGED_HEAP},order=addr,coalesce=on`, labelKey: k.config('address') },
    {
      spec: `first-fit:${TAGGED_HEAP},order=front,coalesce=off`,
      labelKey: k.config('noCoalescing')
    }
  ],
  anchors: [
    {
      step: BEFORE_FIRST_REQUEST,
      config: 'all',
      textKey: k.anchor('setup'),
      facts: [{ kind: 'freeList', entries: [[0, 160]] }]
    },
    {
      step: 0,
      config: 'all',
      textKey: k.anchor('tags'),
      facts: [{ kind: 'request', addr: 0, granted: 32 }]
    },
    {
      step: 4,
      config: 'all',
      textKey: k.anchor('full'),
      facts: [
        { kind: 'metric', metric: 'freeBytes', value: 0 },
        { kind: 'metric', metric: 'metadataBytes', value: 40 }
      ]
    },
    {
      step: 6,
      config: LIFO,
      textKey: k.anchor('lifoList'),
      facts: [
        { kind: 'request', examined: 0 },
        {
          kind: 'freeList',
          entries: [
            [96, 32],
            [32, 32]
          ]
        }
      ]
    },
    {
      step: 6,
      config: ADDRESS,
      textKey: k.anchor('addressList'),
      facts: [
        { kind: 'request', examined: 1 },
        {
          kind: 'freeList',
          entries: [
            [32, 32],
            [96, 32]
          ]
        }
      ]
    },
    {
      step: 7,
      config: LIFO,
      textKey: k.anchor('lifoReuse'),
      facts: [{ kind: 'request', addr: 96 }]
    },
    {
      step: 7,
      config: ADDRESS,
      textKey: k.anchor('addressReuse'),
      facts: [{ kind: 'request', addr: 32 }]
    },
    {
      step: 9,
      config: LIFO,
      textKey: k.anchor('boundaryTags'),
      facts: [
        { kind: 'request', addr: 64, merges: 2 },
        { kind: 'freeList', entries: [[32, 96]] }
      ]
    },
    {
      step: 9,
      config: ADDRESS,
      textKey: k.anchor('addressMerges'),
      facts: [
        { kind: 'request', merges: 2 },
        { kind: 'freeList', entries: [[32, 96]] }
      ]
    },
    {
      step: 9,
      config: LIFO,
      textKey: k.anchor('fewerTags'),
      facts: [{ kind: 'metric', metric: 'metadataBytes', value: 24 }]
    },
    {
      step: 9,
      config: NO_COALESCING,
      textKey: k.anchor('noMerge'),
      facts: [
        { kind: 'request', merges: 0 },
        {
          kind: 'freeList',
          entries: [
            [64, 32],
            [96, 32],
            [32, 32]
          ]
        },
        { kind: 'metric', metric: 'freeBytes', value: 96 }
      ]
    },
    {
      step: 10,
      config: 'all',
      textKey: k.anchor('bigRequest'),
      facts: [
        { kind: 'request', config: LIFO, status: 'ok', addr: 32, granted: 96 },
        { kind: 'request', config: ADDRESS, status: 'ok', addr: 32, granted: 96 },
        { kind: 'request', config: NO_COALESCING, status: 'fragmented' },
        { kind: 'metric', config: NO_COALESCING, metric: 'largestFree', value: 32 }
      ]
    }
  ]
}
