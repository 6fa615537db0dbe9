import type { CompiledProgram } from '@shared/scenario/program'
import type { FramePool } from '../frame-pool'
import {
  InvalidReason as InvalidReasonCodes,
  Status as StatusCodes,
  type InvalidReasonCode,
  type RequestOutcome,
  type StructureTrace
} from '../outcome'
import { MapState, type MapStateCode, type MapVisitor, type MetricsSnapshot } from '../target'
import { FitPolicy as FitPolicies, ListOrder as ListOrders, type HeapConfig } from './heap-config'
import { HeapBlocks } from './heap-blocks'
import { HeapState } from './heap-layout'
import { InvariantFailure } from '../invariant-failure'

// Module-local aliases: transpiled imports are getter calls, too dear per request.
const S = HeapState
const Status = StatusCodes
const InvalidReason = InvalidReasonCodes
const FitPolicy = FitPolicies
const ListOrder = ListOrders

/**
 * The fit allocator itself: malloc, free and realloc over a byte arena with
 * one explicit free list and a handle table, written once against the block
 * accessors of HeapBlocks (boundary tags in the arena, or side records).
 *
 * Rules held exactly (the textbook's, plus the decisions DESIGN.md leaves open;
 * docs/allocators.md states each one for readers):
 *  - block needed = request rounded up to `align`, plus `header`, and never
 *    below the minimum block;
 *  - the free list is scanned in list order; first-fit takes the first entry
 *    big enough, best-fit the smallest, worst-fit the largest, ties to the
 *    first met; best and worst always scan the whole list. With `list=implicit`
 *    the scan visits every block, allocated or free, in address order instead,
 *    and `examined` counts blocks;
 *  - next-fit scans from its rover, wrapping at the tail. The rover is the
 *    list entry where the last allocation was made: after a split it is the
 *    remainder (which took the chosen entry's place), after an exact fit the
 *    entry that followed it. Whenever the rover's entry leaves the list the
 *    rover moves to the entry that followed (wrapping to the head), except
 *    when that entry merged into a freed block: then it moves to the merged
 *    block, which contains it. On an implicit list the rover is the block
 *    after the last allocation, and a block merged away hands it to the block
 *    that took it in;
 *  - a split gives the front to the request; the remainder keeps the chosen
 *    entry's list position. A remainder below `minRemainder` (the minimum
 *    block, or one byte with `split=any`) stays with the request as slack;
 *  - a growing heap that finds no fit extends itself by max(need, grow) bytes
 *    (rounded to the alignment) unless that passes `limit`; the new memory is
 *    freed like a block (so it coalesces with a free last block) and the
 *    request is carved from the block that holds it;
 *  - free: coalesce with the next then the previous physical neighbour when
 *    they are free (the neighbours leave the list), then insert the result by
 *    the order rule. Sorted orders put a block before the first entry that
 *    sorts after it, so equal keys keep arrival order; inserting costs the
 *    entries compared, reported as `examined`. With `resort`, a size-sorted
 *    list that splits or merges left out of order is first sorted again,
 *    stably (malloc.py sorts the whole list at every free). With `merge=list`
 *    the freed block is inserted first and then every list entry absorbs the
 *    entries after it that start where it ends (malloc.py's -C);
 *  - realloc shrinks in place (splitting off a tail of at least the smallest
 *    remainder, which is freed like any block), grows in place into a free next
 *    neighbour that is big enough (its remainder keeps its list position),
 *    and otherwise allocates, copies min(old, new) requested bytes and frees.
 *    With `realloc=move` it always does the last. A failed realloc leaves the
 *    old block where it was.
 */
export class FitHeap extends HeapBlocks {
  /** Handle id -> block id, -1 when the handle holds nothing. */
  protected readonly handleBlock: Int32Array
  /** Handle id -> bytes the user asked for. */
  protected readonly handleRequested: Int32Array
  /** Handle id -> the cache its object came from, -1 for plain requests (the target's ledger). */
  readonly handleCache: Int32Array
  /** Told about each split and coalesce while a timeline explains requests; null otherwise. */
  structureTrace: StructureTrace | null = null

  // Copies of the config for the hot path.
  private readonly policy: number
  private readonly order: number
  private readonly coalesce: boolean
  private readonly alignMask: number
  private readonly minRemainder: number
  private readonly resort: boolean
  private readonly listMerge: boolean
  private readonly implicit: boolean
  private readonly reallocMoves: boolean
  private readonly growBytes: number
  private readonly limitBytes: number
  /** A growing heap extends by whole multiples of this (the alignment, at least one tag word). */
  private readonly growUnit: number

