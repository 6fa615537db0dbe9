/**
 * Schemas of the window's report call: the self-contained HTML report of a
 * run (src/main/reports) for the window to download or print.
 */
import { z } from 'zod'
import { ExperimentId } from './experiment-schemas'
import { LOCALES } from './i18n/locales'

export const ReportHtmlInput = z
  .object({
    /** A run the service holds; its scenario is the one it was run with. */
    runId: z.string().min(1).max(64).optional(),
    /**
     * A saved experiment: its name, notes and tags head the report. Without
     * runId its saved runs are opened (never re-run) to draw it.
     */
    id: ExperimentId.optional(),
    locale: z.enum(LOCALES)
  })
  .strict()
  .refine((input) => input.runId !== undefined || input.id !== undefined, {
    message: 'give runId, the id of an experiment, or both',
    path: ['runId']
  })

export const ReportHtmlOutput = z
  .object({
    /** Made from the run's title or the experiment's name, ending in .html. */
    fileName: z.string(),
    html: z.string()
  })
  .strict()
