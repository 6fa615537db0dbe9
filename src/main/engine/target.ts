import type { RequestOutcome } from './outcome'

/**
 * The one interface every allocator family offers the runner. A target maps
 * scenario requests (see `Op` in @shared/scenario/program) onto its own
 * allocator's real calls (malloc/free, alloc_pages/free_pages,
 * kmem_cache_alloc/kmalloc...) and keeps the handle table: which block each
 * handle holds. All of its state lives in typed arrays over its frame pool.
 */
export interface ScenarioTarget {
  /** Family name as in allocator specs: first-fit, next-fit, best-fit, worst-fit, buddy, slab. */
  readonly family: string
  /**
   * Execute one request. `handle` is a handle id or -1, `aux` a cache id or
   * -1, `size` bytes (or an order for PageAlloc). Must call `out.reset()` first
   * and then fill the outcome. Never throws for a bad request: it reports
   * Status.Invalid with a reason.
   */
  execute(op: number, handle: number, aux: number, size: number, out: RequestOutcome): void
  /** Fill `out` with the current metrics (DESIGN.md §5 names). */
  metrics(out: MetricsSnapshot): void
  /** Full invariant check; throws InvariantFailure naming the broken rule and where. */
  check(): void
  /**
   * Visit the memory map in address order, as maximal runs:
   * byte offset from the pool start, length in bytes, MapState, owning handle id or -1.
   */
  walk(visit: MapVisitor): void
}

/** Visits one run of the memory map: byte offset, length, MapState, owning handle id or -1. */
export type MapVisitor = (
  start: number,
  length: number,
  state: MapStateCode,
  handle: number
) => void

/** States a memory-map run can have. */
export const MapState = {
  Free: 0,
  /** Bytes the user asked for. */
  Used: 1,
  /** Headers, footers, slab descriptors: memory spent on managing memory. */
  Overhead: 2,
  /** Granted but not requested: alignment padding, rounding up (internal fragmentation). */
  Slack: 3,
  /** A slab object that is free but keeps its constructed state. */
  CachedObject: 4,
  /** Address space a growing heap may still obtain (past the break, up to its limit). */
  Unobtained: 5
} as const
export type MapStateCode = (typeof MapState)[keyof typeof MapState]

/** Metrics at one instant. Field names match DESIGN.md §5 everywhere. */
export class MetricsSnapshot {
  /** Size of the managed pool or arena in bytes. */
  poolBytes = 0
  /** Bytes users asked for that are live now. */
  requestedLive = 0
  /** Bytes set aside for live requests (headers, rounding, slack included). */
  allocatedLive = 0
  /** Free bytes (in free blocks, or free frames). */
  freeBytes = 0
  /** Number of free blocks. */
  freeBlocks = 0
  /** Size of the largest free block. */
  largestFree = 0
  /** Bytes of metadata: headers, footers, per-frame records, slab descriptors, side tables. */
  metadataBytes = 0
  /** Highest pool offset ever handed out, +1 (malloc-lab's heap high-water mark). */
  highWater = 0
  /** Largest requestedLive seen so far. */
  peakRequested = 0
  /** Live handles. */
  liveBlocks = 0
}
