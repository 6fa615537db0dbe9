import { computed, inject, ref } from 'vue'
import { defineStore } from 'pinia'
import type { LabOutput } from '@shared/api'
import type { Locale } from '@shared/i18n/locales'
import { translate } from '@shared/i18n/translate'
import { LESSONS, findLesson, type Lesson } from '@shared/lessons'
import {
  LESSON_PACK_FORMAT,
  LESSON_PACK_VERSION,
  MAX_LESSON_PACK_CHARS,
  packLessonOf,
  type LessonPack,
  type PackLesson
} from '@shared/lesson-pack/lesson-pack'
import type { ImportedLesson } from '@shared/lesson-pack/imported-lesson-schemas'
import { appI18nKey } from '@renderer/i18n/create-app-i18n'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { carryOverImportedLessons } from '@renderer/classroom/carry-over-imported-lessons'
import {
  keepLegacyImportedLessons,
  type LegacyImportedLesson
} from '@renderer/classroom/legacy-imported-lessons'
import { useNoticeStore } from './notices'

/** A lesson a pack brought, as the catalog lists it. */
interface PackEntry {
  readonly lesson: PackLesson
  readonly packTitle: string
}

/** What an import did, or why it was refused (then nothing changed). */
export type PackImportResult =
  | {
      readonly ok: true
      readonly title: string
      readonly lessons: number
      readonly experiments: number
      readonly builtIn: number
    }
  | { readonly ok: false; readonly reason: FailureReason }

const packKey = (id: string, name: string): string => `pack.${id}.${name}`

/** A pack lesson as the Lessons view and Replay's note read a lesson: texts behind keys. */
function asLesson(lesson: PackLesson): Lesson {
  return {
    id: lesson.id,
    titleKey: packKey(lesson.id, 'title'),
    summaryKey: packKey(lesson.id, 'summary'),
    level: lesson.level,
    topics: lesson.topics,
    scenario: lesson.scenario,
    allocators: lesson.allocators.map((allocator, index) => ({
      spec: allocator.spec,
      labelKey: packKey(lesson.id, `config.${index}`)
    })),
    anchors: lesson.notes.map((note, index) => ({
      step: note.step,
      config: note.config,
      textKey: packKey(lesson.id, `note.${index}`)
    }))
  }
}

function textsOf(lesson: PackLesson): [string, Readonly<Record<Locale, string>>][] {
  return [
    [packKey(lesson.id, 'title'), lesson.title],
    [packKey(lesson.id, 'summary'), lesson.summary],
    ...lesson.allocators.map(
      (allocator, index) =>
        [packKey(lesson.id, `config.${index}`), allocator.label] as [
          string,
          Readonly<Record<Locale, string>>
        ]
    ),
    ...lesson.notes.map(
      (note, index) =>
        [packKey(lesson.id, `note.${index}`), note.text] as [
          string,
          Readonly<Record<Locale, string>>
        ]
    )
  ]
}

/**
 * Every lesson the window can open: the built-in ones, then those imported
 * from lesson packs; their texts (a built-in lesson's i18n keys, a pack
 * lesson's own texts in both languages) read through `text`. Also makes
 * and imports packs: an import is read and checked whole before anything
 * is kept, and experiments it brought are taken back if a later one fails.
 */
/**
 * Every lesson the window can open: the built-in ones, then those imported
 * from lesson packs, which the service keeps in the lab's database; their
 * texts (a built-in lesson's i18n keys, a pack lesson's own texts in both
 * languages) read through `text`. Also makes packs, and imports them
 * through the service, which checks the whole pack and keeps its lessons
 * and experiments, or refuses it and changes nothing.
 */
