import { describe, expect, it } from 'vitest'
import { translate } from '../i18n/translate'
import { LESSONS } from '../lessons'
import {
  LESSON_PACK_FORMAT,
  LESSON_PACK_VERSION,
  packLessonOf,
  readLessonPack,
  type LessonPack
} from './lesson-pack'

function pack(): LessonPack {
  return {
    format: LESSON_PACK_FORMAT,
    version: LESSON_PACK_VERSION,
    title: 'Week 3',
    createdAt: '2026-12-01T09:00:00.000Z',
    lessons: LESSONS.map((lesson) => packLessonOf(lesson, translate)),
    experiments: []
  }
}

function refusalOf(text: string): string {
  const reading = readLessonPack(text)
  if (reading.ok) throw new Error('the pack was accepted')
  return `${reading.refusal.key} ${JSON.stringify(reading.refusal.params)}`
}

describe('lesson packs', () => {
  it('carry every built-in lesson in both languages and read back as they were written', () => {
    const written = pack()
    const reading = readLessonPack(JSON.stringify(written))
    expect(reading).toEqual({ ok: true, pack: written })
    const buddy = written.lessons.find((lesson) => lesson.id === 'buddy-allocator')!
    expect(buddy.title['zh-CN']).toBe('伙伴系统：分割、合并与向上取整')
    expect(buddy.notes).toHaveLength(
      LESSONS.find((l) => l.id === 'buddy-allocator')!.anchors.length
    )
  })

  it('refuse a file that is not JSON, not a pack, or a newer version', () => {
    expect(refusalOf('{ not json')).toContain('notJson')
    expect(refusalOf(JSON.stringify({ format: 'alloclab-experiment', version: 1 }))).toContain(
      'notPack'
    )
    expect(refusalOf(JSON.stringify({ ...pack(), version: 2 }))).toContain('"version":"2"')
  })

  it('refuse anything that is not data it knows, naming where', () => {
    const withCode = { ...pack(), onOpen: 'fetch("http://evil.example")' }
    expect(refusalOf(JSON.stringify(withCode))).toContain('field')
    const lesson = { ...pack().lessons[0]!, script: 'alert(1)' }
    expect(refusalOf(JSON.stringify({ ...pack(), lessons: [lesson] }))).toContain(
      '"field":"lessons.0"'
    )
  })

  it('refuse a lesson missing a language, a broken scenario, a stray note or a repeated id', () => {
    const first = pack().lessons[0]!
    const noChinese = { ...first, title: { en: first.title.en } }
    expect(refusalOf(JSON.stringify({ ...pack(), lessons: [noChinese] }))).toContain(
      'lessons.0.title.zh-CN'
    )
    const broken = { ...first, scenario: 'alloc a lots\n' }
    expect(refusalOf(JSON.stringify({ ...pack(), lessons: [broken] }))).toContain('scenario')
    const stray = { ...first, notes: [{ step: 99_999, config: 'all', text: first.title }] }
    expect(refusalOf(JSON.stringify({ ...pack(), lessons: [stray] }))).toContain('noteStep')
    const pane = { ...first, notes: [{ step: 0, config: 7, text: first.title }] }
    expect(refusalOf(JSON.stringify({ ...pack(), lessons: [pane] }))).toContain('notePane')
    expect(refusalOf(JSON.stringify({ ...pack(), lessons: [first, first] }))).toContain(
      'duplicateId'
    )
  })
})
