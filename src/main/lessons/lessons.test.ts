import { describe, expect, it } from 'vitest'
import { LESSONS, type Lesson } from '@shared/lessons'
import { allFamilies } from '../engine/families'
import { parseAllocatorSpec, resolveAllocatorValues } from '../engine/allocator-spec'
import { compileScenario } from '@shared/scenario'
import { checkLessonFacts, describeMismatch } from './check-facts'
import { observeLesson } from './observe-lesson'

describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))(
  'lesson %s on the real engine',
  (_id, lesson) => {
    it('names allocators the engine accepts for its scenario', () => {
      const { program } = compileScenario(lesson.scenario)
      for (const { spec } of lesson.allocators) {
        expect(() =>
          resolveAllocatorValues(parseAllocatorSpec(spec, allFamilies), program!.geometry)
        ).not.toThrow()
      }
    })

    it('says only what the engine does: every fact holds when the scenario runs', () => {
      const mismatches = checkLessonFacts(lesson, observeLesson(lesson))
      expect(mismatches.map(describeMismatch)).toEqual([])
    })
  }
)

describe('checking a lesson’s facts', () => {
  const lesson = LESSONS.find((l) => l.id === 'buddy-allocator')!
  const observed = observeLesson(lesson)

  it('reports a fact the engine contradicts, naming the anchor, the step and both values', () => {
    const wrong: Lesson = {
      ...lesson,
      anchors: [{ step: 0, config: 0, textKey: 'x', facts: [{ kind: 'request', splits: 3 }] }]
    }
    expect(checkLessonFacts(wrong, observed)).toEqual([
      {
        anchor: 0,
        config: 0,
        step: 0,
        textKey: 'x',
        what: "the request's splits",
        expected: 3,
        actual: 2
      }
    ])
  })

  it('catches a wrong count on one buddy order', () => {
    const wrong: Lesson = {
      ...lesson,
      anchors: [
        { step: 0, config: 0, textKey: 'x', facts: [{ kind: 'freeBlocks', order: 9, frames: [0] }] }
      ]
    }
    expect(checkLessonFacts(wrong, observed).map((m) => m.actual)).toEqual([[512]])
  })

  it('says that nothing happened before the first request when a request fact is put there', () => {
    const wrong: Lesson = {
      ...lesson,
      anchors: [{ step: -1, config: 'all', textKey: 'x', facts: [{ kind: 'request' }] }]
    }
    expect(checkLessonFacts(wrong, observed)).toHaveLength(1)
  })

  it('checks a scoped fact only against its own configuration', () => {
    const fits = LESSONS.find((l) => l.id === 'first-fit-best-fit')!
    const both = observeLesson(fits)
    const scoped: Lesson = {
      ...fits,
      anchors: [
        {
          step: 9,
          config: 'all',
          textKey: 'x',
          facts: [
            { kind: 'request', config: 0, status: 'fragmented' },
            { kind: 'request', config: 1, status: 'ok' }
          ]
        }
      ]
    }
    expect(checkLessonFacts(scoped, both)).toEqual([])
    const unscoped: Lesson = {
      ...scoped,
      anchors: [
        { step: 9, config: 'all', textKey: 'x', facts: [{ kind: 'request', status: 'ok' }] }
      ]
    }
    expect(checkLessonFacts(unscoped, both).map((m) => m.config)).toEqual([0])
  })

  it('refuses a fact about a pane its anchor does not talk about, and a pane that does not exist', () => {
    const stray: Lesson = {
      ...lesson,
      anchors: [
        { step: 0, config: 0, textKey: 'x', facts: [{ kind: 'request', config: 1, splits: 2 }] },
        { step: 0, config: 3, textKey: 'y', facts: [{ kind: 'request', splits: 2 }] }
      ]
    }
    expect(checkLessonFacts(stray, observed).map((m) => [m.textKey, m.what])).toEqual([
      ['x', 'the pane of a fact'],
      ['y', 'the pane']
    ])
  })

  it('takes a ratio to within half a percentage point, and no further', () => {
    const fits = LESSONS.find((l) => l.id === 'first-fit-best-fit')!
    const run = observeLesson(fits)
    const ratio = (value: number): Lesson => ({
      ...fits,
      anchors: [
        {
          step: 7,
          config: 0,
          textKey: 'x',
          facts: [{ kind: 'metric', metric: 'externalFragmentation', value }]
        }
      ]
    })
    // 1 - 30/52 = 0.4231
    expect(checkLessonFacts(ratio(0.42), run)).toEqual([])
    expect(checkLessonFacts(ratio(0.43), run)).toHaveLength(1)
  })
})
