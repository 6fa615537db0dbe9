/**
 * Schemas of the run and timeline calls (issue 6). Every count, width and
 * window is bounded, so no call can ask the service for unbounded work.
 */
import { z } from 'zod'
import { MAP_STATES } from './vocabulary/map-states'

/** About twenty million requests of text; JavaScript strings top out near 512 Mi characters. */
export const MAX_SCENARIO_CHARS = 256 * 1024 * 1024
export const MAX_CONFIGS = 16
export const MAX_EVENT_WINDOW = 10_000
export const MAX_METRIC_POINTS = 10_000
export const MAX_MAP_WIDTH = 8192

const Step = z.number().int().min(0)
const RunId = z.string().min(1).max(64)
const ConfigIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_CONFIGS - 1)

export const RUN_STATUSES = ['queued', 'running', 'done', 'cancelled', 'failed'] as const
export { MAP_STATES }

export const RunStartInput = z
  .object({
    scenario: z.string().max(MAX_SCENARIO_CHARS, {
      message: `the scenario is longer than ${MAX_SCENARIO_CHARS / 1024 / 1024} Mi characters; split it into smaller scenarios`
    }),
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
    configs: z.array(
      z.object({ config: ConfigIndex, label: z.string(), family: z.string() }).strict()
    )
  })
  .strict()

export const RunRef = z.object({ runId: RunId }).strict()

export const RunCancelOutput = z.object({ runId: RunId, cancelled: z.number().int() }).strict()

const Numbers = z.record(z.string(), z.number())

export const ConfigSummarySchema = z
  .object({
    config: ConfigIndex,
    label: z.string(),
    family: z.string(),
    status: z.enum(RUN_STATUSES),
    done: z.number().int(),
    total: z.number().int(),
    /** The run summary's figures (requests, failures, metrics.*, cost.*, timing.*), flattened. */
    summary: Numbers.nullable(),
    error: z.object({ kind: z.string(), message: z.string() }).strict().nullable(),
    timelineBytes: z.number().int()
  })
  .strict()

export const RunSummaryOutput = z
  .object({
    runId: RunId,
    requests: z.number().int(),
    status: z.enum(RUN_STATUSES),
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

export const STRUCTURAL_COUNT_KINDS = [
  'split',
  'merge',
  'slabGrown',
  'slabReaped',
  'ctorCalls',
  'ctorSaved',
  'copied'
] as const

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
    status: z.enum(['ok', 'no-memory', 'fragmented', 'invalid', 'noop']),
    reason: z.string().nullable(),
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
    columns: z.array(z.string().min(1).max(64)).max(64).optional()
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
          name: z.string(),
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
            state: z.enum(MAP_STATES),
            handle: z.string().nullable()
          })
          .strict()
      )
      .nullable(),
    pixels: z
      .object({
        width: z.number().int(),
        bytesPerPixel: z.number(),
        dominant: z.array(z.enum(MAP_STATES)),
        mixed: z.array(z.boolean())
      })
      .strict()
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
    status: z.enum(['done', 'cancelled', 'failed']),
    error: z.object({ kind: z.string(), message: z.string() }).strict().nullable()
  })
  .strict()

export const RunFinishedEvent = z
  .object({ runId: RunId, status: z.enum(['done', 'cancelled', 'failed']) })
  .strict()
