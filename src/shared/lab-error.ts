/**
 * Errors that cross a host boundary as plain data: a stable code for
 * programs, an i18n key with parameters for people, so the side that shows
 * an error translates it, and switching language re-translates what is on
 * screen. `message` is the English text, for logs and tools that read none
 * of the catalog.
 */
import { z } from 'zod'

export const LAB_ERROR_CODES = [
  /** The input failed its schema, or a scenario or spec in it is wrong. */
  'invalid-input',
  'unknown-channel',
  /** No such run, config, experiment... */
  'not-found',
  /** It existed in an earlier session of the host (runs live in memory). */
  'gone',
  /** Starting it would take more memory than the budget allows. */
  'over-budget',
  /** The database cannot be written (read-only file or folder, locked). */
  'read-only',
  /** The host is shutting down or the call was cancelled. */
  'unavailable',
  'internal'
] as const
export type LabErrorCode = (typeof LAB_ERROR_CODES)[number]

export const MessageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]))
export type LabMessageParams = z.infer<typeof MessageParamsSchema>

/** One message: an i18n key and what fills its placeholders. */
export const LabMessageSchema = z
  .object({
    key: z.string().min(1).max(200),
    params: MessageParamsSchema,
    /** Where in the user's text it applies (scenario diagnostics), 1-based. */
    line: z.number().int().min(1).optional(),
    column: z.number().int().min(1).optional(),
    /** A scenario diagnostic's stable code (`unknown-keyword`...), for tools that match on it. */
    code: z.string().min(1).max(64).optional()
  })
  .strict()
export type LabMessage = z.infer<typeof LabMessageSchema>

export const LabErrorSchema = z
  .object({
    code: z.enum(LAB_ERROR_CODES),
    key: z.string().min(1).max(200),
    params: MessageParamsSchema,
    /** Messages that explain this one, each shown on its own line (diagnostics, a spec's inner error). */
    causes: z.array(LabMessageSchema).max(100).optional(),
    message: z.string()
  })
  .strict()
export type LabErrorData = z.infer<typeof LabErrorSchema>

/** An error a host can send across its boundary as plain data. */
export class LabError extends Error {
  override name = 'LabError'
  constructor(
    readonly code: LabErrorCode,
    readonly key: string,
    readonly params: LabMessageParams = {},
    readonly causes: readonly LabMessage[] = [],
    /** The English text; hosts fill it from the catalog (see toLabErrorData). */
    message: string = key
  ) {
    super(message)
  }

  static from(data: LabErrorData): LabError {
    return new LabError(data.code, data.key, data.params, data.causes ?? [], data.message)
  }
}
