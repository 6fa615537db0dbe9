import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '../run-schemas'
import { translator } from '../i18n/translate'
import { answerText } from './answer-text'
import {
  answersMatch,
  expectedAnswer,
  kindsFor,
  parseCounts,
  parseFreeList,
  parseWhole,
  type StepTruth
} from './exercise'

function event(patch: Partial<TimelineEvent>): TimelineEvent {
  return {
    step: 0,
    line: 1,
    op: 'alloc',
    handle: 'a',
    cache: null,
    size: 10,
    status: 'ok',
    reason: null,
    addr: 1000,
    frame: -1,
    requested: 10,
    granted: 10,
    cost: {
      examined: 2,
      splits: 0,
      merges: 0,
      ctorCalls: 0,
      ctorSaved: 0,
      workUnits: 0,
      copied: 0
    },
    structural: [],
    ...patch
  } as TimelineEvent
}

const heap: StepTruth = {
  event: event({}),
  structures: { freeList: [{ addr: 1010, size: 90 }], freeAreas: null },
  family: 'heap'
}
const buddy: StepTruth = {
  event: event({ op: 'pages', size: 8, addr: 256 * 4096, frame: 256 }),
  structures: {
    freeList: null,
    freeAreas: [
      { order: 8, addresses: [0] },
      { order: 9, addresses: [512] },
      { order: 10, addresses: [] }
    ]
  },
  family: 'pages'
}

describe('predict-the-next-step answers', () => {
  it('ask about the free list on a heap and the free areas on a buddy pool', () => {
    expect(kindsFor(heap)).toEqual(['result', 'examined', 'freeList'])
    expect(kindsFor(buddy)).toEqual(['result', 'examined', 'freeAreas'])
  })

  it('take a heap’s result as its address and a buddy’s as its first frame', () => {
    expect(expectedAnswer('result', heap)).toEqual({ kind: 'result', fails: false, place: 1000 })
    expect(expectedAnswer('result', buddy)).toEqual({ kind: 'result', fails: false, place: 256 })
  })

  it('count a failure as a failure, with no place', () => {
    const failed = {
      ...buddy,
      event: event({ op: 'pages', status: 'fragmented', addr: -1, frame: -1 })
    }
    const right = expectedAnswer('result', failed)!
    expect(right).toEqual({ kind: 'result', fails: true, place: null })
    expect(answersMatch({ kind: 'result', fails: true, place: null }, right)).toBe(true)
    expect(answersMatch({ kind: 'result', fails: false, place: 0 }, right)).toBe(false)
  })

  it('judge an address by its value, and a wrong one as wrong', () => {
    const right = expectedAnswer('result', heap)!
    expect(answersMatch({ kind: 'result', fails: false, place: parseWhole('0x3e8')! }, right)).toBe(
      true
    )
    expect(answersMatch({ kind: 'result', fails: false, place: 1010 }, right)).toBe(false)
  })

  it('compare free areas without the empty orders at the top', () => {
    const right = expectedAnswer('freeAreas', buddy)!
    expect(right).toEqual({ kind: 'freeAreas', counts: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1] })
    expect(
      answersMatch({ kind: 'freeAreas', counts: parseCounts('0 0 0 0 0 0 0 0 1 1 0')! }, right)
    ).toBe(true)
    expect(
      answersMatch({ kind: 'freeAreas', counts: parseCounts('0 0 0 0 0 0 0 1 1')! }, right)
    ).toBe(false)
  })

  it('compare a free list entry by entry, in list order', () => {
    const right = expectedAnswer('freeList', heap)!
    expect(answersMatch({ kind: 'freeList', entries: parseFreeList('1010:90')! }, right)).toBe(true)
    expect(answersMatch({ kind: 'freeList', entries: parseFreeList('')! }, right)).toBe(false)
    expect(parseFreeList('1010-90')).toBeNull()
  })

  it('count the entries examined', () => {
    expect(answersMatch({ kind: 'examined', count: 2 }, expectedAnswer('examined', heap)!)).toBe(
      true
    )
    expect(answersMatch({ kind: 'examined', count: 3 }, expectedAnswer('examined', heap)!)).toBe(
      false
    )
  })

  it('say the right answer in words in both languages', () => {
    const right = expectedAnswer('result', buddy)!
    expect(answerText(translator('en'), right, 'frame', 'ok')).toBe('it succeeds at frame 256')
    expect(answerText(translator('zh-CN'), right, 'frame', 'ok')).toBe('成功，位置是 第 256 号页框')
  })
})
