import { BEFORE_FIRST_REQUEST, lessonKeys, type Lesson } from './lesson'

const k = lessonKeys('nextFitWorstFit')

const TEXTBOOK_HEAP = 'arena=100,base=1000,header=0,align=1,meta=side,order=addr,coalesce=on'
const FIRST = 0
const NEXT = 1
const WORST = 2

/** Next fit's rover and worst fit's appetite for the largest block, with first fit as the yardstick. */
export const nextFitWorstFit: Lesson = {
  id: 'next-fit-worst-fit',
  titleKey: k.title,
  summaryKey: k.summary,
  level: 'intermediate',
  topics: ['heapFits', 'fragmentation'],
  scenario: `arena 100
base 1000

alloc a 10
alloc b 5
alloc c 10
alloc d 30
alloc e 10
free b
free d
alloc f 10
alloc g 10
alloc h 30
`,
  allocators: [
    { spec: `first-fit:${TEXTBOOK_HEAP}`, labelKey: k.config('firstFit') },
    { spec: `next-fit:${TEXTBOOK_HEAP}`, labelKey: k.config('nextFit') },
    { spec: `worst-fit:${TEXTBOOK_HEAP}`, labelKey: k.config('worstFit') }
  ],
  anchors: [
    {
      step: BEFORE_FIRST_REQUEST,
      config: 'all',
      textKey: k.anchor('setup'),
      facts: [{ kind: 'freeList', entries: [[1000, 100]] }]
    },
    {
      step: 6,
      config: 'all',
      textKey: k.anchor('holes'),
      facts: [
        {
          kind: 'freeList',
          entries: [
            [1010, 5],
            [1025, 30],
            [1065, 35]
          ]
        }
      ]
    },
    {
      step: 6,
      config: NEXT,
      textKey: k.anchor('rover'),
      facts: [{ kind: 'rover', addr: 1065 }]
    },
    {
      step: 7,
      config: FIRST,
      textKey: k.anchor('firstFitF'),
      facts: [{ kind: 'request', addr: 1025, examined: 2 }]
    },
    {
      step: 7,
      config: NEXT,
      textKey: k.anchor('nextFitF'),
      facts: [
        { kind: 'request', addr: 1065, examined: 1 },
        { kind: 'rover', addr: 1075 }
      ]
    },
    {
      step: 7,
      config: WORST,
      textKey: k.anchor('worstFitF'),
      facts: [{ kind: 'request', addr: 1065, examined: 3 }]
    },
    {
      step: 8,
      config: NEXT,
      textKey: k.anchor('nextFitG'),
      facts: [
        { kind: 'request', addr: 1075, examined: 1 },
        {
          kind: 'freeList',
          entries: [
            [1010, 5],
            [1025, 30],
            [1085, 15]
          ]
        }
      ]
    },
    {
      step: 8,
      config: WORST,
      textKey: k.anchor('worstFitG'),
      facts: [
        { kind: 'request', addr: 1025 },
        {
          kind: 'freeList',
          entries: [
            [1010, 5],
            [1035, 20],
            [1075, 25]
          ]
        }
      ]
    },
    {
      step: 9,
      config: WORST,
      textKey: k.anchor('worstFitFails'),
      facts: [
        { kind: 'request', status: 'fragmented' },
        { kind: 'metric', metric: 'freeBytes', value: 50 },
        { kind: 'metric', metric: 'largestFree', value: 25 }
      ]
    },
    {
      step: 9,
      config: NEXT,
      textKey: k.anchor('nextFitWraps'),
      facts: [{ kind: 'request', status: 'ok', addr: 1025, examined: 3 }]
    },
    {
      step: 9,
      config: FIRST,
      textKey: k.anchor('firstFitH'),
      facts: [{ kind: 'request', status: 'ok', addr: 1065, examined: 3 }]
    },
    { step: 9, config: 'all', textKey: k.anchor('verdict') }
  ]
}
