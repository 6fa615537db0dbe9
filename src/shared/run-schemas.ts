/**
 * Schemas of the run and timeline calls (issue 6). Every count, width and
 * window is bounded, so no call can ask the service for unbounded work.
 */
import { z } from 'zod'
import { LabErrorSchema, LabMessageSchema } from './lab-error'
import { REQUEST_WORDS } from './scenario/keywords'
import { PIXEL_MIXED_PATTERN, PIXEL_STATES_PATTERN } from './timeline/map-pixel-text'
import { MAP_STATES, MapStateSchema } from './vocabulary/map-states'
import { MetricNameSchema } from './vocabulary/metrics'
import {
  FailureCauseSchema,
  InvalidReasonSchema,
  RequestStatusSchema
} from './vocabulary/request-statuses'
import {
  EndStatusSchema,
  RUN_STATUSES,
  RunStatusSchema,
  WorkerFailureKindSchema
} from './vocabulary/run-statuses'
import { RunSummarySchema } from './vocabulary/run-summary'
import { STRUCTURAL_COUNT_KINDS } from './vocabulary/structural-kinds'

export { MAP_STATES, RUN_STATUSES, STRUCTURAL_COUNT_KINDS }

/** About twenty million requests of text; JavaScript strings top out near 512 Mi characters. */
export const MAX_SCENARIO_CHARS = 256 * 1024 * 1024
export const MAX_CONFIGS = 16
export const MAX_EVENT_WINDOW = 10_000
export const MAX_METRIC_POINTS = 10_000
export const MAX_MAP_WIDTH = 8192
/** Scenario warnings a run:start answer carries, and errors a refused one does (causes). */
export const MAX_WARNINGS = 100
/** Most steps one timeline:find answers with. */
export const MAX_FIND_LIMIT = 1000
/** Most questions one timeline:step carries: a map, the structures and the events of every configuration, twice over. */
export const MAX_STEP_QUESTIONS = 6 * MAX_CONFIGS

const Step = z.number().int().min(0)
const RunId = z.string().min(1).max(64)
const ConfigIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_CONFIGS - 1)

export const RunStartInput = z
  .object({
    scenario: z.string().max(MAX_SCENARIO_CHARS, {
      message: `the scenario is longer than ${MAX_SCENARIO_CHARS / 1024 / 1024} Mi characters; split it into smaller scenarios`
    }),
    /** How the window names the run (the scenario's `name` when left out). */
    title: z.string().max(200).optional(),
    allocators: z.array(z.string().min(1).max(1000)).min(1).max(MAX_CONFIGS),
    /** Check every invariant after every request. */
    check: z.boolean().optional(),
    /** Record a seekable timeline (default true). */
    record: z.boolean().optional(),
    keyframeInterval: z
      .number()
      .int()
      .min(1)
      .max(1 << 20)
      .optional(),
    metricStride: z
      .number()
      .int()
      .min(1)
      .max(1 << 20)
      .optional()
  })
  .strict()

export const RunStartOutput = z
  .object({
    runId: RunId,
    /** Requests in the compiled scenario (what each config's progress counts up to). */
    requests: z.number().int().min(0),
    configs: z.array(
      z.object({ config: ConfigIndex, label: z.string(), family: z.string() }).strict()
    ),
    /** The scenario's warnings (with line, column and code); they did not stop the run. */
    warnings: z.array(LabMessageSchema).max(MAX_WARNINGS)
  })
  .strict()

export const RunRef = z.object({ runId: RunId }).strict()

/**
 * How long a view keeps its run from being closed to make room: the Replay
 * view calls run:view when it opens a run and again well within this time.
 */
export const VIEW_LEASE_MS = 2 * 60 * 1000

export const RunViewOutput = z.object({ runId: RunId, leaseMs: z.number().int().min(1) }).strict()

export const RunCancelOutput = z.object({ runId: RunId, cancelled: z.number().int() }).strict()

/** Why a configuration's run gave no result, translatable where it is shown. */
export const ConfigErrorSchema = z
  .object({ kind: WorkerFailureKindSchema, key: z.string(), params: LabMessageSchema.shape.params })
  .strict()

