import { BEFORE_FIRST_REQUEST, lessonKeys, type Lesson } from './lesson'

const k = lessonKeys('slabVersusHeap')

const SLAB = 0
const BUDDY = 1
const HEAP = 2

const ROUND = `object o1 inode
object o2 inode
object o3 inode
object o4 inode
object o5 inode
object o6 inode
free-object o1
free-object o2
free-object o3
free-object o4
free-object o5
free-object o6
`

/** One object workload three ways: slab caches over the buddy, the buddy alone, a first-fit heap. */
export const slabVersusHeap: Lesson = {
  id: 'slab-versus-heap',
  titleKey: k.title,
  summaryKey: k.summary,
  level: 'advanced',
  topics: ['slab', 'buddy', 'heapFits', 'tradeOff'],
  scenario: `frames 256
page-size 4KiB
arena 1MiB

cache inode 600 ctor 40

${ROUND}
${ROUND}
${ROUND}
shrink inode
destroy inode
`,
  allocators: [
    { spec: 'slab:frames=256,page=4KiB,max-order=10', labelKey: k.config('slab') },
    { spec: 'buddy:frames=256,page=4KiB,max-order=10', labelKey: k.config('buddy') },
    {
      spec: 'first-fit:arena=1MiB,base=0,header=8,align=8,meta=inband',
      labelKey: k.config('heap')
    }
  ],
  anchors: [
    {
      step: BEFORE_FIRST_REQUEST,
      config: 'all',
      textKey: k.anchor('setup'),
      facts: [{ kind: 'metric', metric: 'freeBytes', value: 1024 * 1024 }]
    },
    {
      step: 1,
      config: SLAB,
      textKey: k.anchor('slabGrows'),
      facts: [{ kind: 'request', slabsGrown: 1, ctorCalls: 6, granted: 600 }]
    },
    {
      step: 1,
      config: BUDDY,
      textKey: k.anchor('buddyPage'),
      facts: [
        { kind: 'request', granted: 4096, ctorCalls: 1 },
        { kind: 'metric', metric: 'internalFragmentation', value: 3496 }
      ]
    },
    {
      step: 1,
      config: HEAP,
      textKey: k.anchor('heapBlock'),
      facts: [{ kind: 'request', granted: 608, ctorCalls: 1 }]
    },
    {
      step: 6,
      config: 'all',
      textKey: k.anchor('space'),
      facts: [
        { kind: 'metric', config: SLAB, metric: 'metadataBytes', value: 6968 },
        { kind: 'metric', config: BUDDY, metric: 'metadataBytes', value: 3696 },
        { kind: 'metric', config: HEAP, metric: 'metadataBytes', value: 56 },
        { kind: 'metric', config: BUDDY, metric: 'internalFragmentation', value: 20976 }
      ]
    },
    {
      step: 13,
      config: SLAB,
      textKey: k.anchor('slabReuses'),
      facts: [{ kind: 'request', addr: 3072, ctorCalls: 0, ctorSaved: 1 }]
    },
    {
      step: 13,
      config: HEAP,
      textKey: k.anchor('heapRebuilds'),
      facts: [{ kind: 'request', addr: 0, ctorCalls: 1 }]
    },
    {
      step: 36,
      config: 'all',
      textKey: k.anchor('constructorTotals'),
      facts: [
        { kind: 'total', config: SLAB, counter: 'ctorCalls', value: 6 },
        { kind: 'total', config: SLAB, counter: 'ctorSaved', value: 12 },
        { kind: 'total', config: BUDDY, counter: 'ctorCalls', value: 18 },
        { kind: 'total', config: HEAP, counter: 'ctorCalls', value: 18 },
        { kind: 'total', config: SLAB, counter: 'workUnits', value: 240 },
        { kind: 'total', config: HEAP, counter: 'workUnits', value: 720 }
      ]
    },
    {
      step: 37,
      config: SLAB,
      textKey: k.anchor('shrink'),
      facts: [
        { kind: 'request', slabsReaped: 1 },
        { kind: 'freeAreas', counts: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0] }
      ]
    },
    { step: 38, config: 'all', textKey: k.anchor('verdict') }
  ]
}