  /** Carves the block metadata (HeapBlocks), then the handle table, in that order. */
  constructor(pool: FramePool, config: HeapConfig, program: CompiledProgram, fresh: boolean) {
    super(pool, config, program)
    this.policy = config.policy
    this.order = config.order
    this.coalesce = config.coalesce
    this.alignMask = config.align - 1
    this.minRemainder = config.minRemainder
    this.resort = config.resort
    this.listMerge = config.listMerge && config.coalesce
    this.implicit = config.implicit
    this.reallocMoves = config.reallocMoves
    this.growBytes = config.growBytes
    this.limitBytes = config.limitBytes
    this.growUnit = Math.max(config.align, config.meta === 'inband' ? config.wordBytes : 1)
    const handles = program.handles.length
    this.handleBlock = pool.int32(handles)
    this.handleRequested = pool.int32(handles)
    this.handleCache = pool.int32(handles)
    if (fresh) this.initialise()
    this.syncHeapEnd()
  }

  /** Only for a fresh pool: one free block spanning the arena, every handle empty. */
  private initialise(): void {
    const st = this.state
    st.fill(0)
    st[S.HEAD] = -1
    st[S.TAIL] = -1
    st[S.ROVER] = -1
    st[S.RECORD_FREE_TOP] = -1
    st[S.HEAP_END] = this.arenaBytes
    // A growing heap has obtained its first arena already: that is its high-water mark.
    if (this.growBytes > 0) st[S.HIGH_WATER] = this.arenaBytes
    this.handleBlock.fill(-1)
    this.handleRequested.fill(0)
    this.handleCache.fill(-1)
    this.syncHeapEnd()
    const arena = this.formatArena()
    st[S.BLOCK_COUNT] = 1
    st[S.FREE_BYTES] = this.blockSize(arena)
    this.insertBefore(arena, -1)
  }

  /** Bytes the heap has now: the arena, or more once a growing heap grew. */
  get heapBytes(): number {
    return this.state[S.HEAP_END]
  }

  // --- requests ---------------------------------------------------------------

  malloc(handle: number, size: number, out: RequestOutcome): void {
    if (handle < 0 || handle >= this.handleBlock.length || !(size >= 0)) {
      return refuse(out, InvalidReason.WrongKind)
    }
    if (this.handleBlock[handle] !== -1) return refuse(out, InvalidReason.HandleLive)
    const bytes = Math.ceil(size)
    out.requested = bytes
    const block = this.allocateBlock(this.neededFor(bytes), out)
    if (block === -1) return
    this.handleBlock[handle] = block
    this.handleRequested[handle] = bytes
    this.state[S.LIVE_HANDLES]++
    this.addRequested(bytes)
    out.addr = this.baseAddress + this.blockStart(block)
    out.granted = this.blockSize(block)
  }

  free(handle: number, out: RequestOutcome): void {
    if (handle < 0 || handle >= this.handleBlock.length || this.handleBlock[handle] === -1) {
      return refuse(out, InvalidReason.HandleEmpty)
    }
    const st = this.state
    const block = this.handleBlock[handle]
    const size = this.blockSize(block)
    const requested = this.handleRequested[handle]
    out.addr = this.baseAddress + this.blockStart(block)
    out.granted = size
    out.requested = requested
    this.handleBlock[handle] = -1
    this.handleRequested[handle] = 0
    st[S.LIVE_HANDLES]--
    st[S.ALLOCATED_BYTES] -= size
    st[S.REQUESTED_BYTES] -= requested
    this.releaseBlock(block, out)
  }

  realloc(handle: number, size: number, out: RequestOutcome): void {
    if (handle < 0 || handle >= this.handleBlock.length || this.handleBlock[handle] === -1) {
      return refuse(out, InvalidReason.HandleEmpty)
    }
    if (!(size >= 0)) return refuse(out, InvalidReason.WrongKind)
    const st = this.state
    const bytes = Math.ceil(size)
    out.requested = bytes
    const need = this.neededFor(bytes)
    let block = this.handleBlock[handle]
    const current = this.blockSize(block)
    if (this.reallocMoves) {
      block = this.moveBlock(handle, block, need, bytes, out)
      if (block === -1) return
    } else if (need <= current) {
      if (current - need >= this.minRemainder) {
        const tail = this.splitBack(block, need)
        st[S.BLOCK_COUNT]++
        st[S.ALLOCATED_BYTES] -= current - need
        out.splits++
        if (this.structureTrace !== null) this.traceSplit(block, current, need)
        this.releaseBlock(tail, out)
      }
    } else if (!this.growInPlace(block, need - current, out)) {
      block = this.moveBlock(handle, block, need, bytes, out)
      if (block === -1) return
    }
    st[S.REQUESTED_BYTES] -= this.handleRequested[handle]
    this.handleRequested[handle] = bytes
    this.addRequested(bytes)
    out.addr = this.baseAddress + this.blockStart(block)
    out.granted = this.blockSize(block)
  }

