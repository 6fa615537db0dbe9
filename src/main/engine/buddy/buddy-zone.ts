import type { FramePool } from '../frame-pool'
import { InvariantFailure } from '../invariant-failure'
import { Status as statuses, type RequestOutcome, type StructureTrace } from '../outcome'
import { carveLayout, int32, int8, layoutBytes, layoutRegionBytes, uint8 } from '../region-layout'
import { FrameState as frameStates, type FrameStateCode } from './frame-state'

// Local copies of imported constants: a CommonJS build (tsx, the bench) reads an imported
// binding through a getter on every access, which the hot path cannot afford.
const FrameState = { ...frameStates }
const Status = { ...statuses }

/**
 * A zone of page frames managed by the binary buddy system, kept the way a
 * kernel keeps it: one record per frame (state, order, list links, like
 * struct page) and one free area per order (list head and block count, like
 * zone->free_area[]), plus a bitmask of the orders whose list is non-empty.
 * Everything lives in typed arrays carved from the frame pool, so another
 * thread can attach to the same zone; no JavaScript object exists per block.
 *
 * Ownership: only the zone links and unlinks free blocks. A caller that gets
 * a block from allocPages owns its head record's `next`/`prev` until it hands
 * the block back (the slab layer threads its slab lists through them).
 */

/** Int32 words of zone-wide state. */
const ZoneWord = {
  /** Bit o set when free_area[o] holds at least one block. */
  NON_EMPTY_ORDERS: 0,
  FREE_FRAMES: 1,
  /** One past the highest frame ever handed out. */
  HIGH_WATER_FRAME: 2
} as const
const ZONE_WORDS = 4

/** Blocks and frames the zone's check found held, by holder state. */
export interface ZoneCounts {
  readonly pagesBlocks: number
  readonly slabBlocks: number
  readonly slabFrames: number
}

export class BuddyZone {
  readonly frames: number
  readonly maxOrder: number
  /** FrameState of every frame (meaningful at block heads; Tail elsewhere). */
  readonly state: Uint8Array
  /** Order of the block a head frame starts. */
  readonly order: Int8Array
  /** List links of head frames: free-area lists while free, slab lists while a slab; -1 ends a list. */
  readonly next: Int32Array
  readonly prev: Int32Array
  /** free_area[order]: first block on the list, or -1. */
  readonly freeHead: Int32Array
  /** free_area[order].nr_free: blocks on the list. */
  readonly freeCount: Int32Array
  /** Told about each split and merge while a timeline explains requests; null otherwise. */
  structureTrace: StructureTrace | null = null
  private readonly words: Int32Array

  /** The zone's regions in the frame pool: the per-frame records, the free areas, the zone words. */
  static layout(frames: number, maxOrder: number) {
    const orders = maxOrder + 1
    return {
      state: uint8(frames),
      order: int8(frames),
      next: int32(frames),
      prev: int32(frames),
      freeHead: int32(orders),
      freeCount: int32(orders),
      words: int32(ZONE_WORDS)
    }
  }

  /** Region sizes in carve order, for sizing the frame pool. */
  static regionBytes(frames: number, maxOrder: number): number[] {
    return layoutRegionBytes(BuddyZone.layout(frames, maxOrder))
  }

  /** Bytes of zone metadata: the per-frame records and the free areas. */
  static metadataBytes(frames: number, maxOrder: number): number {
    return layoutBytes(BuddyZone.layout(frames, maxOrder))
  }

  constructor(pool: FramePool, frames: number, maxOrder: number, fresh: boolean) {
    this.frames = frames
    this.maxOrder = maxOrder
    const views = carveLayout(pool, BuddyZone.layout(frames, maxOrder))
    this.state = views.state
    this.order = views.order
    this.next = views.next
    this.prev = views.prev
    this.freeHead = views.freeHead
    this.freeCount = views.freeCount
    this.words = views.words
    if (fresh) this.cutIntoBlocks()
  }

  /**
   * Cut the frames into the largest aligned blocks that fit, as boot-time
   * memory is handed to the buddy system. Each list ends up sorted by address,
   * lowest first, so the first allocation of an order comes from the bottom.
   */
  private cutIntoBlocks(): void {
    this.freeHead.fill(-1)
    const starts: number[] = []
    const orders: number[] = []
    let pfn = 0
    while (pfn < this.frames) {
      // Block sizes never grow along the way, so each start is aligned to its order.
      const order = Math.min(this.maxOrder, 31 - Math.clz32(this.frames - pfn))
      starts.push(pfn)
      orders.push(order)
      pfn += 1 << order
    }
    for (let i = starts.length - 1; i >= 0; i--) this.pushFree(starts[i]!, orders[i]!)
    this.words[ZoneWord.FREE_FRAMES] = this.frames
  }

