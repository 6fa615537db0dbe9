import { translate } from '../../i18n/translate'
import { findLesson } from '../../lessons'
import {
  LESSON_PACK_FORMAT,
  LESSON_PACK_VERSION,
  packLessonOf,
  type LessonPack,
  type PackLesson
} from '../lesson-pack'

/** A built-in lesson as a teacher's own: same content, its own id and title. */
export function teacherLesson(id: string, title = 'Buddy, week 3'): PackLesson {
  const lesson = packLessonOf(findLesson('buddy-allocator')!, translate)
  return { ...lesson, id, title: { en: title, 'zh-CN': `${title}（中文）` } }
}

/** A sound pack holding `lessons` and no experiments, made on 1 December 2026. */
export function samplePack(
  lessons: PackLesson[] = [teacherLesson('week-3-buddy')],
  title = 'Week 3'
): LessonPack {
  return {
    format: LESSON_PACK_FORMAT,
    version: LESSON_PACK_VERSION,
    title,
    createdAt: '2026-12-01T09:00:00.000Z',
    lessons,
    experiments: []
  }
}
