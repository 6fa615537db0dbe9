import { generate } from '../scenario/generators/generate'
import { BEFORE_FIRST_REQUEST, lessonKeys, type Lesson } from './lesson'

const k = lessonKeys('timeVersusSpace')

const HEAP = 0
const BUDDY = 1
const SLAB = 2

/**
 * A workload is the point here, so the requests come from the seeded
 * generator (the same text on every machine; its first line is the command
 * that writes it again). The page families' frame count goes in front: 128
 * frames of 4 KiB are the heap's 512 KiB.
 */
const WORKLOAD = generate('random', {
  seed: 1,
  count: 300,
  allocShare: 0.6,
  maxLive: 40,
  sizeMin: 16,
  sizeMax: 512,
  arena: 512 * 1024
})

/** The article's two goals on one workload: time spent searching against memory spent managing. */
export const timeVersusSpace: Lesson = {
  id: 'time-versus-space',
  titleKey: k.title,
  summaryKey: k.summary,
  level: 'basic',
  topics: ['tradeOff', 'heapFits', 'buddy', 'slab'],
  scenario: `frames 128\npage-size 4KiB\n${WORKLOAD}`,
  allocators: [
    {
      spec: 'first-fit:arena=512KiB,base=0,header=8,align=8,meta=inband',
      labelKey: k.config('heap')
    },
    { spec: 'buddy:frames=128,page=4KiB,max-order=10', labelKey: k.config('buddy') },
    { spec: 'slab:frames=128,page=4KiB,max-order=10', labelKey: k.config('slab') }
  ],
  anchors: [
    {
      step: BEFORE_FIRST_REQUEST,
      config: 'all',
      textKey: k.anchor('setup'),
      facts: [{ kind: 'metric', metric: 'freeBytes', value: 512 * 1024 }]
    },
    { step: BEFORE_FIRST_REQUEST, config: 'all', textKey: k.anchor('goals') },
    {
      step: 279,
      config: HEAP,
      textKey: k.anchor('longSearch'),
      facts: [
        { kind: 'request', status: 'ok', examined: 18 },
        { kind: 'peak', metric: 'examined', value: 18, step: 279 }
      ]
    },
    {
      step: 299,
      config: 'all',
      textKey: k.anchor('searchTotals'),
      facts: [
        { kind: 'total', config: HEAP, counter: 'examined', value: 2044 },
        { kind: 'total', config: BUDDY, counter: 'examined', value: 227 },
        { kind: 'total', config: SLAB, counter: 'examined', value: 213 }
      ]
    },
    {
      step: 299,
      config: HEAP,
      textKey: k.anchor('heapSpace'),
      facts: [{ kind: 'peak', metric: 'metadataBytes', value: 472, step: 283 }]
    },
    {
      step: 299,
      config: BUDDY,
      textKey: k.anchor('buddySpace'),
      facts: [{ kind: 'peak', metric: 'internalFragmentation', value: 154920, step: 199 }]
    },
    {
      step: 299,
      config: SLAB,
      textKey: k.anchor('slabSpace'),
      facts: [
        { kind: 'peak', metric: 'internalFragmentation', value: 3623, step: 148 },
        { kind: 'peak', metric: 'metadataBytes', value: 5952, step: 148 },
        { kind: 'metric', metric: 'metadataBytes', value: 5952 }
      ]
    },
    { step: 299, config: 'all', textKey: k.anchor('verdict') }
  ]
}
