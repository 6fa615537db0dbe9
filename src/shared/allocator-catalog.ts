/**
 * What `allocators:list` answers (and `alloclab allocators --json` prints):
 * every allocator family with every option, and the named presets, all read
 * from the engine's own registry, so no client keeps a second option table.
 * Texts come as i18n keys and, for clients without the catalog, rendered in
 * every language.
 */
import { z } from 'zod'
import { LOCALES } from './i18n/locales'

/** A text in every language the app speaks. */
export const LocalizedTextSchema = z.record(z.enum(LOCALES), z.string())
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

export const OPTION_KINDS = ['size', 'integer', 'choice', 'switch'] as const
export type OptionKind = (typeof OPTION_KINDS)[number]

/** What an option's number means, for its field's unit label. */
export const OPTION_UNITS = ['bytes', 'address', 'frames', 'order', 'count'] as const
export type OptionUnit = (typeof OPTION_UNITS)[number]

const OptionValueSchema = z.union([z.number(), z.string(), z.boolean()])

export const AllocatorOptionInfoSchema = z
  .object({
    /** Key in a spec, e.g. "arena", "max-order". */
    key: z.string(),
    kind: z.enum(OPTION_KINDS),
    default: OptionValueSchema,
    /** The default as a spec writes it ("1MiB", "on", "addr"). */
    defaultText: z.string(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    unit: z.enum(OPTION_UNITS).nullable(),
    choices: z.array(z.string()).nullable(),
    /** When the value must also be a power of two (alignment, page size...). */
    powerOfTwo: z.boolean(),
    descriptionKey: z.string(),
    description: LocalizedTextSchema
  })
  .strict()
export type AllocatorOptionInfo = z.infer<typeof AllocatorOptionInfoSchema>

/** Which memory a family manages, so the window draws the right map and structures. */
export const FAMILY_KINDS = ['heap', 'pages', 'slab'] as const
export type FamilyKind = (typeof FAMILY_KINDS)[number]

export const AllocatorFamilyInfoSchema = z
  .object({
    name: z.string(),
    kind: z.enum(FAMILY_KINDS),
    summaryKey: z.string(),
    summary: LocalizedTextSchema,
    options: z.array(AllocatorOptionInfoSchema)
  })
  .strict()
export type AllocatorFamilyInfo = z.infer<typeof AllocatorFamilyInfoSchema>

/** A named set of configurations, e.g. "the four fits side by side". */
export const AllocatorPresetInfoSchema = z
  .object({
    id: z.string(),
    labelKey: z.string(),
    label: LocalizedTextSchema,
    descriptionKey: z.string(),
    description: LocalizedTextSchema,
    /** One spec per configuration, in the order they are added. */
    specs: z.array(z.string()).min(1)
  })
  .strict()
export type AllocatorPresetInfo = z.infer<typeof AllocatorPresetInfoSchema>

export const AllocatorCatalogSchema = z
  .object({
    families: z.array(AllocatorFamilyInfoSchema),
    presets: z.array(AllocatorPresetInfoSchema)
  })
  .strict()
export type AllocatorCatalog = z.infer<typeof AllocatorCatalogSchema>

/**
 * `allocators:check`: resolve specs as a run would (against the scenario's
 * geometry when given) without running anything, so the window can show a
 * bad value at its field before any run.
 */
export const ScenarioGeometrySchema = z
  .object({
    arenaBytes: z.number().optional(),
    baseAddress: z.number().optional(),
    frames: z.number().optional(),
    pageSize: z.number().optional(),
    maxOrder: z.number().optional(),
    growBytes: z.number().optional()
  })
  .strict()

export const AllocatorCheckInput = z
  .object({
    specs: z.array(z.string().max(1000)).min(1).max(16),
    geometry: ScenarioGeometrySchema.optional()
  })
  .strict()

export const AllocatorCheckOutput = z
  .object({
    results: z.array(
      z
        .object({
          /** The normalized spec (every option, in the family's order), when it resolved. */
          label: z.string().nullable(),
          family: z.string().nullable(),
          values: z.record(z.string(), OptionValueSchema).nullable(),
          /** Why it did not: the message and, when one option is to blame, its key. */
          error: z
            .object({
              key: z.string(),
              params: z.record(z.string(), z.union([z.string(), z.number()])),
              option: z.string().nullable()
            })
            .strict()
            .nullable()
        })
        .strict()
    )
  })
  .strict()
