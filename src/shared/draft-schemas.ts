/**
 * Schemas of the Workbench draft calls (`draft:get`, `draft:save`): the
 * scenario being written and its allocator configurations, kept so that a
 * crash, a closed window or a reload loses nothing. A large scenario travels
 * and is stored gzip-compressed (base64 on the wire), so saving a
 * ten-million-request draft moves a fraction of its text.
 */
import { z } from 'zod'
import { MAX_CONFIGS, MAX_SCENARIO_CHARS } from './run-schemas'

/** Scenarios shorter than this are sent and stored as plain text. */
export const DRAFT_COMPRESS_FROM_CHARS = 256 * 1024

/** Base64 of gzip data; gzip never grows text by more than a few bytes per 16 KiB block. */
const MAX_COMPRESSED_CHARS = Math.ceil((MAX_SCENARIO_CHARS * 4) / 3) + 1024

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export const DraftScenarioSchema = z.discriminatedUnion('encoding', [
  z
    .object({
      encoding: z.literal('text'),
      text: z.string().max(MAX_SCENARIO_CHARS)
    })
    .strict(),
  z
    .object({
      encoding: z.literal('gzip-base64'),
      data: z
        .string()
        .max(MAX_COMPRESSED_CHARS)
        .regex(BASE64, { message: 'the compressed scenario is not base64' }),
      /** Characters of the text once decompressed. */
      length: z.number().int().min(0).max(MAX_SCENARIO_CHARS)
    })
    .strict()
])
export type DraftScenario = z.infer<typeof DraftScenarioSchema>

export const DraftSchema = z
  .object({
    scenario: DraftScenarioSchema,
    /** Allocator specs (`family:key=value,...`) in the order the window lists them. */
    configs: z.array(z.string().max(1000)).max(MAX_CONFIGS),
    /** The file the scenario was opened from or last saved to, for the next save. */
    fileName: z.string().max(255).nullable()
  })
  .strict()
export type Draft = z.infer<typeof DraftSchema>

export const DraftGetOutput = z
  .object({
    draft: DraftSchema.nullable(),
    /** Milliseconds since 1970 of the last save, when there is a draft. */
    savedAt: z.number().nullable()
  })
  .strict()

export const DraftSaveOutput = z
  .object({
    savedAt: z.number(),
    /** Bytes the draft takes in the database. */
    storedBytes: z.number().int()
  })
  .strict()