  // --- the algorithm ------------------------------------------------------------

  private neededFor(bytes: number): number {
    // Too big for the heap: no rounding needed to know it fails (and no int32 overflow).
    if (bytes > this.limitBytes) return bytes + this.headerBytes
    const need = ((bytes + this.alignMask) & ~this.alignMask) + this.headerBytes
    return need < this.minBlock ? this.minBlock : need
  }

  private addRequested(bytes: number): void {
    const st = this.state
    const live = (st[S.REQUESTED_BYTES] += bytes)
    if (live > st[S.PEAK_REQUESTED]) st[S.PEAK_REQUESTED] = live
  }

  /** realloc's slow path: a new block, the payload copied, the old block freed; -1 on failure. */
  private moveBlock(
    handle: number,
    block: number,
    need: number,
    bytes: number,
    out: RequestOutcome
  ): number {
    const moved = this.allocateBlock(need, out)
    if (moved === -1) return -1
    const copied = Math.min(this.handleRequested[handle], bytes)
    this.copyPayload(block, moved, copied)
    out.copied = copied
    this.handleBlock[handle] = moved
    this.state[S.ALLOCATED_BYTES] -= this.blockSize(block)
    this.releaseBlock(block, out)
    return moved
  }

  /** Find a fit and carve it; on failure set the status and return -1. */
  private allocateBlock(need: number, out: RequestOutcome): number {
    const st = this.state
    let entry = this.findFit(need, out)
    if (entry === -1 && this.growBytes > 0) entry = this.growFor(need, out)
    if (entry === -1) {
      out.status = need > st[S.FREE_BYTES] ? Status.FailNoMemory : Status.FailFragmented
      return -1
    }
    if (this.policy === FitPolicy.Next) st[S.ROVER] = entry
    const size = this.blockSize(entry)
    let block: number
    if (size - need >= this.minRemainder) {
      block = this.splitFront(entry, need)
      st[S.BLOCK_COUNT]++
      st[S.FREE_BYTES] -= need
      out.splits++
      if (this.resort) st[S.UNSORTED] = 1
      if (this.structureTrace !== null) this.traceSplit(block, size, need)
    } else {
      this.listRemove(entry)
      this.markAllocated(entry)
      st[S.FREE_BYTES] -= size
      block = entry
    }
    if (this.implicit && this.policy === FitPolicy.Next) {
      const after = this.physNext(block)
      st[S.ROVER] = after === -1 ? this.firstBlock() : after
    }
    const granted = this.blockSize(block)
    st[S.ALLOCATED_BYTES] += granted
    const end = this.blockStart(block) + granted
    if (end > st[S.HIGH_WATER]) st[S.HIGH_WATER] = end
    return block
  }

  /**
   * sbrk: extend a growing heap by max(need, grow) bytes, rounded to the grow
   * unit, free the new memory (it coalesces like any freed block) and return
   * the free block that holds it; -1 when that would pass the limit.
   */
  private growFor(need: number, out: RequestOutcome): number {
    const st = this.state
    const unit = this.growUnit
    const wanted = need > this.growBytes ? need : this.growBytes
    const bytes = Math.ceil(wanted / unit) * unit
    if (bytes > this.limitBytes - st[S.HEAP_END]) return -1
    const chunk = this.extendHeap(bytes)
    st[S.BLOCK_COUNT]++
    st[S.HIGH_WATER] = st[S.HEAP_END]
    return this.releaseBlock(chunk, out)
  }

  /** Scan by the policy; counts the entries (or, implicit, blocks) looked at in `out.examined`. */
  private findFit(need: number, out: RequestOutcome): number {
    if (this.implicit) return this.findInBlocks(need, out)
    switch (this.policy) {
      case FitPolicy.First:
        return this.findFirst(need, out)
      case FitPolicy.Next:
        return this.findNext(need, out)
      case FitPolicy.Best:
        return this.findBest(need, out)
      default:
        return this.findWorst(need, out)
    }
  }