  get freeFrames(): number {
    return this.words[ZoneWord.FREE_FRAMES]!
  }

  get highWaterFrame(): number {
    return this.words[ZoneWord.HIGH_WATER_FRAME]!
  }

  get nonEmptyOrders(): number {
    return this.words[ZoneWord.NON_EMPTY_ORDERS]!
  }

  /** Order of the largest free block, or -1 when nothing is free. */
  largestFreeOrder(): number {
    return 31 - Math.clz32(this.words[ZoneWord.NON_EMPTY_ORDERS]!)
  }

  freeBlockCount(): number {
    let total = 0
    for (let order = 0; order <= this.maxOrder; order++) total += this.freeCount[order]!
    return total
  }

  /** Free blocks per order, index = order: the numbers /proc/buddyinfo prints. */
  buddyInfo(): number[] {
    return Array.from(this.freeCount)
  }

  /**
   * alloc_pages: take the head of the smallest non-empty free list of order
   * >= `order`, keep its lower half while splitting and put each upper half
   * on the head of the next lower list. Returns the first frame, or -1 with
   * the failure's status in `out`: too little free memory, or enough but in
   * pieces. `examined` counts the list heads a kernel's upward scan looks at.
   */
  allocPages(order: number, holder: FrameStateCode, out: RequestOutcome): number {
    const words = this.words
    const candidates = words[ZoneWord.NON_EMPTY_ORDERS]! & (-1 << order)
    if (candidates === 0) {
      out.examined += this.maxOrder - order + 1
      out.status =
        words[ZoneWord.FREE_FRAMES]! < 1 << order ? Status.FailNoMemory : Status.FailFragmented
      return -1
    }
    let current = 31 - Math.clz32(candidates & -candidates)
    out.examined += current - order + 1
    const pfn = this.freeHead[current]!
    this.unlinkFree(pfn, current)
    const trace = this.structureTrace
    if (trace !== null && current > order) trace.buddySplit(pfn, current, order)
    while (current > order) {
      current--
      this.pushFree(pfn + (1 << current), current)
      out.splits++
    }
    this.state[pfn] = holder
    this.order[pfn] = order
    words[ZoneWord.FREE_FRAMES]! -= 1 << order
    const end = pfn + (1 << order)
    if (end > words[ZoneWord.HIGH_WATER_FRAME]!) words[ZoneWord.HIGH_WATER_FRAME] = end
    return pfn
  }

  /**
   * free_pages: give a block back and merge it with its buddy for as long as
   * (a) the order is below maxOrder, (b) the buddy lies inside the zone,
   * (c) the buddy's head is Free, i.e. the buddy is a whole free block, and
   * (d) the buddy has the same order. The merged block goes to the head of its list.
   */
  freePages(pfn: number, order: number, out: RequestOutcome): void {
    const state = this.state
    const orders = this.order
    const freedFrame = pfn
    const freedOrder = order
    this.words[ZoneWord.FREE_FRAMES]! += 1 << order
    state[pfn] = FrameState.Tail
    while (order < this.maxOrder) {
      const buddy = pfn ^ (1 << order) // __find_buddy_pfn: B2 = B1 ^ (1 << O), the blocks differ only in bit O
      if (buddy >= this.frames || state[buddy] !== FrameState.Free || orders[buddy] !== order) break
      this.unlinkFree(buddy, order)
      pfn &= buddy // the merged block starts at the lower of the two: P = B1 & B2
      order++
      out.merges++
    }
    this.pushFree(pfn, order)
    const trace = this.structureTrace
    if (trace !== null && order !== freedOrder)
      trace.buddyMerged(freedFrame, freedOrder, pfn, order)
  }

  private pushFree(pfn: number, order: number): void {
    const head = this.freeHead[order]!
    this.next[pfn] = head
    this.prev[pfn] = -1
    if (head >= 0) this.prev[head] = pfn
    this.freeHead[order] = pfn
    this.freeCount[order]!++
    this.words[ZoneWord.NON_EMPTY_ORDERS]! |= 1 << order
    this.state[pfn] = FrameState.Free
    this.order[pfn] = order
  }

