import { describe, expect, it } from 'vitest'
import { catalog } from '../i18n/catalog'
import { LOCALES } from '../i18n/locales'
import { translate } from '../i18n/translate'
import { compileScenario } from '../scenario'
import {
  BEFORE_FIRST_REQUEST,
  LESSONS,
  LESSON_LEVELS,
  LESSON_TOPICS,
  findLesson,
  lessonLevelKey,
  lessonTopicKey,
  type Lesson
} from './index'

/** Every text of a message tree, as dot path → text. */
function flatten(tree: unknown, prefix: string): Map<string, string> {
  const texts = new Map<string, string>()
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = `${prefix}.${key}`
    if (typeof value === 'string') texts.set(path, value)
    else for (const [inner, text] of flatten(value, path)) texts.set(inner, text)
  }
  return texts
}

/** The numbers a text names, thousands separators dropped, in order of size. */
function numbersIn(text: string): string[] {
  return [...text.replace(/(\d),(?=\d{3}\b)/g, '$1').matchAll(/\d+(?:\.\d+)?/g)]
    .map((match) => match[0])
    .sort()
}

function keysOf(lesson: Lesson): string[] {
  return [
    lesson.titleKey,
    lesson.summaryKey,
    ...lesson.allocators.map((a) => a.labelKey),
    ...lesson.anchors.map((a) => a.textKey)
  ]
}

const texts = Object.fromEntries(
  LOCALES.map((locale) => [locale, flatten(catalog[locale].lessons, 'lessons')])
)

describe('the built-in lessons', () => {
  it('are the seven lessons of the classroom issue, in teaching order', () => {
    expect(LESSONS.map((lesson) => lesson.id)).toEqual([
      'time-versus-space',
      'first-fit-best-fit',
      'next-fit-worst-fit',
      'free-list-order',
      'buddy-allocator',
      'slab-cache',
      'slab-versus-heap'
    ])
  })

  it('are found by id', () => {
    expect(findLesson('slab-cache')?.titleKey).toBe('lessons.slabCache.title')
    expect(findLesson('no-such-lesson')).toBeUndefined()
  })

  it('use known levels and topics, each with a label in every language', () => {
    for (const lesson of LESSONS) {
      expect(LESSON_LEVELS).toContain(lesson.level)
      expect(lesson.topics.length).toBeGreaterThan(0)
      for (const topic of lesson.topics) expect(LESSON_TOPICS).toContain(topic)
    }
    for (const locale of LOCALES) {
      for (const level of LESSON_LEVELS)
        expect(texts[locale]!.get(lessonLevelKey(level))).toBeTruthy()
      for (const topic of LESSON_TOPICS)
        expect(texts[locale]!.get(lessonTopicKey(topic))).toBeTruthy()
    }
  })

  it('have exactly the same text keys in both languages, and no empty text', () => {
    const [english, ...others] = LOCALES.map((locale) => texts[locale]!)
    for (const other of others)
      expect([...other.keys()].sort()).toEqual([...english!.keys()].sort())
    for (const locale of LOCALES) {
      const empty = [...texts[locale]!].filter(([, text]) => text.trim() === '')
      expect(empty).toEqual([])
    }
  })

  it('use every lesson text, and every text they name exists', () => {
    const used = new Set<string>([
      ...LESSON_LEVELS.map(lessonLevelKey),
      ...LESSON_TOPICS.map(lessonTopicKey),
      ...LESSONS.flatMap(keysOf)
    ])
    expect([...texts.en!.keys()].filter((key) => !used.has(key))).toEqual([])
    expect([...used].filter((key) => !texts.en!.has(key))).toEqual([])
  })
})

describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  const { program, diagnostics } = compileScenario(lesson.scenario)

  it('has a scenario that compiles with no errors and no warnings', () => {
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([])
    expect(program?.count).toBeGreaterThan(0)
  })

  it('stays small enough to follow step by step', () => {
    expect(program!.count).toBeLessThanOrEqual(300)
  })

  it('anchors every text to a request that exists and a pane that exists', () => {
    const bad = lesson.anchors.filter(
      (a) =>
        !Number.isInteger(a.step) ||
        a.step < BEFORE_FIRST_REQUEST ||
        a.step >= program!.count ||
        (a.config !== 'all' &&
          (!Number.isInteger(a.config) || a.config < 0 || a.config >= lesson.allocators.length))
    )
    expect(bad).toEqual([])
  })

  it('lists its anchors in replay order', () => {
    const steps = lesson.anchors.map((a) => a.step)
    expect(steps).toEqual([...steps].sort((a, b) => a - b))
  })

  it('scopes facts only to panes its anchor talks about', () => {
    const stray = lesson.anchors.flatMap((a) =>
      (a.facts ?? []).filter(
        (fact) =>
          fact.config !== undefined &&
          (a.config === 'all' ? fact.config >= lesson.allocators.length : fact.config !== a.config)
      )
    )
    expect(stray).toEqual([])
  })

  it('puts no request fact before the first request', () => {
    const early = lesson.anchors.filter(
      (a) => a.step === BEFORE_FIRST_REQUEST && (a.facts ?? []).some((f) => f.kind === 'request')
    )
    expect(early).toEqual([])
  })

  it('backs every text that names a request’s result with facts the engine test checks', () => {
    const unchecked = lesson.anchors.filter(
      (a) => /\d/.test(translate('en', a.textKey).replace(/\b[a-z]\d\b/g, '')) && !a.facts?.length
    )
    expect(unchecked.map((a) => a.textKey)).toEqual([])
  })

  it('has every explanation written in every language, anchor for anchor', () => {
    for (const locale of LOCALES) {
      const missing = lesson.anchors
        .map((anchor) => anchor.textKey)
        .filter((key) => !texts[locale]!.get(key)?.trim())
      expect(missing).toEqual([])
    }
  })

  it('names the same numbers in every language', () => {
    const differing = keysOf(lesson).filter((key) =>
      LOCALES.some(
        (locale) =>
          numbersIn(translate(locale, key)).join() !== numbersIn(translate('en', key)).join()
      )
    )
    expect(differing).toEqual([])
  })
})