  private findFirst(need: number, out: RequestOutcome): number {
    let examined = 0
    let e = this.state[S.HEAD]
    for (; e !== -1; e = this.listNext(e)) {
      examined++
      if (this.blockSize(e) >= need) break
    }
    out.examined += examined
    return e
  }

  private findNext(need: number, out: RequestOutcome): number {
    const head = this.state[S.HEAD]
    const rover = this.state[S.ROVER]
    const start = rover === -1 ? head : rover
    if (start === -1) return -1
    let examined = 0
    let found = -1
    let e = start
    do {
      examined++
      if (this.blockSize(e) >= need) {
        found = e
        break
      }
      e = this.listNext(e)
      if (e === -1) e = head
    } while (e !== start)
    out.examined += examined
    return found
  }

  private findBest(need: number, out: RequestOutcome): number {
    let examined = 0
    let found = -1
    let bestSize = Infinity
    for (let e = this.state[S.HEAD]; e !== -1; e = this.listNext(e)) {
      examined++
      const size = this.blockSize(e)
      if (size >= need && size < bestSize) {
        found = e
        bestSize = size
      }
    }
    out.examined += examined
    return found
  }

  private findWorst(need: number, out: RequestOutcome): number {
    let examined = 0
    let found = -1
    let worstSize = -1
    for (let e = this.state[S.HEAD]; e !== -1; e = this.listNext(e)) {
      examined++
      const size = this.blockSize(e)
      if (size > worstSize) {
        found = e
        worstSize = size
      }
    }
    out.examined += examined
    return worstSize >= need ? found : -1
  }

  /**
   * The implicit list (CS:APP §9.9.12): every block in address order from the
   * first, allocated ones included, by the same policy rules; next-fit starts
   * at its rover block and wraps at the heap's end.
   */
  private findInBlocks(need: number, out: RequestOutcome): number {
    const policy = this.policy
    const first = this.firstBlock()
    const rover = this.state[S.ROVER]
    const start = policy === FitPolicy.Next && rover !== -1 ? rover : first
    let examined = 0
    let found = -1
    let foundSize = policy === FitPolicy.Best ? Infinity : -1
    let b = start
    do {
      examined++
      if (this.blockIsFree(b)) {
        const size = this.blockSize(b)
        if (policy === FitPolicy.Best) {
          if (size >= need && size < foundSize) {
            found = b
            foundSize = size
          }
        } else if (policy === FitPolicy.Worst) {
          if (size > foundSize) {
            found = b
            foundSize = size
          }
        } else if (size >= need) {
          found = b
          break
        }
      }
      b = this.physNext(b)
      if (b === -1) {
        if (policy !== FitPolicy.Next) break
        b = first
      }
    } while (b !== start)
    out.examined += examined
    return policy === FitPolicy.Worst && foundSize < need ? -1 : found
  }

  /** realloc's fast path: take the front of a free next neighbour. */
  private growInPlace(block: number, growth: number, out: RequestOutcome): boolean {
    const next = this.physNext(block)
    if (next === -1 || !this.blockIsFree(next)) return false
    const nextSize = this.blockSize(next)
    if (nextSize < growth) return false
    const st = this.state
    if (nextSize - growth >= this.minRemainder) {
      if (this.structureTrace !== null) this.traceSplit(next, nextSize, growth)
      this.absorbNext(block, this.splitFront(next, growth))
      st[S.FREE_BYTES] -= growth
      st[S.ALLOCATED_BYTES] += growth
      out.splits++
      if (this.resort) st[S.UNSORTED] = 1
    } else {
      const roverOnNext = st[S.ROVER] === next
      this.listRemove(next)
      this.absorbNext(block, next)
      if (roverOnNext && this.implicit) st[S.ROVER] = block
      st[S.BLOCK_COUNT]--
      st[S.FREE_BYTES] -= nextSize
      st[S.ALLOCATED_BYTES] += nextSize
    }
    const end = this.blockStart(block) + this.blockSize(block)
    if (end > st[S.HIGH_WATER]) st[S.HIGH_WATER] = end
    return true
  }