/** The allocator's structures after the last request: what `--json` prints under `final`. */
export const FinalStateSchema = z
  .object({
    freeList: z.array(z.object({ addr: z.number(), size: z.number() }).strict()).optional(),
    buddyinfo: z.array(z.number().int()).optional(),
    slabinfo: z
      .array(
        z
          .object({
            name: z.string(),
            activeObjs: z.number().int(),
            numObjs: z.number().int(),
            objSize: z.number(),
            objPerSlab: z.number().int(),
            pagesPerSlab: z.number().int(),
            activeSlabs: z.number().int(),
            numSlabs: z.number().int()
          })
          .strict()
      )
      .optional()
  })
  .strict()

export const ConfigSummarySchema = z
  .object({
    config: ConfigIndex,
    label: z.string(),
    family: z.string(),
    status: RunStatusSchema,
    done: z.number().int(),
    total: z.number().int(),
    summary: RunSummarySchema.nullable(),
    final: FinalStateSchema.nullable(),
    error: ConfigErrorSchema.nullable(),
    timelineBytes: z.number().int()
  })
  .strict()

export const RunSummaryOutput = z
  .object({
    runId: RunId,
    title: z.string(),
    requests: z.number().int(),
    status: RunStatusSchema,
    configs: z.array(ConfigSummarySchema)
  })
  .strict()

export const EventsInput = z
  .object({
    runId: RunId,
    config: ConfigIndex,
    from: Step,
    count: z.number().int().min(1).max(MAX_EVENT_WINDOW)
  })
  .strict()

/** How many times something happened during one request. */
export const StructuralCountSchema = z
  .object({ kind: z.enum(STRUCTURAL_COUNT_KINDS), count: z.number() })
  .strict()

/** A heap block: absolute address of its first byte (header included) and its size in bytes. */
export const HeapBlockSchema = z.object({ addr: z.number(), size: z.number() }).strict()
/** A buddy block: its first page frame and its order (2^order frames). */
export const BuddyBlockSchema = z
  .object({ frame: z.number().int(), order: z.number().int() })
  .strict()

/**
 * Heap: the freed block joined the free block(s) touching it, the one just
 * below and/or just above it (listed in address order), giving `result`.
 */
export const CoalescedSchema = z
  .object({
    kind: z.literal('coalesced'),
    freed: HeapBlockSchema,
    with: z
      .array(
        z.object({ side: z.enum(['below', 'above']), addr: z.number(), size: z.number() }).strict()
      )
      .min(1)
      .max(2),
    result: HeapBlockSchema
  })
  .strict()

/** Heap: `block` was cut; the request kept its front and `remainder` was left free. */
export const SplitRemainderSchema = z
  .object({ kind: z.literal('splitRemainder'), block: HeapBlockSchema, remainder: HeapBlockSchema })
  .strict()

/**
 * Buddy: the free `block` was halved down to `result`; each upper half went
 * to the free list of its order, largest first.
 */
export const BuddySplitSchema = z
  .object({
    kind: z.literal('buddySplit'),
    block: BuddyBlockSchema,
    halves: z.array(BuddyBlockSchema).max(64),
    result: BuddyBlockSchema
  })
  .strict()

/** Buddy: the freed block merged with each buddy in `buddies`, in order, giving `result`. */
export const BuddyMergedSchema = z
  .object({
    kind: z.literal('buddyMerged'),
    freed: BuddyBlockSchema,
    buddies: z.array(BuddyBlockSchema).max(64),
    result: BuddyBlockSchema
  })
  .strict()

/** Which blocks a request cut or joined, in the order the allocator did it. */
export const StructuralDetailSchema = z.discriminatedUnion('kind', [
  CoalescedSchema,
  SplitRemainderSchema,
  BuddySplitSchema,
  BuddyMergedSchema
])
export type StructuralDetail = z.infer<typeof StructuralDetailSchema>

/** Counts first, then the blocks involved (heap and buddy families). */
export const StructuralEventSchema = z.union([StructuralCountSchema, StructuralDetailSchema])

export const TimelineEventSchema = z
  .object({
    step: z.number().int(),
    line: z.number().int(),
    op: z.string(),
    handle: z.string().nullable(),
    cache: z.string().nullable(),
    size: z.number(),
    status: RequestStatusSchema,
    reason: InvalidReasonSchema.nullable(),
    addr: z.number(),
    frame: z.number(),
    requested: z.number(),
    granted: z.number(),
    cost: z
      .object({
        examined: z.number(),
        splits: z.number(),
        merges: z.number(),
        ctorCalls: z.number(),
        ctorSaved: z.number(),
        workUnits: z.number(),
        copied: z.number()
      })
      .strict(),
    structural: z.array(StructuralEventSchema)
  })
  .strict()

