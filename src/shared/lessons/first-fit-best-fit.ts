import { BEFORE_FIRST_REQUEST, lessonKeys, type Lesson } from './lesson'

const k = lessonKeys('firstFitBestFit')

/** The textbook 100-byte heap (no headers, no alignment) so every address can be worked by hand. */
const TEXTBOOK_HEAP = 'arena=100,base=1000,header=0,align=1,meta=side,order=addr,coalesce=on'
const FIRST = 0
const BEST = 1

/** Two fits on one heap: each fails once, on a different request, with memory to spare. */
export const firstFitBestFit: Lesson = {
  id: 'first-fit-best-fit',
  titleKey: k.title,
  summaryKey: k.summary,
  level: 'basic',
  topics: ['heapFits', 'fragmentation'],
  scenario: `arena 100
base 1000

alloc a 10
alloc b 30
alloc c 10
alloc d 22
alloc e 10
alloc f 18
free b
free d
alloc g 20
alloc h 30
free a
free c
alloc i 12
`,
  allocators: [
    { spec: `first-fit:${TEXTBOOK_HEAP}`, labelKey: k.config('firstFit') },
    { spec: `best-fit:${TEXTBOOK_HEAP}`, labelKey: k.config('bestFit') }
  ],
  anchors: [
    {
      step: BEFORE_FIRST_REQUEST,
      config: 'all',
      textKey: k.anchor('setup'),
      facts: [{ kind: 'freeList', entries: [[1000, 100]] }]
    },
    {
      step: 5,
      config: 'all',
      textKey: k.anchor('full'),
      facts: [
        { kind: 'request', addr: 1082 },
        { kind: 'metric', metric: 'freeBytes', value: 0 }
      ]
    },
    {
      step: 7,
      config: 'all',
      textKey: k.anchor('holes'),
      facts: [
        {
          kind: 'freeList',
          entries: [
            [1010, 30],
            [1050, 22]
          ]
        },
        { kind: 'metric', metric: 'freeBytes', value: 52 },
        { kind: 'metric', metric: 'externalFragmentation', value: 0.42 }
      ]
    },
    {
      step: 8,
      config: FIRST,
      textKey: k.anchor('firstFitTakesFirst'),
      facts: [
        { kind: 'request', addr: 1010, examined: 1 },
        {
          kind: 'freeList',
          entries: [
            [1030, 10],
            [1050, 22]
          ]
        }
      ]
    },
    {
      step: 8,
      config: BEST,
      textKey: k.anchor('bestFitTakesSmallest'),
      facts: [
        { kind: 'request', addr: 1050, examined: 2 },
        {
          kind: 'freeList',
          entries: [
            [1010, 30],
            [1070, 2]
          ]
        }
      ]
    },
    {
      step: 9,
      config: FIRST,
      textKey: k.anchor('firstFitFails'),
      facts: [
        { kind: 'request', status: 'fragmented' },
        { kind: 'metric', metric: 'freeBytes', value: 32 },
        { kind: 'metric', metric: 'largestFree', value: 22 }
      ]
    },
    {
      step: 9,
      config: BEST,
      textKey: k.anchor('bestFitFits'),
      facts: [{ kind: 'request', status: 'ok', addr: 1010, granted: 30 }]
    },
    {
      step: 11,
      config: FIRST,
      textKey: k.anchor('firstFitMerges'),
      facts: [
        { kind: 'request', merges: 2 },
        {
          kind: 'freeList',
          entries: [
            [1000, 10],
            [1030, 42]
          ]
        }
      ]
    },
    {
      step: 11,
      config: BEST,
      textKey: k.anchor('bestFitScattered'),
      facts: [
        { kind: 'request', merges: 0 },
        {
          kind: 'freeList',
          entries: [
            [1000, 10],
            [1040, 10],
            [1070, 2]
          ]
        }
      ]
    },
    {
      step: 12,
      config: BEST,
      textKey: k.anchor('bestFitFails'),
      facts: [
        { kind: 'request', status: 'fragmented' },
        { kind: 'metric', metric: 'freeBytes', value: 22 },
        { kind: 'metric', metric: 'largestFree', value: 10 }
      ]
    },
    {
      step: 12,
      config: FIRST,
      textKey: k.anchor('firstFitServes'),
      facts: [{ kind: 'request', status: 'ok', addr: 1030 }]
    },
    {
      step: 12,
      config: 'all',
      textKey: k.anchor('verdict'),
      facts: [{ kind: 'metric', metric: 'failFragmented', value: 1 }]
    }
  ]
}