  /**
   * Mark an unlisted block free, coalesce it, and insert it by the order rule.
   * Returns the free block that now holds it.
   */
  private releaseBlock(block: number, out: RequestOutcome): number {
    const physical = this.coalesce && !this.listMerge
    if (this.structureTrace !== null && physical) this.traceCoalesce(block)
    const st = this.state
    st[S.FREE_BYTES] += this.blockSize(block)
    this.markFree(block)
    let roverMerged = false
    if (physical) {
      const next = this.physNext(block)
      if (next !== -1 && this.blockIsFree(next)) {
        if (st[S.ROVER] === next) roverMerged = true
        this.listRemove(next)
        this.absorbNext(block, next)
        st[S.BLOCK_COUNT]--
        out.merges++
      }
      const prev = this.physPrev(block)
      if (prev !== -1 && this.blockIsFree(prev)) {
        // An implicit next-fit rover can rest on the allocated block being freed.
        if (st[S.ROVER] === prev || st[S.ROVER] === block) roverMerged = true
        this.listRemove(prev)
        this.absorbNext(prev, block)
        st[S.BLOCK_COUNT]--
        out.merges++
        block = prev
      }
    }
    out.examined += this.insertByOrder(block)
    if (roverMerged) st[S.ROVER] = block
    return this.listMerge ? this.mergeListNeighbours(block, out) : block
  }

  /**
   * malloc.py's -C: walk the free list and let every entry absorb the entries
   * after it that start exactly where it ends. Returns the entry that now
   * holds `block`.
   */
  private mergeListNeighbours(block: number, out: RequestOutcome): number {
    const st = this.state
    let holder = block
    let e = st[S.HEAD]
    while (e !== -1) {
      const next = this.listNext(e)
      if (next === -1) break
      if (this.blockStart(next) !== this.blockStart(e) + this.blockSize(e)) {
        e = next
        continue
      }
      if (this.structureTrace !== null) this.traceListMerge(e, next)
      const roverOnNext = st[S.ROVER] === next
      this.listRemove(next)
      this.absorbNext(e, next)
      if (roverOnNext) st[S.ROVER] = e
      if (next === holder) holder = e
      st[S.BLOCK_COUNT]--
      out.merges++
      if (this.resort) st[S.UNSORTED] = 1
    }
    return holder
  }

  // --- telling the timeline (off the hot path: only while a trace is installed) ---

  /** `block` of `size` bytes is being cut after its first `keep` bytes. */
  private traceSplit(block: number, size: number, keep: number): void {
    const addr = this.baseAddress + this.blockStart(block)
    this.structureTrace?.heapSplit(addr, size, addr + keep, size - keep)
  }

  /** `block` is about to be freed: report the free neighbours releaseBlock will merge it with. */
  private traceCoalesce(block: number): void {
    const next = this.physNext(block)
    const prev = this.physPrev(block)
    const above = next !== -1 && this.blockIsFree(next) ? this.blockSize(next) : 0
    const below = prev !== -1 && this.blockIsFree(prev) ? this.blockSize(prev) : 0
    if (above + below === 0) return
    const addr = this.baseAddress + this.blockStart(block)
    this.structureTrace?.heapCoalesced(addr, this.blockSize(block), below, above)
  }

  /** List entry `next` is about to join the list entry `entry` it follows in memory. */
  private traceListMerge(entry: number, next: number): void {
    const addr = this.baseAddress + this.blockStart(next)
    this.structureTrace?.heapCoalesced(addr, this.blockSize(next), this.blockSize(entry), 0)
  }

  /** Insert by the order rule; returns the entries compared on the way. */
  private insertByOrder(block: number): number {
    let examined = 0
    switch (this.order) {
      case ListOrder.Front:
        this.insertBefore(block, this.state[S.HEAD])
        return 0
      case ListOrder.Back:
        this.insertBefore(block, -1)
        return 0
      case ListOrder.Address: {
        const start = this.blockStart(block)
        let e = this.state[S.HEAD]
        for (; e !== -1; e = this.listNext(e)) {
          examined++
          if (this.blockStart(e) > start) break
        }
        this.insertBefore(block, e)
        return examined
      }
      case ListOrder.SizeAscending: {
        if (this.resort && this.state[S.UNSORTED] !== 0) this.sortBySize(true)
        const size = this.blockSize(block)
        let e = this.state[S.HEAD]
        for (; e !== -1; e = this.listNext(e)) {
          examined++
          if (this.blockSize(e) > size) break
        }
        this.insertBefore(block, e)
        return examined
      }
      default: {
        if (this.resort && this.state[S.UNSORTED] !== 0) this.sortBySize(false)
        const size = this.blockSize(block)
        let e = this.state[S.HEAD]
        for (; e !== -1; e = this.listNext(e)) {
          examined++
          if (this.blockSize(e) < size) break
        }
        this.insertBefore(block, e)
        return examined
      }
    }
  }

