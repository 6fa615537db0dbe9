/**
 * Schemas of the experiment library's calls (issue 16): saved experiments,
 * their runs, undoable deletes, and the experiment file. Every text, list
 * and page is bounded, and the JSON the window keeps in an experiment (its
 * replay state, each configuration's display choices) is checked to be JSON
 * of bounded size, never interpreted.
 */
import { z } from 'zod'
import { ConfigErrorSchema, FinalStateSchema, MAX_CONFIGS, RunStartOutput } from './run-schemas'
import { METRICS, type MetricName } from './vocabulary/metrics'
import { EndStatusSchema } from './vocabulary/run-statuses'
import { RunSummarySchema } from './vocabulary/run-summary'

export const MAX_EXPERIMENT_NAME_CHARS = 200
export const MAX_NOTES_CHARS = 20_000
export const MAX_TAG_CHARS = 40
export const MAX_TAGS = 20
/** The window's replay state (step, panes, selected metric...), as JSON text. */
export const MAX_REPLAY_STATE_CHARS = 64 * 1024
/** One configuration's display choices (colour, visibility...), as JSON text. */
export const MAX_DISPLAY_CHARS = 4 * 1024
export const MAX_LIST_PAGE = 200
export const DEFAULT_LIST_PAGE = 50
/** Tags the list reports with their counts, most used first. */
export const MAX_LISTED_TAGS = 200
/** Characters of the notes the list shows. */
export const NOTES_PREVIEW_CHARS = 200
/** An experiment file as text; a larger one would not fit in one JavaScript string with room to spare. */
export const MAX_EXPERIMENT_FILE_CHARS = 256 * 1024 * 1024
/** How long a deleted experiment can be restored; after that it is purged for good. */
export const EXPERIMENT_UNDO_MS = 10 * 60 * 1000

/**
 * Figures of a run's summary the library shows and sorts by, named as
 * DESIGN.md §5 names them. Fragmentation is each run's peak (a trace that
 * frees everything ends at zero); utilization and the failure counts are the
 * summary's own.
 */
export const KEY_METRICS = [
  'utilization',
  'externalFragmentation',
  'internalFragmentation',
  'failFragmented',
  'failNoMemory'
] as const satisfies readonly MetricName[]
export type KeyMetric = (typeof KEY_METRICS)[number]

/** Which way each key metric is better: sorting by one puts the best configuration's value first. */
export function keyMetricBetter(metric: KeyMetric): 'lower' | 'higher' {
  return METRICS[metric].better === 'higher' ? 'higher' : 'lower'
}

export const EXPERIMENT_SORTS = ['updated', 'created', 'name', ...KEY_METRICS] as const
export type ExperimentSort = (typeof EXPERIMENT_SORTS)[number]

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

export const ExperimentId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)
const RunId = z.string().min(1).max(64)
const Timestamp = z.number().int().min(0)

export const ExperimentNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'the name is empty' })
  .max(MAX_EXPERIMENT_NAME_CHARS, {
    message: `the name is longer than ${MAX_EXPERIMENT_NAME_CHARS} characters`
  })
  .refine((name) => !CONTROL.test(name), { message: 'the name holds a control character' })

export const NotesSchema = z
  .string()
  .max(MAX_NOTES_CHARS, { message: `the notes are longer than ${MAX_NOTES_CHARS} characters` })
  .refine((notes) => !CONTROL_BUT_LINES.test(notes), {
    message: 'the notes hold a control character other than a line break or tab'
  })

export const TagSchema = z
  .string()
  .trim()
  .min(1, { message: 'a tag is empty' })
  .max(MAX_TAG_CHARS, { message: `a tag is longer than ${MAX_TAG_CHARS} characters` })
  .refine((tag) => !CONTROL.test(tag), { message: 'a tag holds a control character' })

