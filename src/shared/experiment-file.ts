/**
 * The experiment file (`NAME.alloclab.json`): one experiment with everything
 * needed to see it elsewhere — the scenario, the configurations, every run's
 * summary and final structures, and, when exported with them, the timelines
 * and the compiled program they were recorded against, each as base64 of the
 * same zlib-compressed bytes the library stores. A file is read only when its
 * `format` and `version` are these; anything else is refused whole.
 *
 * This is the experiment's own format for keeping and handing in work; the
 * report's JSON is another document (src/shared/reports).
 */
import { z } from 'zod'
import {
  ExperimentConfigurationSchema,
  ExperimentNameSchema,
  NotesSchema,
  RecordedBySchema,
  ReplayStateSchema,
  TagsSchema
} from './experiment-schemas'
import { ConfigErrorSchema, FinalStateSchema, MAX_CONFIGS, MAX_SCENARIO_CHARS } from './run-schemas'
import { EndStatusSchema } from './vocabulary/run-statuses'
import { RunSummarySchema } from './vocabulary/run-summary'

export const EXPERIMENT_FILE_FORMAT = 'alloclab-experiment'
export const EXPERIMENT_FILE_VERSION = 1
export const EXPERIMENT_FILE_EXTENSION = '.alloclab.json'

/** What is read first, to refuse another kind of file or another version before anything else. */
export const ExperimentFileHeadSchema = z.object({
  format: z.string().max(100),
  version: z.number()
})

const IsoTime = z.iso.datetime()

/** Compressed bytes in a file: zlib, then base64; `bytes` is their size once inflated. */
const CompressedSchema = {
  encoding: z.literal('zlib-base64'),
  bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  data: z.base64()
}

export const ExperimentFileTimelineSchema = z.discriminatedUnion('state', [
  z
    .object({ state: z.literal('kept'), format: z.number().int().min(1), ...CompressedSchema })
    .strict(),
  z
    .object({
      state: z.enum(['dropped', 'none']),
      /** Bytes the timeline took in memory; nothing more of it is in the file. */
      bytes: z.number().int().min(0)
    })
    .strict()
])

export const ExperimentFileRunSchema = z
  .object({
    config: z
      .number()
      .int()
      .min(0)
      .max(MAX_CONFIGS - 1),
    spec: z.string().min(1).max(1000),
    label: z.string().min(1).max(1000),
    family: z.string().min(1).max(100),
    status: EndStatusSchema,
    summary: RunSummarySchema.nullable(),
    final: FinalStateSchema.nullable(),
    error: ConfigErrorSchema.nullable(),
    recordedBy: RecordedBySchema,
    timeline: ExperimentFileTimelineSchema
  })
  .strict()

export const ExperimentFileSchema = z
  .object({
    format: z.literal(EXPERIMENT_FILE_FORMAT),
    version: z.literal(EXPERIMENT_FILE_VERSION),
    exportedAt: IsoTime,
    /** The AllocLab that wrote the file. */
    exportedBy: z
      .object({ app: z.string().max(64) })
      .extend(RecordedBySchema.shape)
      .strict(),
    experiment: z
      .object({
        name: ExperimentNameSchema,
        notes: NotesSchema,
        tags: TagsSchema,
        createdAt: IsoTime,
        updatedAt: IsoTime,
        scenario: z.string().max(MAX_SCENARIO_CHARS),
        /** Requests in the compiled scenario. */
        requests: z.number().int().min(0),
        configurations: z.array(ExperimentConfigurationSchema).min(1).max(MAX_CONFIGS),
        replayState: ReplayStateSchema
      })
      .strict(),
    /** The compiled program the kept timelines read; null when the file keeps none. */
    program: z
      .object({ format: z.number().int().min(1), ...CompressedSchema })
      .strict()
      .nullable(),
    runs: z.array(ExperimentFileRunSchema).min(1).max(MAX_CONFIGS)
  })
  .strict()
  .superRefine((file, ctx) => {
    const configurations = file.experiment.configurations.length
    if (file.runs.length !== configurations) {
      ctx.addIssue({
        code: 'custom',
        path: ['runs'],
        message: `there are ${file.runs.length} runs for ${configurations} configurations`
      })
    }
    file.runs.forEach((run, index) => {
      if (run.config !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['runs', index, 'config'],
          message: `run ${index} says it is configuration ${run.config}`
        })
      }
      if (run.timeline.state === 'kept' && file.program === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['program'],
          message: 'a timeline is kept, but the program it was recorded against is missing'
        })
      }
    })
  })
export type ExperimentFile = z.infer<typeof ExperimentFileSchema>
export type ExperimentFileRun = z.infer<typeof ExperimentFileRunSchema>