  /**
   * Stable insertion sort of the free list by size: each entry moves back
   * past the entries that sort strictly after it, so equal sizes keep their
   * list order (Python's sorted() is stable too). Cheap on a list that only a
   * few splits disturbed.
   */
  private sortBySize(ascending: boolean): void {
    const st = this.state
    st[S.UNSORTED] = 0
    let e = st[S.HEAD] === -1 ? -1 : this.listNext(st[S.HEAD])
    while (e !== -1) {
      const following = this.listNext(e)
      const size = this.blockSize(e)
      let before = this.listPrev(e)
      while (
        before !== -1 &&
        (ascending ? this.blockSize(before) > size : this.blockSize(before) < size)
      ) {
        before = this.listPrev(before)
      }
      if (before !== this.listPrev(e)) {
        // Unlink e (it is not the head: its old predecessor sorts after it) ...
        const prev = this.listPrev(e)
        this.setListNext(prev, following)
        if (following === -1) st[S.TAIL] = prev
        else this.setListPrev(following, prev)
        // ... and link it in right after `before` (at the head when none).
        const after = before === -1 ? st[S.HEAD] : this.listNext(before)
        this.setListPrev(e, before)
        this.setListNext(e, after)
        this.setListPrev(after, e)
        if (before === -1) st[S.HEAD] = e
        else this.setListNext(before, e)
      }
      e = following
    }
  }

  /** Link `block` in before `next` (-1 = at the tail). */
  private insertBefore(block: number, next: number): void {
    const st = this.state
    const prev = next === -1 ? st[S.TAIL] : this.listPrev(next)
    this.setListPrev(block, prev)
    this.setListNext(block, next)
    if (prev === -1) st[S.HEAD] = block
    else this.setListNext(prev, block)
    if (next === -1) st[S.TAIL] = block
    else this.setListPrev(next, block)
    st[S.FREE_COUNT]++
  }

  private listRemove(block: number): void {
    const st = this.state
    const prev = this.listPrev(block)
    const next = this.listNext(block)
    if (prev === -1) st[S.HEAD] = next
    else this.setListNext(prev, next)
    if (next === -1) st[S.TAIL] = prev
    else this.setListPrev(next, prev)
    // An implicit next-fit rover names a block, not a list entry: its callers move it.
    if (st[S.ROVER] === block && !this.implicit) st[S.ROVER] = next !== -1 ? next : st[S.HEAD]
    st[S.FREE_COUNT]--
  }

  // --- reading the state ----------------------------------------------------------

  metrics(out: MetricsSnapshot): void {
    const st = this.state
    const header = this.headerBytes
    out.poolBytes = st[S.HEAP_END]
    out.requestedLive = st[S.REQUESTED_BYTES]
    out.allocatedLive = st[S.ALLOCATED_BYTES]
    out.freeBytes = st[S.FREE_BYTES]
    out.freeBlocks = st[S.FREE_COUNT]
    let largest = 0
    // Free remainders smaller than a header (split=any) carry only what they have.
    let headerless = 0
    for (let e = st[S.HEAD]; e !== -1; e = this.listNext(e)) {
      const size = this.blockSize(e)
      if (size > largest) largest = size
      if (size < header) headerless += header - size
    }
    out.largestFree = largest
    // Every block, free or allocated, carries a header (and in-band a footer).
    out.metadataBytes =
      header * st[S.BLOCK_COUNT] -
      headerless +
      this.config.prologueBytes +
      this.config.epilogueBytes
    out.highWater = st[S.HIGH_WATER]
    out.peakRequested = st[S.PEAK_REQUESTED]
    out.liveBlocks = st[S.LIVE_HANDLES]
  }

  /** Free-list entries in list order (an implicit list: free blocks by address), as absolute address and size. */
  visitFreeList(visit: (addr: number, size: number) => void): void {
    if (this.implicit) {
      for (let b = this.firstBlock(); b !== -1; b = this.physNext(b)) {
        if (this.blockIsFree(b)) visit(this.baseAddress + this.blockStart(b), this.blockSize(b))
      }
      return
    }
    for (let e = this.state[S.HEAD]; e !== -1; e = this.listNext(e)) {
      visit(this.baseAddress + this.blockStart(e), this.blockSize(e))
    }
  }

  /** Next-fit's rover as an absolute address, or -1 when the next search starts at the head. */
  get roverAddress(): number {
    const rover = this.state[S.ROVER]
    return rover === -1 ? -1 : this.baseAddress + this.blockStart(rover)
  }