/** Tags as given, each kept once whatever its case (the library lists them in alphabetical order). */
export const TagsSchema = z
  .array(TagSchema)
  .max(MAX_TAGS, { message: `more than ${MAX_TAGS} tags` })
  .transform((tags) => {
    const seen = new Set<string>()
    return tags.filter((tag) => {
      const key = tag.toLowerCase()
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  })

/** JSON the window owns, at most `maxChars` characters as text. */
function boundedJson(maxChars: number, what: string) {
  return z.json().refine((value) => JSON.stringify(value).length <= maxChars, {
    message: `the ${what} is longer than ${maxChars} characters as JSON`
  })
}

export const ReplayStateSchema = boundedJson(MAX_REPLAY_STATE_CHARS, 'replay state')
export const DisplayChoicesSchema = boundedJson(MAX_DISPLAY_CHARS, 'display choices')

export const KeyMetricsSchema = z
  .object({
    utilization: z.number(),
    externalFragmentation: z.number(),
    internalFragmentation: z.number(),
    failFragmented: z.number().int(),
    failNoMemory: z.number().int()
  })
  .strict() satisfies z.ZodType<Record<KeyMetric, number>>

/** Which engine recorded a run; a run from another one cannot be replayed as if this one had. */
export const RecordedBySchema = z
  .object({ engineVersion: z.string().max(64), poolLayoutVersion: z.number().int() })
  .strict()

/**
 * What became of a run's timeline: `kept` in the library, `dropped` when
 * the user saved without timelines (its size is kept), `none` when the run
 * recorded none.
 */
export const TIMELINE_STATES = ['kept', 'dropped', 'none'] as const
export const TimelineStateSchema = z.enum(TIMELINE_STATES)

export const ExperimentConfigurationSchema = z
  .object({
    /** The allocator spec as it was asked for. */
    spec: z.string().min(1).max(1000),
    /** Its canonical form, every option spelled out (how reports name it). */
    label: z.string().min(1).max(1000),
    display: DisplayChoicesSchema.nullable()
  })
  .strict()

export const ExperimentRunBriefSchema = z
  .object({
    config: z
      .number()
      .int()
      .min(0)
      .max(MAX_CONFIGS - 1),
    label: z.string(),
    family: z.string(),
    status: EndStatusSchema,
    metrics: KeyMetricsSchema.nullable()
  })
  .strict()

/** One experiment as the Library lists it. */
export const ExperimentItemSchema = z
  .object({
    id: ExperimentId,
    name: z.string(),
    tags: z.array(z.string()),
    /** The notes' first NOTES_PREVIEW_CHARS characters. */
    notesPreview: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    requests: z.number().int().min(0),
    configs: z.array(ExperimentRunBriefSchema),
    /** Runs whose timeline the library keeps (they replay without running again). */
    timelinesKept: z.number().int().min(0),
    /** False when some run was recorded by another engine or frame-pool layout. */
    current: z.boolean()
  })
  .strict()
export type ExperimentItem = z.infer<typeof ExperimentItemSchema>

export const ExperimentListInput = z
  .object({
    /** Words to find in the name or the notes (case-insensitive). */
    search: z.string().max(200).optional(),
    /** Only experiments carrying every one of these tags. */
    tags: z.array(TagSchema).max(MAX_TAGS).optional(),
    sort: z.enum(EXPERIMENT_SORTS).optional(),
    /** Default: names A to Z, newest dates first, best metric values first. */
    order: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).max(1_000_000_000).optional(),
    limit: z.number().int().min(1).max(MAX_LIST_PAGE).optional()
  })
  .strict()

export const ExperimentListOutput = z
  .object({
    /** Experiments matching the search, on every page. */
    total: z.number().int().min(0),
    offset: z.number().int().min(0),
    items: z.array(ExperimentItemSchema),
    /** Every tag in the library with how many experiments carry it, most used first. */
    tags: z.array(z.object({ tag: z.string(), count: z.number().int().min(1) }).strict())
  })
  .strict()

export const ExperimentRef = z.object({ id: ExperimentId }).strict()

export const ExperimentGetInput = z
  .object({
    id: ExperimentId,
    /** Include the scenario text (default true); a million requests are about 12 MB of it. */
    scenario: z.boolean().optional()
  })
  .strict()

export const ExperimentRunSchema = z
  .object({
    config: z
      .number()
      .int()
      .min(0)
      .max(MAX_CONFIGS - 1),
    spec: z.string(),
    label: z.string(),
    family: z.string(),
    status: EndStatusSchema,
    summary: RunSummarySchema.nullable(),
    final: FinalStateSchema.nullable(),
    error: ConfigErrorSchema.nullable(),
    recordedBy: RecordedBySchema,
    /** Recorded by this engine and frame-pool layout. */
    current: z.boolean(),
    timeline: z
      .object({
        state: TimelineStateSchema,
        /** Bytes of the timeline in memory (also when only its size was kept). */
        bytes: z.number().int().min(0),
        /** Bytes it takes in the library, compressed; 0 unless kept. */
        storedBytes: z.number().int().min(0)
      })
      .strict()
  })
  .strict()

export const ExperimentDetailSchema = ExperimentItemSchema.extend({
  notes: z.string(),
  /** Null when asked for without it. */
  scenario: z.string().nullable(),
  configurations: z.array(ExperimentConfigurationSchema),
  replayState: z.json(),
  runs: z.array(ExperimentRunSchema),
  /** This build's engine, to say what a run that is not current would be re-run with. */
  engine: RecordedBySchema
}).strict()

export const ExperimentSaveInput = z
  .object({
    /** A finished run the service holds: its scenario, configurations and results are saved. */
    runId: RunId.optional(),
    /** Update this experiment (with the run's results when runId is given too). */
    id: ExperimentId.optional(),
    name: ExperimentNameSchema.optional(),
    notes: NotesSchema.optional(),
    tags: TagsSchema.optional(),
    replayState: ReplayStateSchema.optional(),
    /** Display choices per configuration, by index; null for none. */
    displays: z.array(DisplayChoicesSchema.nullable()).max(MAX_CONFIGS).optional(),
    /** Keep each run's timeline, so it replays without running again (default true). */
    keepTimelines: z.boolean().optional()
  })
  .strict()
  .refine((input) => input.runId !== undefined || input.id !== undefined, {
    message: 'give runId to save a run, id to update an experiment, or both',
    path: ['runId']
  })
  .refine((input) => input.id !== undefined || input.name !== undefined, {
    message: 'a new experiment needs a name',
    path: ['name']
  })

export const ExperimentRenameInput = z
  .object({ id: ExperimentId, name: ExperimentNameSchema })
  .strict()

export const ExperimentAnnotateInput = z
  .object({ id: ExperimentId, notes: NotesSchema.optional(), tags: TagsSchema.optional() })
  .strict()
  .refine((input) => input.notes !== undefined || input.tags !== undefined, {
    message: 'give notes, tags or both',
    path: ['notes']
  })

export const ExperimentDuplicateInput = z
  .object({ id: ExperimentId, name: ExperimentNameSchema.optional() })
  .strict()

export const ExperimentDeleteOutput = z
  .object({
    id: ExperimentId,
    deletedAt: Timestamp,
    /** experiment:restore brings it back until then; afterwards it is purged. */
    restorableUntil: Timestamp
  })
  .strict()

/**
 * What can be seen of an opened run's configuration: `kept` timelines
 * replay; `dropped` and `none` have only their summary; `damaged` timelines
 * failed their checks when read; `incompatible` ones were written in a
 * timeline format this build cannot read.
 */
export const OPENED_TIMELINES = ['kept', 'dropped', 'none', 'damaged', 'incompatible'] as const

export const ExperimentOpenOutput = z
  .object({
    id: ExperimentId,
    /** The run as the service now holds it: summary and timeline queries take this id. */
    runId: RunId,
    title: z.string(),
    replayState: z.json(),
    /** Every configuration was recorded by this engine and layout. */
    current: z.boolean(),
    engine: RecordedBySchema,
    configs: z.array(
      z
        .object({
          config: z
            .number()
            .int()
            .min(0)
            .max(MAX_CONFIGS - 1),
          label: z.string(),
          family: z.string(),
          status: EndStatusSchema,
          recordedBy: RecordedBySchema,
          current: z.boolean(),
          timeline: z.enum(OPENED_TIMELINES),
          /**
           * The allocator's structures (free lists, buddy orders, slab caches)
           * and the blocks a request split or merged are rebuilt by replaying
           * this engine: only for runs it recorded itself.
           */
          structures: z.boolean()
        })
        .strict()
    )
  })
  .strict()

export const ExperimentRerunInput = z
  .object({
    id: ExperimentId,
    /** Record a seekable timeline (default true). */
    record: z.boolean().optional()
  })
  .strict()

export const ExperimentRerunOutput = RunStartOutput.extend({ id: ExperimentId }).strict()

export const ExperimentExportInput = z
  .object({
    id: ExperimentId,
    /** Put the kept timelines in the file (default true); without them it holds the summaries. */
    timelines: z.boolean().optional()
  })
  .strict()

export const ExperimentExportOutput = z
  .object({
    /** A file name made from the experiment's name, ending in .alloclab.json. */
    fileName: z.string(),
    text: z.string()
  })
  .strict()

export const ExperimentImportInput = z
  .object({
    text: z.string().max(MAX_EXPERIMENT_FILE_CHARS, {
      message: `the file is longer than ${MAX_EXPERIMENT_FILE_CHARS / 1024 / 1024} Mi characters`
    }),
    /** Name the imported experiment this instead of the name in the file. */
    name: ExperimentNameSchema.optional()
  })
  .strict()
