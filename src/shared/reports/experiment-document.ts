/**
 * The JSON export of a run or an experiment (`*.alloclab.json`): everything
 * needed to read its results elsewhere, or to run it again — the scenario
 * text and the canonical allocator specs reproduce every figure exactly on
 * the same engine version. Written by src/main/reports/experiment-json.ts;
 * the experiments library imports it with this same schema.
 *
 * Compatibility: `format` never changes; `version` is bumped whenever a field
 * changes meaning or a required field is added, and readers refuse versions
 * newer than the one they know. Optional fields may be added within a version.
 */
import { z } from 'zod'
import {
  ConfigErrorSchema,
  FinalStateSchema,
  MAX_CONFIGS,
  MAX_SCENARIO_CHARS,
  MetricsOutput
} from '../run-schemas'
import { RunSummarySchema } from '../vocabulary/run-summary'
import { RunStatusSchema } from '../vocabulary/run-statuses'

export const EXPERIMENT_FORMAT = 'alloclab-experiment'
export const EXPERIMENT_FORMAT_VERSION = 1
/** How a file holding one document is named, e.g. `fragmentation.alloclab.json`. */
export const EXPERIMENT_FILE_SUFFIX = '.alloclab.json'

/** What a person says about an experiment; a bare run has its title as name and nothing else. */
export const ExperimentFieldsSchema = z
  .object({
    name: z.string().max(200),
    notes: z.string().max(100_000),
    tags: z.array(z.string().min(1).max(100)).max(100)
  })
  .strict()
export type ExperimentFields = z.infer<typeof ExperimentFieldsSchema>

const ConfigIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_CONFIGS - 1)

/** One allocator configuration: its canonical spec (`label`) reproduces it. */
export const DocumentConfigurationSchema = z
  .object({ config: ConfigIndex, label: z.string().min(1), family: z.string().min(1) })
  .strict()

/** What one configuration's run gave; `summary` and `final` are null when it gave nothing. */
export const DocumentRunSchema = z
  .object({
    config: ConfigIndex,
    status: RunStatusSchema,
    /** Requests executed, out of `total` (fewer when cancelled or failed). */
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    summary: RunSummarySchema.nullable(),
    final: FinalStateSchema.nullable(),
    error: ConfigErrorSchema.nullable()
  })
  .strict()

/**
 * Downsampled metric columns of one configuration, as `timeline:metrics`
 * answers them (min and max per bucket). Only with `includeTimelines`.
 */
export const DocumentTimelineSchema = z
  .object({ config: ConfigIndex, metrics: MetricsOutput })
  .strict()

export const ExperimentDocumentSchema = z
  .object({
    format: z.literal(EXPERIMENT_FORMAT),
    version: z.literal(EXPERIMENT_FORMAT_VERSION),
    /** Who wrote it: the figures are exact for this engine version. */
    producer: z
      .object({ app: z.literal('AllocLab'), appVersion: z.string(), engineVersion: z.string() })
      .strict(),
    /** ISO 8601 time of the export. */
    exportedAt: z.iso.datetime({ offset: true }),
    experiment: ExperimentFieldsSchema,
    scenario: z
      .object({
        /** The scenario's own name (its `name` line) or the title the run was given. */
        title: z.string(),
        text: z.string().max(MAX_SCENARIO_CHARS),
        requests: z.number().int().min(0)
      })
      .strict(),
    configurations: z.array(DocumentConfigurationSchema).min(1).max(MAX_CONFIGS),
    /** In configuration order, one per configuration. */
    runs: z.array(DocumentRunSchema).min(1).max(MAX_CONFIGS),
    timelines: z.array(DocumentTimelineSchema).max(MAX_CONFIGS).optional()
  })
  .strict()
  .refine((doc) => doc.runs.length === doc.configurations.length, {
    message: 'runs must hold one entry per configuration',
    path: ['runs']
  })
export type ExperimentDocument = z.infer<typeof ExperimentDocumentSchema>