  /**
   * The memory map in address order as maximal runs: the prologue (Overhead),
   * then each block as its header (Overhead), then for an allocated block the
   * requested bytes (Used) and the rest (Slack), for a free block the rest
   * (Free), then an in-band footer (Overhead); then the epilogue (Overhead)
   * and, on a growing heap, the memory past the break up to the limit
   * (Unobtained). A free remainder smaller than a header is all header. Runs
   * of an allocated block carry its handle.
   */
  walk(visit: MapVisitor): void {
    const owners = this.liveHandlesByAddress()
    let runStart = 0
    let runLength = 0
    let runState: MapStateCode = MapState.Free
    let runHandle = -1
    const emit = (length: number, state: MapStateCode, handle: number): void => {
      if (length <= 0) return
      if (runLength > 0 && state === runState && handle === runHandle) {
        runLength += length
        return
      }
      if (runLength > 0) visit(runStart, runLength, runState, runHandle)
      runStart += runLength
      runLength = length
      runState = state
      runHandle = handle
    }
    let nextOwner = 0
    const front = this.frontTagBytes
    const back = this.backTagBytes
    emit(this.config.prologueBytes, MapState.Overhead, -1)
    for (let b = this.firstBlock(); b !== -1; b = this.physNext(b)) {
      const size = this.blockSize(b)
      if (this.blockIsFree(b)) {
        const tag = size < front ? size : front
        emit(tag, MapState.Overhead, -1)
        emit(size - tag - back, MapState.Free, -1)
        emit(back, MapState.Overhead, -1)
        continue
      }
      let handle = -1
      let requested = 0
      const owner = owners[nextOwner]
      if (owner !== undefined && this.handleBlock[owner] === b) {
        handle = owner
        requested = this.handleRequested[owner]
        nextOwner++
      }
      emit(front, MapState.Overhead, handle)
      emit(requested, MapState.Used, handle)
      emit(size - this.headerBytes - requested, MapState.Slack, handle)
      emit(back, MapState.Overhead, handle)
    }
    const heapEnd = this.state[S.HEAP_END]
    emit(heapEnd - this.blocksEnd, MapState.Overhead, -1)
    if (this.growBytes > 0) emit(this.limitBytes - heapEnd, MapState.Unobtained, -1)
    if (runLength > 0) visit(runStart, runLength, runState, runHandle)
  }

  /** Bytes the memory map covers: the arena, or a growing heap's limit. */
  get mapBytes(): number {
    return this.growBytes > 0 ? this.limitBytes : this.arenaBytes
  }

  private liveHandlesByAddress(): number[] {
    const live: number[] = []
    for (let h = 0; h < this.handleBlock.length; h++) if (this.handleBlock[h] !== -1) live.push(h)
    return live.sort(
      (a, b) => this.blockStart(this.handleBlock[a]) - this.blockStart(this.handleBlock[b])
    )
  }

