import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { useI18n } from 'vue-i18n'
import type { LabOutput } from '@shared/api'
import type { Locale } from '@shared/i18n/locales'
import { translate } from '@shared/i18n/translate'
import { LESSONS, findLesson, type Lesson } from '@shared/lessons'
import {
  LESSON_PACK_FORMAT,
  LESSON_PACK_VERSION,
  LessonPackSchema,
  packLessonOf,
  readLessonPack,
  type LessonPack,
  type PackLesson,
  type PackRefusal
} from '@shared/lesson-pack/lesson-pack'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure } from '@renderer/lab/describe-failure'

/** Where this window keeps the lessons it imported from packs (plain data, read back through the pack schema). */
export const IMPORTED_LESSONS_KEY = 'alloclab.importedLessons'

interface ImportedLesson {
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
  | { readonly ok: false; readonly refusal: PackRefusal }

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

function readStored(): ImportedLesson[] {
  try {
    const text = globalThis.localStorage?.getItem(IMPORTED_LESSONS_KEY)
    if (!text) return []
    const stored = JSON.parse(text) as { packTitle?: unknown; lesson?: unknown }[]
    const kept: ImportedLesson[] = []
    for (const entry of stored) {
      const lesson = LessonPackSchema.shape.lessons.element.safeParse(entry.lesson)
      if (lesson.success && typeof entry.packTitle === 'string')
        kept.push({ lesson: lesson.data, packTitle: entry.packTitle })
    }
    return kept
  } catch {
    return []
  }
}

/**
 * Every lesson the window can open: the built-in ones, then those imported
 * from lesson packs; their texts (a built-in lesson's i18n keys, a pack
 * lesson's own texts in both languages) read through `text`. Also makes
 * and imports packs: an import is read and checked whole before anything
 * is kept, and experiments it brought are taken back if a later one fails.
 */
export const useLessonCatalogStore = defineStore('lessonCatalog', () => {
  const lab = useLab()
  const { t, locale } = useI18n({ useScope: 'global' })
  const imported = ref<ImportedLesson[]>(readStored())

  const texts = computed(() => new Map(imported.value.flatMap(({ lesson }) => textsOf(lesson))))
  const importedLessons = computed(() =>
    imported.value.map(({ lesson, packTitle }) => ({ lesson: asLesson(lesson), packTitle }))
  )
  const lessons = computed((): Lesson[] => [
    ...LESSONS,
    ...importedLessons.value.map(({ lesson }) => lesson)
  ])

  function text(key: string, params: Record<string, string | number> = {}): string {
    const own = texts.value.get(key)
    return own ? own[locale.value as Locale] : t(key, params)
  }

  function find(id: string): Lesson | undefined {
    return findLesson(id) ?? importedLessons.value.find(({ lesson }) => lesson.id === id)?.lesson
  }

  function packTitleOf(id: string): string | null {
    return imported.value.find(({ lesson }) => lesson.id === id)?.packTitle ?? null
  }

  function persist(): void {
    try {
      globalThis.localStorage?.setItem(IMPORTED_LESSONS_KEY, JSON.stringify(imported.value))
    } catch {
      // Kept for this window only.
    }
  }

  /** The pack file's text: the chosen lessons (texts in every language) and experiments. */
  async function makePack(
    title: string,
    lessonIds: readonly string[],
    experimentIds: readonly number[]
  ): Promise<string> {
    const chosen = lessonIds.map((id) => {
      const own = imported.value.find(({ lesson }) => lesson.id === id)?.lesson
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
    const reading = readLessonPack(fileText)
    if (!reading.ok) return reading
    const { pack } = reading
    const added: number[] = []
    for (const file of pack.experiments) {
      try {
        const item = await lab.invoke('experiment:import-file', { text: JSON.stringify(file) })
        added.push(item.id)
      } catch (error) {
        // Take back what this pack brought so far: a refused pack changes nothing.
        for (const id of added) await lab.invoke('experiment:delete', { id }).catch(() => undefined)
        const reason = describeFailure(error)
        return {
          ok: false,
          refusal: {
            key: 'classroom.pack.refused.experiment',
            params: {
              name: file.experiment.name,
              reason: 'text' in reason ? reason.text : t(reason.key, { ...reason.params })
            }
          }
        }
      }
    }
    const fresh = pack.lessons.filter((lesson) => !findLesson(lesson.id))
    const freshIds = new Set(fresh.map((lesson) => lesson.id))
    imported.value = [
      ...imported.value.filter(({ lesson }) => !freshIds.has(lesson.id)),
      ...fresh.map((lesson) => ({ lesson, packTitle: pack.title }))
    ]
    persist()
    return {
      ok: true,
      title: pack.title,
      lessons: fresh.length,
      experiments: added.length,
      builtIn: pack.lessons.length - fresh.length
    }
  }

  function listExperiments(): Promise<LabOutput<'experiment:list'>> {
    return lab.invoke('experiment:list', {})
  }

  return { imported, lessons, text, find, packTitleOf, listExperiments, makePack, importPack }
})