  private unlinkFree(pfn: number, order: number): void {
    const after = this.next[pfn]!
    const before = this.prev[pfn]!
    if (before >= 0) this.next[before] = after
    else this.freeHead[order] = after
    if (after >= 0) this.prev[after] = before
    if (--this.freeCount[order]! === 0) this.words[ZoneWord.NON_EMPTY_ORDERS]! &= ~(1 << order)
    this.state[pfn] = FrameState.Tail
  }

  /** Visit every block in address order: head frame, order, state. O(blocks). */
  forEachBlock(visit: (pfn: number, order: number, state: FrameStateCode) => void): void {
    let pfn = 0
    while (pfn < this.frames) {
      const order = this.order[pfn]!
      visit(pfn, order, this.state[pfn] as FrameStateCode)
      pfn += 1 << order
    }
  }

  /**
   * Full invariant check. Throws InvariantFailure naming the rule and the frame.
   * Returns the blocks (and slab frames) held, for callers that check their
   * own accounting against the zone.
   */
  check(): ZoneCounts {
    const { frames, maxOrder, state, order: orders } = this
    const freeBlocksSeen = new Int32Array(maxOrder + 1)
    let freeFrames = 0
    let slabFrames = 0
    let slabBlocks = 0
    let pagesBlocks = 0
    let pfn = 0
    while (pfn < frames) {
      const blockState = state[pfn]!
      const order = orders[pfn]!
      if (blockState === FrameState.Tail) {
        throw new InvariantFailure('buddy', 'frameInNoBlock', { frame: pfn })
      }
      if (blockState > FrameState.Slab) {
        throw new InvariantFailure('buddy', 'frameState', { frame: pfn, state: blockState })
      }
      if (order < 0 || order > maxOrder) {
        throw new InvariantFailure('buddy', 'orderRange', { frame: pfn, order, maxOrder })
      }
      const size = 1 << order
      if ((pfn & (size - 1)) !== 0) {
        throw new InvariantFailure('buddy', 'blockAligned', { frame: pfn, order })
      }
      if (pfn + size > frames) {
        throw new InvariantFailure('buddy', 'blockInsideZone', { frame: pfn, order, frames })
      }
      for (let tail = pfn + 1; tail < pfn + size; tail++) {
        if (state[tail] !== FrameState.Tail) {
          throw new InvariantFailure('buddy', 'frameInTwoBlocks', { frame: tail, head: pfn })
        }
      }
      if (blockState === FrameState.Free) {
        freeBlocksSeen[order]!++
        freeFrames += size
        if (order < maxOrder) {
          const buddy = pfn ^ size
          if (buddy < frames && state[buddy] === FrameState.Free && orders[buddy] === order) {
            throw new InvariantFailure('buddy', 'freeBuddiesMerged', { frame: pfn, buddy, order })
          }
        }
      } else if (blockState === FrameState.Pages) {
        pagesBlocks++
      } else {
        slabFrames += size
        slabBlocks++
      }
      pfn += size
    }
    let mask = 0
    for (let order = 0; order <= maxOrder; order++) {
      let count = 0
      let before = -1
      for (let block = this.freeHead[order]!; block >= 0; block = this.next[block]!) {
        if (++count > frames) throw new InvariantFailure('buddy', 'freeListEnds', { order })
        if (state[block] !== FrameState.Free || orders[block] !== order) {
          throw new InvariantFailure('buddy', 'freeListBlock', { order, frame: block })
        }
        if (this.prev[block] !== before) {
          throw new InvariantFailure('buddy', 'freeListLinks', { order, frame: block })
        }
        before = block
      }
      if (count !== this.freeCount[order]) {
        throw new InvariantFailure('buddy', 'freeCount', {
          order,
          counted: this.freeCount[order]!,
          listed: count
        })
      }
      if (count !== freeBlocksSeen[order]) {
        throw new InvariantFailure('buddy', 'freeBlockListed', {
          order,
          blocks: freeBlocksSeen[order]!,
          listed: count
        })
      }
      if (count > 0) mask |= 1 << order
    }
    if (mask !== this.nonEmptyOrders) {
      throw new InvariantFailure('buddy', 'orderMask', {
        mask: this.nonEmptyOrders.toString(2),
        lists: mask.toString(2)
      })
    }
    if (freeFrames !== this.freeFrames) {
      throw new InvariantFailure('buddy', 'freeFrames', {
        counted: this.freeFrames,
        held: freeFrames
      })
    }
    return { pagesBlocks, slabBlocks, slabFrames }
  }
}