  /** Full invariant check, in the order the rules build on each other. */
  check(): void {
    const st = this.state
    const addr = (block: number): number => this.baseAddress + this.blockStart(block)
    const freeBlocks = new Set<number>()
    const allocatedBlocks = new Set<number>()
    const heapEnd = st[S.HEAP_END]
    const blocksEnd = heapEnd - this.config.epilogueBytes
    if (blocksEnd !== this.blocksEnd || heapEnd < this.arenaBytes || heapEnd > this.limitBytes) {
      throw new InvariantFailure('heap', 'heapEnd', { end: heapEnd, limit: this.limitBytes })
    }
    let offset = this.config.prologueBytes
    let count = 0
    let freeBytes = 0
    let allocatedBytes = 0
    let previous = -1
    let previousFree = false
    const physical = this.coalesce && !this.listMerge
    for (let b = this.firstBlock(); b !== -1; b = this.physNext(b)) {
      if (++count > this.blockCapacity()) {
        throw new InvariantFailure('heap', 'tiling', {
          addr: addr(b),
          expected: this.baseAddress + offset
        })
      }
      if (this.blockStart(b) !== offset) {
        throw new InvariantFailure('heap', 'tiling', {
          addr: addr(b),
          expected: this.baseAddress + offset
        })
      }
      const size = this.blockSize(b)
      const free = this.blockIsFree(b)
      const least = free ? Math.min(this.minBlock, this.minRemainder) : this.minBlock
      if (!(size >= least)) {
        throw new InvariantFailure('heap', 'blockTooSmall', { addr: addr(b), size, min: least })
      }
      if (this.physPrev(b) !== previous) {
        throw new InvariantFailure('heap', 'physicalLinks', { addr: addr(b) })
      }
      this.checkBlock(b)
      if (free) {
        if (physical && previousFree) {
          throw new InvariantFailure('heap', 'adjacentFree', { addr: addr(b) })
        }
        freeBlocks.add(b)
        freeBytes += size
      } else {
        allocatedBlocks.add(b)
        allocatedBytes += size
      }
      previousFree = free
      previous = b
      offset += size
    }
    if (offset !== blocksEnd) {
      throw new InvariantFailure('heap', 'arenaEnd', { end: offset, arena: blocksEnd })
    }
    checkTotal('blockCount', count, st[S.BLOCK_COUNT])
    checkTotal('freeBytes', freeBytes, st[S.FREE_BYTES])
    checkTotal('allocatedBytes', allocatedBytes, st[S.ALLOCATED_BYTES])
    this.checkList(freeBlocks, allocatedBlocks)

    let live = 0
    let requested = 0
    for (let h = 0; h < this.handleBlock.length; h++) {
      const b = this.handleBlock[h]
      if (b === -1) continue
      if (!allocatedBlocks.delete(b)) {
        throw new InvariantFailure('heap', 'handleBlock', { handle: h, block: b })
      }
      if (this.neededFor(this.handleRequested[h]) > this.blockSize(b)) {
        throw new InvariantFailure('heap', 'handleSize', { handle: h, addr: addr(b) })
      }
      live++
      requested += this.handleRequested[h]
    }
    for (const orphan of allocatedBlocks) {
      throw new InvariantFailure('heap', 'orphanBlock', { addr: addr(orphan) })
    }
    checkTotal('liveHandles', live, st[S.LIVE_HANDLES])
    checkTotal('requestedBytes', requested, st[S.REQUESTED_BYTES])
    if (st[S.PEAK_REQUESTED] < requested) {
      throw new InvariantFailure('heap', 'peakRequested', {
        peak: st[S.PEAK_REQUESTED],
        live: requested
      })
    }
    if (st[S.HIGH_WATER] > heapEnd) {
      throw new InvariantFailure('heap', 'highWater', { highWater: st[S.HIGH_WATER], end: heapEnd })
    }
  }

  /** The free list holds every free block once, in an order its rules allow; the rover is valid. */
  private checkList(freeBlocks: Set<number>, allocatedBlocks: ReadonlySet<number>): void {
    const st = this.state
    const addr = (block: number): number => this.baseAddress + this.blockStart(block)
    const rover = st[S.ROVER]
    let listed = 0
    let last = -1
    let roverListed = rover === -1 || (this.implicit && allocatedBlocks.has(rover))
    const sortedBySize = this.resort && st[S.UNSORTED] === 0
    for (let e = st[S.HEAD]; e !== -1; e = this.listNext(e)) {
      if (!freeBlocks.delete(e)) throw new InvariantFailure('heap', 'listEntry', { addr: addr(e) })
      if (this.listPrev(e) !== last)
        throw new InvariantFailure('heap', 'listLinks', { addr: addr(e) })
      // No rule for merge=list: like malloc.py it merges touching list
      // neighbours only when it frees, so an allocation that takes the entry
      // between two of them leaves them touching until the next free.
      if (last !== -1) {
        const a = this.blockSize(last)
        const b = this.blockSize(e)
        if (sortedBySize && (this.order === ListOrder.SizeAscending ? a > b : a < b)) {
          throw new InvariantFailure('heap', 'listUnsorted', { addr: addr(e) })
        }
      }
      if (e === rover) roverListed = true
      last = e
      listed++
    }
    if (freeBlocks.size > 0) {
      throw new InvariantFailure('heap', 'listMissing', { count: freeBlocks.size })
    }
    if (st[S.TAIL] !== last) throw new InvariantFailure('heap', 'listTail', {})
    // Every free block was listed once (listEntry, listMissing), so only the counter can be off.
    checkTotal('freeBlocks', listed, st[S.FREE_COUNT])
    if (!roverListed) throw new InvariantFailure('heap', 'rover', { addr: addr(rover) })
  }
}

/** The heap's running totals, each checked against what the blocks and handles hold. */
type HeapTotal =
  'blockCount' | 'freeBytes' | 'allocatedBytes' | 'freeBlocks' | 'liveHandles' | 'requestedBytes'

function checkTotal(rule: HeapTotal, counted: number, recorded: number): void {
  if (counted !== recorded) throw new InvariantFailure('heap', rule, { counted, recorded })
}

function refuse(out: RequestOutcome, reason: InvalidReasonCode): void {
  out.status = Status.Invalid
  out.invalidReason = reason
}
