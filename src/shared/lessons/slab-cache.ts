import { BEFORE_FIRST_REQUEST, lessonKeys, type Lesson } from './lesson'

const k = lessonKeys('slabCache')

const EMPTY_POOL = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]

/** Bonwick's object cache: slabs from the buddy, three slab lists, constructed objects reused, shrink. */
export const slabCache: Lesson = {
  id: 'slab-cache',
  titleKey: k.title,
  summaryKey: k.summary,
  level: 'intermediate',
  topics: ['slab'],
  scenario: `frames 1024
page-size 4KiB

cache inode 600 ctor 40
object i1 inode
object i2 inode
free-object i1
object i3 inode
object i4 inode
object i5 inode
object i6 inode
object i7 inode
object i8 inode
free-object i8
free-object i2
free-object i3
free-object i4
free-object i5
free-object i6
free-object i7
shrink inode
destroy inode
`,
  allocators: [{ spec: 'slab:frames=1024,page=4KiB,max-order=10', labelKey: k.config('slab') }],
  anchors: [
    {
      step: BEFORE_FIRST_REQUEST,
      config: 'all',
      textKey: k.anchor('start'),
      facts: [{ kind: 'freeAreas', counts: EMPTY_POOL }]
    },
    {
      step: 0,
      config: 'all',
      textKey: k.anchor('cacheMade'),
      facts: [
        { kind: 'request', status: 'ok' },
        { kind: 'slabs', cache: 'inode', full: 0, partial: 0, empty: 0 }
      ]
    },
    {
      step: 1,
      config: 'all',
      textKey: k.anchor('grow'),
      facts: [
        { kind: 'request', slabsGrown: 1, ctorCalls: 6, splits: 10 },
        { kind: 'slabs', cache: 'inode', full: 0, partial: 1, empty: 0 }
      ]
    },
    {
      step: 1,
      config: 'all',
      textKey: k.anchor('layout'),
      facts: [{ kind: 'request', addr: 72, frame: 0, granted: 600 }]
    },
    {
      step: 2,
      config: 'all',
      textKey: k.anchor('alreadyBuilt'),
      facts: [{ kind: 'request', addr: 672, ctorCalls: 0, ctorSaved: 0 }]
    },
    {
      step: 3,
      config: 'all',
      textKey: k.anchor('keptConstructed'),
      facts: [
        { kind: 'metric', metric: 'liveBlocks', value: 1 },
        { kind: 'slabs', cache: 'inode', full: 0, partial: 1, empty: 0 }
      ]
    },
    {
      step: 4,
      config: 'all',
      textKey: k.anchor('reuse'),
      facts: [{ kind: 'request', addr: 72, ctorCalls: 0, ctorSaved: 1 }]
    },
    {
      step: 8,
      config: 'all',
      textKey: k.anchor('full'),
      facts: [
        { kind: 'metric', metric: 'liveBlocks', value: 6 },
        { kind: 'slabs', cache: 'inode', full: 1, partial: 0, empty: 0 }
      ]
    },
    {
      step: 9,
      config: 'all',
      textKey: k.anchor('secondSlab'),
      facts: [
        { kind: 'request', slabsGrown: 1, ctorCalls: 6, frame: 1 },
        { kind: 'slabs', cache: 'inode', full: 1, partial: 1, empty: 0 }
      ]
    },
    {
      step: 9,
      config: 'all',
      textKey: k.anchor('colour'),
      facts: [{ kind: 'request', addr: 4232 }]
    },
    {
      step: 10,
      config: 'all',
      textKey: k.anchor('emptyKept'),
      facts: [
        { kind: 'slabs', cache: 'inode', full: 1, partial: 0, empty: 1 },
        { kind: 'metric', metric: 'freeBytes', value: 1022 * 4096 }
      ]
    },
    {
      step: 16,
      config: 'all',
      textKey: k.anchor('allEmpty'),
      facts: [
        { kind: 'slabs', cache: 'inode', full: 0, partial: 0, empty: 2 },
        { kind: 'total', counter: 'ctorCalls', value: 12 },
        { kind: 'total', counter: 'ctorSaved', value: 1 }
      ]
    },
    {
      step: 17,
      config: 'all',
      textKey: k.anchor('shrink'),
      facts: [
        { kind: 'request', slabsReaped: 2, merges: 10 },
        { kind: 'slabs', cache: 'inode', full: 0, partial: 0, empty: 0 },
        { kind: 'freeAreas', counts: EMPTY_POOL }
      ]
    },
    {
      step: 18,
      config: 'all',
      textKey: k.anchor('destroy'),
      facts: [{ kind: 'request', status: 'ok' }]
    }
  ]
}