export type TimelineEvent = z.infer<typeof TimelineEventSchema>

export const EventsOutput = z
  .object({ from: z.number().int(), total: z.number().int(), events: z.array(TimelineEventSchema) })
  .strict()

export const MetricsInput = z
  .object({
    runId: RunId,
    config: ConfigIndex,
    from: Step,
    to: Step,
    maxPoints: z.number().int().min(1).max(MAX_METRIC_POINTS),
    /** Column names (DESIGN.md §5); all when left out. */
    columns: z.array(MetricNameSchema).max(64).optional()
  })
  .strict()
  .refine((input) => input.to > input.from, {
    message: 'to must be greater than from',
    path: ['to']
  })

export const MetricsOutput = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    bucketSize: z.number().int(),
    columns: z.array(
      z
        .object({
          name: MetricNameSchema,
          /** Requests between two values: 1 for per-request columns, the sample stride otherwise. */
          stride: z.number().int(),
          start: z.array(z.number()),
          min: z.array(z.number()),
          max: z.array(z.number())
        })
        .strict()
    )
  })
  .strict()

export const MapInput = z
  .object({
    runId: RunId,
    config: ConfigIndex,
    /** The map after request `step` (-1: before the first). */
    step: z.number().int().min(-1),
    /** Downsample to this many pixels; exact ranges when left out. */
    width: z.number().int().min(1).max(MAX_MAP_WIDTH).optional()
  })
  .strict()

export const MapOutput = z
  .object({
    step: z.number().int(),
    poolBytes: z.number(),
    ranges: z
      .array(
        z
          .object({
            start: z.number(),
            length: z.number(),
            state: MapStateSchema,
            handle: z.string().nullable()
          })
          .strict()
      )
      .nullable(),
    /** Downsampled: per pixel the state with the most bytes and whether others share it (map-pixel-text.ts). */
    pixels: z
      .object({
        width: z.number().int(),
        bytesPerPixel: z.number(),
        dominant: z.string().regex(PIXEL_STATES_PATTERN),
        mixed: z.string().regex(PIXEL_MIXED_PATTERN)
      })
      .strict()
      .refine((pixels) => pixels.dominant.length === pixels.width, {
        message: 'dominant must hold one state per pixel',
        path: ['dominant']
      })
      .refine((pixels) => pixels.mixed.length === pixels.width, {
        message: 'mixed must hold one flag per pixel',
        path: ['mixed']
      })
      .nullable()
  })
  .strict()

export const StructuresInput = z
  .object({ runId: RunId, config: ConfigIndex, step: z.number().int().min(-1) })
  .strict()

export const StructuresOutput = z
  .object({
    step: z.number().int(),
    family: z.string(),
    freeList: z.array(z.object({ addr: z.number(), size: z.number() }).strict()).nullable(),
    rover: z.number().nullable(),
    freeAreas: z
      .array(z.object({ order: z.number().int(), addresses: z.array(z.number()) }).strict())
      .nullable(),
    slabinfo: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).nullable(),
    caches: z
      .array(
        z
          .object({
            name: z.string(),
            objectSize: z.number(),
            objectsPerSlab: z.number(),
            pagesPerSlab: z.number(),
            slabs: z.array(
              z
                .object({
                  frame: z.number(),
                  addr: z.number(),
                  list: z.enum(['full', 'partial', 'empty']),
                  inUse: z.number(),
                  objects: z.string()
                })
                .strict()
            )
          })
          .strict()
      )
      .nullable()
  })
  .strict()

/**
 * One question of a timeline:step: what timeline:map, timeline:structures
 * or timeline:events would be asked, less the run (the batch names it once).
 */
export const StepQuestion = z.discriminatedUnion('kind', [
  MapInput.omit({ runId: true })
    .extend({ kind: z.literal('map') })
    .strict(),
  StructuresInput.omit({ runId: true })
    .extend({ kind: z.literal('structures') })
    .strict(),
  EventsInput.omit({ runId: true })
    .extend({ kind: z.literal('events') })
    .strict()
])
export type StepQuestion = z.infer<typeof StepQuestion>

/**
 * Everything Replay's panels ask when the step changes, as one call: one
 * round trip instead of one per panel, and the service answers the
 * questions that replay an engine in the order that never sends it back.
 */
export const StepInput = z
  .object({ runId: RunId, questions: z.array(StepQuestion).min(1).max(MAX_STEP_QUESTIONS) })
  .strict()

