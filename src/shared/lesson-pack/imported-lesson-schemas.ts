/**
 * The `lessons:*` calls: lessons imported from lesson packs, kept by the
 * service in its database so the browser host and the Electron shell see
 * the same ones. A lesson is stored as the pack carried it (texts in every
 * language), with the pack it came from and when it was imported.
 */
import { z } from 'zod'
import { MAX_LESSON_PACK_CHARS, PackLessonSchema } from './lesson-pack'

export const LessonIdSchema = PackLessonSchema.shape.id

export const ImportedLessonSchema = z
  .object({
    lesson: PackLessonSchema,
    packTitle: z.string().min(1).max(200),
    /** The pack file's format version the lesson was read from. */
    packVersion: z.number().int().min(1),
    /** When the teacher made the pack (the pack's own `createdAt`). */
    packCreatedAt: z.iso.datetime(),
    /** Milliseconds since the epoch. */
    importedAt: z.number().int().min(0)
  })
  .strict()
export type ImportedLesson = z.infer<typeof ImportedLessonSchema>

/** Every imported lesson, oldest import first. */
export const ImportedLessonsOutput = z
  .object({ lessons: z.array(ImportedLessonSchema).max(10_000) })
  .strict()

export const LessonPackImportInput = z
  .object({
    /** The pack file's whole text; the service reads and checks it before anything is kept. */
    text: z.string().max(MAX_LESSON_PACK_CHARS, {
      message: `the pack is longer than ${MAX_LESSON_PACK_CHARS / 1024 / 1024} Mi characters`
    })
  })
  .strict()

export const LessonPackImportOutput = z
  .object({
    title: z.string(),
    /** Lessons kept from this pack (new, or replacing an import with the same id). */
    lessons: z.number().int().min(0),
    experiments: z.number().int().min(0),
    /** Lessons the pack carries that are built in already, so left as they are. */
    builtIn: z.number().int().min(0),
    /** Every imported lesson after this import. */
    imported: ImportedLessonsOutput.shape.lessons
  })
  .strict()

export const ImportedLessonRef = z.object({ id: LessonIdSchema }).strict()
