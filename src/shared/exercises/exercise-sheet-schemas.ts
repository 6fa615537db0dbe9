/**
 * exercise:export-sheet: a teacher's chosen questions over one configuration
 * of a run, rendered main-side as two self-contained HTML files, the sheet
 * the students answer and its answer key.
 */
import { z } from 'zod'
import { LOCALES } from '../i18n/locales'
import { MAX_CONFIGS } from '../run-schemas'
import { EXERCISE_KINDS } from './exercise'

/** A sheet stays a sheet: a class period holds a few dozen questions, not thousands. */
export const MAX_SHEET_QUESTIONS = 60
/** Requests listed on a sheet; questions must fall among them. */
export const MAX_SHEET_STEPS = 2000

export const ExerciseQuestionSchema = z
  .object({
    step: z
      .number()
      .int()
      .min(0)
      .max(MAX_SHEET_STEPS - 1),
    kind: z.enum(EXERCISE_KINDS)
  })
  .strict()
export type ExerciseQuestion = z.infer<typeof ExerciseQuestionSchema>

export const ExerciseSheetInput = z
  .object({
    runId: z.string().min(1).max(64),
    config: z
      .number()
      .int()
      .min(0)
      .max(MAX_CONFIGS - 1),
    title: z.string().max(200).optional(),
    locale: z.enum(LOCALES),
    questions: z.array(ExerciseQuestionSchema).min(1).max(MAX_SHEET_QUESTIONS)
  })
  .strict()

export const ExerciseSheetOutput = z
  .object({ sheet: z.string(), answers: z.string(), fileStem: z.string() })
  .strict()
