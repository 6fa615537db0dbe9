/**
 * What one request did. The runner owns a single RequestOutcome and every
 * target overwrites its fields in place, so the hot loop allocates nothing.
 */

/** How a request ended. */
export const Status = {
  Ok: 0,
  /** Total free memory was smaller than the request. */
  FailNoMemory: 1,
  /** Enough memory was free in total, but no single free block was big enough. */
  FailFragmented: 2,
  /** The request made no sense here: free of an empty handle, alloc into a live handle, unknown cache... */
  Invalid: 3,
  /** The request means nothing to this family (e.g. cache shrink on a heap) and was skipped. */
  NoOp: 4
} as const
export type StatusCode = (typeof Status)[keyof typeof Status]

/** Why an Invalid request was refused; the text lives in i18n under `engine.invalid.*`. */
export const InvalidReason = {
  None: 0,
  HandleEmpty: 1,
  HandleLive: 2,
  UnknownCache: 3,
  CacheHasLiveObjects: 4,
  CacheExists: 5,
  TooLarge: 6,
  WrongKind: 7
} as const
export type InvalidReasonCode = (typeof InvalidReason)[keyof typeof InvalidReason]

export class RequestOutcome {
  status: StatusCode = Status.Ok
  invalidReason: InvalidReasonCode = InvalidReason.None
  /** Byte address of the block's first byte (header included), or -1. */
  addr = -1
  /** First page-frame number for page families, or -1. */
  frame = -1
  /** Bytes the user asked for. */
  requested = 0
  /** Bytes the allocator set aside (with header, alignment, rounding). */
  granted = 0
  /** Free-list entries (or list heads) examined to find a fit. */
  examined = 0
  /** Blocks split to serve the request. */
  splits = 0
  /** Merges/coalesces done while freeing. */
  merges = 0
  /** Constructor calls made by this request. */
  ctorCalls = 0
  /** Constructor calls avoided because an object kept its constructed state. */
  ctorSaved = 0
  /** Constructor + destructor work units paid. */
  workUnits = 0
  /** Slabs created (grown) by this request. */
  slabsGrown = 0
  /** Slabs given back to the page allocator by this request. */
  slabsReaped = 0
  /** Bytes copied (realloc that moved). */
  copied = 0

  /** The request made no sense here: Invalid, for `reason`. */
  refuse(reason: InvalidReasonCode): void {
    this.status = Status.Invalid
    this.invalidReason = reason
  }

  reset(): void {
    this.status = Status.Ok
    this.invalidReason = InvalidReason.None
    this.addr = -1
    this.frame = -1
    this.requested = 0
    this.granted = 0
    this.examined = 0
    this.splits = 0
    this.merges = 0
    this.ctorCalls = 0
    this.ctorSaved = 0
    this.workUnits = 0
    this.slabsGrown = 0
    this.slabsReaped = 0
    this.copied = 0
  }
}

/**
 * Told which blocks a request cut or joined, so the timeline can explain a
 * step in words. Only the replay that explains a window of requests installs
 * one; allocators test it for null and pay nothing more when it is absent.
 * Heap blocks are absolute addresses and byte sizes (tags included); buddy
 * blocks are first frames and orders.
 */
export interface StructureTrace {
  /**
   * A heap block [addr, addr + size) was cut in two: the request keeps the
   * front and [remainderAddr, remainderAddr + remainderSize) is left free.
   */
  heapSplit(addr: number, size: number, remainderAddr: number, remainderSize: number): void
  /**
   * The heap block [addr, addr + size) was freed and coalesced with the free
   * block of `belowSize` bytes that ends at addr and/or the one of `aboveSize`
   * bytes that starts at its end (0 when that neighbour did not join).
   */
  heapCoalesced(addr: number, size: number, belowSize: number, aboveSize: number): void
  /**
   * The free buddy block at `frame` of `fromOrder` was split down to
   * `toOrder`: the request keeps the lowest part and each upper half goes to
   * the free list one order below the block it came from.
   */
  buddySplit(frame: number, fromOrder: number, toOrder: number): void
  /**
   * The block at `frame` of `order` was freed and merged with its buddy, and
   * the result with its buddy, up to the block at `resultFrame` of `resultOrder`.
   */
  buddyMerged(frame: number, order: number, resultFrame: number, resultOrder: number): void
}
