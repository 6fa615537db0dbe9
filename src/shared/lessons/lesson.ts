/**
 * A built-in lesson: a scenario, the allocators to run it on (one pane each)
 * and explanations anchored to steps of the replay. Every text is an i18n
 * key under `lessons.*`; every number a text names can be written down as a
 * `fact` about its step, and the tests run each lesson through the real
 * engine and check every fact, so a lesson never says something the engine
 * does not do. A lesson is plain data: the window opens it read-only, and
 * copying it into an experiment needs nothing but `scenario` and the specs.
 */
import type { MetricName } from '../vocabulary/metrics'
import type { RequestStatus } from '../vocabulary/request-statuses'
import type { CostTotals } from '../vocabulary/run-summary'

export const LESSON_LEVELS = ['basic', 'intermediate', 'advanced'] as const
export type LessonLevel = (typeof LESSON_LEVELS)[number]

export const LESSON_TOPICS = [
  'tradeOff',
  'heapFits',
  'fragmentation',
  'freeList',
  'coalescing',
  'buddy',
  'slab'
] as const
export type LessonTopic = (typeof LESSON_TOPICS)[number]

export interface Lesson {
  /** Stable id, used in links and when a copy remembers where it came from. */
  readonly id: string
  readonly titleKey: string
  /** One or two sentences for the Lessons list: what the student will see. */
  readonly summaryKey: string
  readonly level: LessonLevel
  readonly topics: readonly LessonTopic[]
  /** Scenario-language text (docs/scenario-language.md); compiles with no errors and no warnings. */
  readonly scenario: string
  /** One configuration per pane, in pane order; anchors name them by index. */
  readonly allocators: readonly LessonAllocator[]
  /** In replay order: by step, then as listed. */
  readonly anchors: readonly LessonAnchor[]
}

export interface LessonAllocator {
  /** An allocator spec, `family:key=value,...` (docs/allocators.md). */
  readonly spec: string
  /** A short pane label saying what sets this configuration apart. */
  readonly labelKey: string
}

/** Before the first request: what a step of -1 means. */
export const BEFORE_FIRST_REQUEST = -1

export interface LessonAnchor {
  /** 0-based request index; the text shows once that request has run. -1: before the first request. */
  readonly step: number
  /** Index into `allocators` of the pane the text talks about, or 'all'. */
  readonly config: number | 'all'
  readonly textKey: string
  /** Checked against the run of every configuration the anchor talks about. */
  readonly facts?: readonly LessonFact[]
}

export type LessonFact =
  | RequestFact
  | MetricFact
  | PeakFact
  | TotalFact
  | FreeListFact
  | RoverFact
  | FreeAreasFact
  | FreeBlocksFact
  | SlabListsFact

/** Narrows a fact of an anchor about several panes to one of them (an index into `allocators`). */
export interface FactScope {
  readonly config?: number
}

/** What the anchored request did, as the event log shows it; only the fields given are checked. */
export interface RequestFact extends FactScope {
  readonly kind: 'request'
  readonly status?: RequestStatus
  /** The block's first byte, header included (page families: frame × page size). */
  readonly addr?: number
  readonly frame?: number
  readonly granted?: number
  readonly examined?: number
  readonly splits?: number
  readonly merges?: number
  readonly ctorCalls?: number
  readonly ctorSaved?: number
  readonly slabsGrown?: number
  readonly slabsReaped?: number
}

/**
 * A metric's value right after the step. Ratios match to within half a
 * percentage point, the precision a text rounding to whole percent needs.
 */
export interface MetricFact extends FactScope {
  readonly kind: 'metric'
  readonly metric: MetricName
  readonly value: number
}

/** The highest value a metric had from the first request up to this step, and the step first reaching it. */
export interface PeakFact extends FactScope {
  readonly kind: 'peak'
  readonly metric: MetricName
  readonly value: number
  readonly step: number
}

export type CostCounter = keyof CostTotals

/** A cost counter summed over every request up to and including this step. */
export interface TotalFact extends FactScope {
  readonly kind: 'total'
  readonly counter: CostCounter
  readonly value: number
}

/** A heap's whole free list in list order, as [address, size] pairs. */
export interface FreeListFact extends FactScope {
  readonly kind: 'freeList'
  readonly entries: readonly (readonly [addr: number, size: number])[]
}

/** Where next-fit's next search starts (an address; -1 = at the head). */
export interface RoverFact extends FactScope {
  readonly kind: 'rover'
  readonly addr: number
}

/** Free blocks per buddy order, index = order (the buddyinfo row). */
export interface FreeAreasFact extends FactScope {
  readonly kind: 'freeAreas'
  readonly counts: readonly number[]
}

/** The first frames of the free blocks of one order, in free-list order. */
export interface FreeBlocksFact extends FactScope {
  readonly kind: 'freeBlocks'
  readonly order: number
  readonly frames: readonly number[]
}

/** How many slabs of a cache sit on its full, partial and empty lists. */
export interface SlabListsFact extends FactScope {
  readonly kind: 'slabs'
  readonly cache: string
  readonly full: number
  readonly partial: number
  readonly empty: number
}

/** The i18n keys of one lesson, all under `lessons.<name>`. */
export function lessonKeys(name: string): {
  readonly title: string
  readonly summary: string
  readonly config: (key: string) => string
  readonly anchor: (key: string) => string
} {
  const root = `lessons.${name}`
  return {
    title: `${root}.title`,
    summary: `${root}.summary`,
    config: (key) => `${root}.config.${key}`,
    anchor: (key) => `${root}.anchor.${key}`
  }
}

export function lessonLevelKey(level: LessonLevel): string {
  return `lessons.level.${level}`
}

export function lessonTopicKey(topic: LessonTopic): string {
  return `lessons.topic.${topic}`
}