/** Each question's answer, in the order asked; one that failed says why without failing the rest. */
export const StepAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('map'), map: MapOutput }).strict(),
  z.object({ kind: z.literal('structures'), structures: StructuresOutput }).strict(),
  z.object({ kind: z.literal('events'), events: EventsOutput }).strict(),
  z.object({ kind: z.literal('error'), error: LabErrorSchema }).strict()
])
export type StepAnswer = z.infer<typeof StepAnswer>

export const StepOutput = z.object({ answers: z.array(StepAnswer) }).strict()

export const RunProgressEvent = z
  .object({
    runId: RunId,
    config: ConfigIndex,
    done: z.number().int(),
    total: z.number().int(),
    elapsedMs: z.number(),
    /** Requests per second so far. */
    rate: z.number()
  })
  .strict()

export const RunEndedEvent = z
  .object({
    runId: RunId,
    config: ConfigIndex,
    status: EndStatusSchema,
    error: ConfigErrorSchema.nullable()
  })
  .strict()

export const RunFinishedEvent = z.object({ runId: RunId, status: EndStatusSchema }).strict()

/** A request word of the scenario language, as timeline events name the op. */
const RequestWord = z
  .string()
  .refine((word) => REQUEST_WORDS.includes(word), { message: 'not a request word' })

/**
 * Events a search can stop at (the window's breakpoints). `merge` is a
 * buddy merge (page families), `coalesce` a heap one; `placed` is a request
 * that gave a handle memory (with a handle: the step that made its block).
 */
export const FIND_EVENT_KINDS = [
  'failure',
  'split',
  'merge',
  'coalesce',
  'slabGrown',
  'slabReaped',
  'placed'
] as const
export type FindEventKind = (typeof FIND_EVENT_KINDS)[number]

const FindEventCondition = z
  .object({
    kind: z.enum(FIND_EVENT_KINDS),
    /** `failure` only: one cause of the two. */
    cause: FailureCauseSchema.optional(),
    /** `merge` only: the merged block reached at least this order. */
    minOrder: z.number().int().min(0).max(30).optional()
  })
  .strict()

/** Requests by word and outcome (each list: any of; left out: all), as the event log filters them. */
const FindRequestCondition = z
  .object({
    kind: z.literal('request'),
    ops: z.array(RequestWord).max(REQUEST_WORDS.length).optional(),
    statuses: z.array(RequestStatusSchema).max(8).optional()
  })
  .strict()

/**
 * A metric crossing a value: `above` stops where it goes from at most
 * `value` to more than it, `below` where it goes from at least `value` to
 * less. Before the first request every metric stands at its initial value.
 */
const FindMetricCondition = z
  .object({
    kind: z.literal('metric'),
    metric: MetricNameSchema,
    crossing: z.enum(['above', 'below']),
    value: z.number().finite()
  })
  .strict()

export const FindConditionSchema = z.union([
  FindEventCondition,
  FindRequestCondition,
  FindMetricCondition
])
export type FindCondition = z.infer<typeof FindConditionSchema>

export const FindInput = z
  .object({
    runId: RunId,
    config: ConfigIndex,
    /** Where the search starts, included: forward looks at steps ≥ from, backward at steps ≤ from. */
    from: Step,
    direction: z.enum(['forward', 'backward']),
    condition: FindConditionSchema,
    /** Only requests naming this handle (event and request conditions). */
    handle: z.string().min(1).max(200).optional(),
    /** Matches to return, in search order (default 1). */
    limit: z.number().int().min(1).max(MAX_FIND_LIMIT).optional(),
    /** Matches to pass over before the first one returned (default 0). */
    skip: z.number().int().min(0).optional()
  })
  .strict()
  .refine((input) => input.handle === undefined || input.condition.kind !== 'metric', {
    message: 'a metric condition cannot be limited to one handle',
    path: ['handle']
  })

export const FindOutput = z
  .object({
    /** The first match in search order, null when there is none. */
    step: z.number().int().nullable(),
    /** Every match returned, in search order. */
    steps: z.array(z.number().int()),
    /**
     * Requests between two values the search could see: 1 for events and
     * per-request metrics; for a sampled metric, the sample stride (the
     * crossing happened in the `stride` requests up to `step`).
     */
    stride: z.number().int().min(1),
    /** Matches in the whole timeline, when the record alone decides them (null otherwise). */
    total: z.number().int().nullable(),
    /** How many matches come before `step` in step order (null with `total`, or without a match). */
    index: z.number().int().nullable()
  })
  .strict()
