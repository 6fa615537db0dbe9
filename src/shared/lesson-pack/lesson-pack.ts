/**
 * A lesson pack: lessons and experiments a teacher hands to a class in one
 * versioned JSON file. It is data only — texts, scenario-language text,
 * allocator specs, experiment files — read with a strict schema that
 * refuses any field it does not know, then checked as a whole (every
 * scenario compiles, every note stands at a step that exists) before
 * anything is kept, so a damaged pack changes nothing.
 */
import { z } from 'zod'
import { ExperimentFileSchema } from '../experiment-file'
import { LOCALES, type Locale } from '../i18n/locales'
import { LESSON_LEVELS, LESSON_TOPICS, type Lesson } from '../lessons'
import { compileScenario } from '../scenario'

export const LESSON_PACK_FORMAT = 'alloclab-lesson-pack'
export const LESSON_PACK_VERSION = 1
export const LESSON_PACK_EXTENSION = '.alloclab-pack.json'
/** A pack is carried on a USB stick and read at once: a few MiB of text at the most. */
export const MAX_LESSON_PACK_CHARS = 32 * 1024 * 1024
const MAX_SCENARIO = 1024 * 1024

/** A text in every language the window speaks: a pack must read the same in both. */
const Texts = z
  .object(Object.fromEntries(LOCALES.map((locale) => [locale, z.string().trim().min(1).max(4000)])))
  .strict() as unknown as z.ZodType<Readonly<Record<Locale, string>>>

export const PackNoteSchema = z
  .object({
    /** -1: before the first request; otherwise the 0-based request it follows. */
    step: z.number().int().min(-1),
    config: z.union([z.number().int().min(0), z.literal('all')]),
    text: Texts
  })
  .strict()

export const PackLessonSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes, at most 63'),
    title: Texts,
    summary: Texts,
    level: z.enum(LESSON_LEVELS),
    topics: z.array(z.enum(LESSON_TOPICS)).max(LESSON_TOPICS.length),
    scenario: z.string().max(MAX_SCENARIO),
    allocators: z
      .array(z.object({ spec: z.string().min(1).max(1000), label: Texts }).strict())
      .min(1)
      .max(16),
    notes: z.array(PackNoteSchema).max(500)
  })
  .strict()
export type PackLesson = z.infer<typeof PackLessonSchema>

export const LessonPackSchema = z
  .object({
    format: z.literal(LESSON_PACK_FORMAT),
    version: z.literal(LESSON_PACK_VERSION),
    title: z.string().trim().min(1).max(200),
    createdAt: z.iso.datetime(),
    lessons: z.array(PackLessonSchema).max(200),
    experiments: z.array(ExperimentFileSchema).max(200)
  })
  .strict()
export type LessonPack = z.infer<typeof LessonPackSchema>

/** Why a pack is refused: a translatable reason naming where in the file. */
export interface PackRefusal {
  readonly key: string
  readonly params: Readonly<Record<string, string | number>>
}

export type PackReading = { ok: true; pack: LessonPack } | { ok: false; refusal: PackRefusal }

const refuse = (name: string, params: Record<string, string | number> = {}): PackReading => ({
  ok: false,
  refusal: { key: `classroom.pack.refused.${name}`, params }
})

/** Reads a pack file's text; nothing is kept unless the whole pack is sound. */
export function readLessonPack(text: string): PackReading {
  if (text.length > MAX_LESSON_PACK_CHARS)
    return refuse('tooLong', { mib: MAX_LESSON_PACK_CHARS / 1024 / 1024 })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return refuse('notJson')
  }
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(json)
  if (!head.success || head.data.format !== LESSON_PACK_FORMAT) return refuse('notPack')
  if (head.data.version !== LESSON_PACK_VERSION)
    return refuse('version', { version: String(head.data.version), supported: LESSON_PACK_VERSION })
  const parsed = LessonPackSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return refuse('field', { field: issue.path.join('.') || 'pack', detail: issue.message })
  }
  const pack = parsed.data
  const ids = new Set<string>()
  for (const [index, lesson] of pack.lessons.entries()) {
    const where = `lessons.${index}`
    if (ids.has(lesson.id)) return refuse('duplicateId', { field: `${where}.id`, id: lesson.id })
    ids.add(lesson.id)
    const { program, diagnostics } = compileScenario(lesson.scenario)
    const error = diagnostics.find((diagnostic) => diagnostic.severity === 'error')
    if (!program || error)
      return refuse('scenario', { field: `${where}.scenario`, line: error?.line ?? 1 })
    for (const [noteIndex, note] of lesson.notes.entries()) {
      const field = `${where}.notes.${noteIndex}`
      if (note.step >= program.count)
        return refuse('noteStep', { field, step: note.step, last: program.count - 1 })
      if (note.config !== 'all' && note.config >= lesson.allocators.length)
        return refuse('notePane', { field, pane: note.config })
    }
  }
  return { ok: true, pack }
}

/** A built-in lesson as pack data, its texts in every language. */
export function packLessonOf(
  lesson: Lesson,
  translate: (locale: Locale, key: string) => string
): PackLesson {
  const texts = (key: string): Record<Locale, string> =>
    Object.fromEntries(LOCALES.map((locale) => [locale, translate(locale, key)])) as Record<
      Locale,
      string
    >
  return {
    id: lesson.id,
    title: texts(lesson.titleKey),
    summary: texts(lesson.summaryKey),
    level: lesson.level,
    topics: [...lesson.topics],
    scenario: lesson.scenario,
    allocators: lesson.allocators.map((allocator) => ({
      spec: allocator.spec,
      label: texts(allocator.labelKey)
    })),
    notes: lesson.anchors.map((anchor) => ({
      step: anchor.step,
      config: anchor.config,
      text: texts(anchor.textKey)
    }))
  }
}