export const useLessonCatalogStore = defineStore('lessonCatalog', () => {
  const lab = useLab()
  const notices = useNoticeStore()
  // Through the app's i18n, not useI18n: the app loads this store before any component exists.
  const { t, locale } = inject(appI18nKey)!.global
  const imported = ref<ImportedLesson[]>([])
  /** Lessons an older window kept in this browser that the service does not hold yet. */
  const waiting = ref<LegacyImportedLesson[]>([])
  const loaded = ref(false)

  const entries = computed((): PackEntry[] => {
    const held = new Set(imported.value.map(({ lesson }) => lesson.id))
    return [
      ...imported.value.map(({ lesson, packTitle }) => ({ lesson, packTitle })),
      ...waiting.value.filter(({ lesson }) => !held.has(lesson.id))
    ]
  })
  const texts = computed(() => new Map(entries.value.flatMap(({ lesson }) => textsOf(lesson))))
  const importedLessons = computed(() =>
    entries.value.map(({ lesson, packTitle }) => ({ lesson: asLesson(lesson), packTitle }))
  )
  const lessons = computed((): Lesson[] => [
    ...LESSONS,
    ...importedLessons.value.map(({ lesson }) => lesson)
  ])

  /** The service's imported lessons, then (once) what an older window left in localStorage. */
  async function load(): Promise<void> {
    try {
      imported.value = (await lab.invoke('lessons:imported', {})).lessons
    } catch (error) {
      notices.report('classroom.pack.loadFailed', error)
      loaded.value = true
      return
    }
    const carried = await carryOverImportedLessons(
      lab,
      new Set(imported.value.map(({ lesson }) => lesson.id))
    )
    if (carried.imported) imported.value = carried.imported
    waiting.value = carried.left
    if (carried.left.length > 0) notices.report('classroom.pack.carryOverFailed', carried.failure)
    loaded.value = true
  }

  function text(key: string, params: Record<string, string | number> = {}): string {
    const own = texts.value.get(key)
    return own ? own[locale.value as Locale] : t(key, params)
  }

  function find(id: string): Lesson | undefined {
    return findLesson(id) ?? importedLessons.value.find(({ lesson }) => lesson.id === id)?.lesson
  }

  function packTitleOf(id: string): string | null {
    return entries.value.find(({ lesson }) => lesson.id === id)?.packTitle ?? null
  }

  /** Lessons now in the service leave the waiting list, and the old key with them. */
  function settleWaiting(): void {
    if (waiting.value.length === 0) return
    const held = new Set(imported.value.map(({ lesson }) => lesson.id))
    waiting.value = waiting.value.filter(({ lesson }) => !held.has(lesson.id))
    keepLegacyImportedLessons(waiting.value)
  }

  /** The pack file's text: the chosen lessons (texts in every language) and experiments. */
  async function makePack(
    title: string,
    lessonIds: readonly string[],
    experimentIds: readonly number[]
  ): Promise<string> {
    const chosen = lessonIds.map((id) => {
      const own = entries.value.find(({ lesson }) => lesson.id === id)?.lesson
      return own ?? packLessonOf(findLesson(id)!, (language, key) => translate(language, key))
    })
    const experiments = []
    for (const id of experimentIds) {
      const file = await lab.invoke('experiment:export-file', { id, timelines: false })
      experiments.push(JSON.parse(file.text) as LessonPack['experiments'][number])
    }
    const pack: LessonPack = {
      format: LESSON_PACK_FORMAT,
      version: LESSON_PACK_VERSION,
      title,
      createdAt: new Date().toISOString(),
      lessons: chosen,
      experiments
    }
    return `${JSON.stringify(pack, null, 2)}\n`
  }

  async function importPack(fileText: string): Promise<PackImportResult> {
    // Said here, before sending megabytes the service would refuse anyway.
    if (fileText.length > MAX_LESSON_PACK_CHARS) {
      return {
        ok: false,
        reason: {
          key: 'classroom.pack.refused.tooLong',
          params: { mib: MAX_LESSON_PACK_CHARS / 1024 / 1024 }
        }
      }
    }
    try {
      const result = await lab.invoke('lessons:import-pack', { text: fileText })
      imported.value = result.imported
      settleWaiting()
      return {
        ok: true,
        title: result.title,
        lessons: result.lessons,
        experiments: result.experiments,
        builtIn: result.builtIn
      }
    } catch (error) {
      return { ok: false, reason: describeFailure(error) }
    }
  }

  /** Takes an imported lesson off the list (from the service, or from this browser if it waits there). */
  async function remove(id: string): Promise<void> {
    if (!imported.value.some(({ lesson }) => lesson.id === id)) {
      waiting.value = waiting.value.filter(({ lesson }) => lesson.id !== id)
      keepLegacyImportedLessons(waiting.value)
      return
    }
    try {
      imported.value = (await lab.invoke('lessons:remove-imported', { id })).lessons
    } catch (error) {
      notices.report('classroom.pack.removeFailed', error)
    }
  }

  function listExperiments(): Promise<LabOutput<'experiment:list'>> {
    return lab.invoke('experiment:list', {})
  }

  return {
    imported,
    waiting,
    loaded,
    lessons,
    load,
    text,
    find,
    packTitleOf,
    listExperiments,
    makePack,
    importPack,
    remove
  }
})
