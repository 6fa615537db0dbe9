import { Status } from '../../outcome'

/**
 * A deliberately simple model of the heap fits, for differential tests only:
 * plain objects in plain arrays, `indexOf` and `splice`, no cleverness. It
 * restates the rules of fit-heap.ts independently, so a disagreement points
 * at a bug in one of the two.
 */

export interface ReferenceConfig {
  readonly policy: 'first' | 'next' | 'best' | 'worst'
  readonly order: 'addr' | 'size-asc' | 'size-desc' | 'front' | 'back'
  readonly coalesce: boolean
  /** The heap's first size, prologue and epilogue included. */
  readonly arena: number
  readonly base: number
  readonly header: number
  readonly align: number
  readonly minBlock: number
  /** Smallest remainder a split leaves free (the minimum block, or 1 with split=any). */
  readonly minRemainder?: number
  /** A size-sorted list is sorted again, stably, at every free. */
  readonly resort?: boolean
  /** Coalescing merges list neighbours that touch, after the freed block is listed. */
  readonly listMerge?: boolean
  /** Searches visit every block by address. */
  readonly implicit?: boolean
  /** realloc is always malloc + copy + free. */
  readonly reallocMoves?: boolean
  /** Grow by at least this many bytes (a multiple of growUnit) when nothing fits; 0 = fixed. */
  readonly grow?: number
  readonly growUnit?: number
  readonly limit?: number
  readonly prologue?: number
  readonly epilogue?: number
}

interface Block {
  start: number
  size: number
  free: boolean
  requested: number
}

/** The outcome fields the model predicts (Invalid carries no detail here). */
export interface ReferenceOutcome {
  status: number
  addr: number
  granted: number
  examined: number
  splits: number
  merges: number
  copied: number
}

export class ReferenceHeap {
  /** Every block, in address order. */
  private readonly blocks: Block[]
  /** The free list, in list order (an implicit list keeps it LIFO, as bookkeeping only). */
  private list: Block[]
  private rover: Block | undefined
  private readonly handles = new Map<number, Block>()
  private heapEnd: number
  /** Splits and list merges may have left a re-sorted list out of order. */
  private unsorted = false
  private readonly minRemainder: number
  private readonly order: ReferenceConfig['order']

  constructor(private readonly config: ReferenceConfig) {
    const prologue = config.prologue ?? 0
    const whole = {
      start: prologue,
      size: config.arena - prologue - (config.epilogue ?? 0),
      free: true,
      requested: 0
    }
    this.blocks = [whole]
    this.list = [whole]
    this.heapEnd = config.arena
    this.minRemainder = config.minRemainder ?? config.minBlock
    this.order = config.implicit ? 'front' : config.order
  }

  freeList(): { addr: number; size: number }[] {
    const listed = this.config.implicit ? this.blocks.filter((b) => b.free) : this.list
    return listed.map((b) => ({ addr: this.config.base + b.start, size: b.size }))
  }

  roverAddress(): number {
    return this.rover === undefined ? -1 : this.config.base + this.rover.start
  }

  heapBytes(): number {
    return this.heapEnd
  }

  malloc(handle: number, size: number): ReferenceOutcome {
    const out = emptyOutcome()
    if (this.handles.has(handle)) return { ...out, status: Status.Invalid }
    const block = this.allocate(this.needed(size), out)
    if (block === undefined) return out
    block.requested = Math.ceil(size)
    this.handles.set(handle, block)
    return { ...out, addr: this.config.base + block.start, granted: block.size }
  }

  free(handle: number): ReferenceOutcome {
    const out = emptyOutcome()
    const block = this.handles.get(handle)
    if (block === undefined) return { ...out, status: Status.Invalid }
    this.handles.delete(handle)
    out.addr = this.config.base + block.start
    out.granted = block.size
    this.release(block, out)
    return out
  }

  realloc(handle: number, size: number): ReferenceOutcome {
    const out = emptyOutcome()
    let block = this.handles.get(handle)
    if (block === undefined) return { ...out, status: Status.Invalid }
    const need = this.needed(size)
    const next = this.blocks[this.blocks.indexOf(block) + 1]
    if (!this.config.reallocMoves && need <= block.size) {
      if (block.size - need >= this.minRemainder) {
        const tail = {
          start: block.start + need,
          size: block.size - need,
          free: false,
          requested: 0
        }
        block.size = need
        this.blocks.splice(this.blocks.indexOf(block) + 1, 0, tail)
        out.splits++
        this.release(tail, out)
      }
    } else if (
      !this.config.reallocMoves &&
      next !== undefined &&
      next.free &&
      block.size + next.size >= need
    ) {
      const growth = need - block.size
      if (next.size - growth >= this.minRemainder) {
        next.start += growth
        next.size -= growth
        block.size += growth
        out.splits++
        if (this.config.resort) this.unsorted = true
      } else {
        this.unlist(next)
        if (this.config.implicit && this.rover === next) this.rover = block
        this.blocks.splice(this.blocks.indexOf(next), 1)
        block.size += next.size
      }
    } else {
      const moved = this.allocate(need, out)
      if (moved === undefined) return out
      out.copied = Math.min(block.requested, Math.ceil(size))
      this.handles.set(handle, moved)
      this.release(block, out)
      block = moved
    }
    block.requested = Math.ceil(size)
    return { ...out, addr: this.config.base + block.start, granted: block.size }
  }

  private needed(size: number): number {
    const { align, header, minBlock } = this.config
    return Math.max(minBlock, Math.ceil(Math.ceil(size) / align) * align + header)
  }

  private allocate(need: number, out: ReferenceOutcome): Block | undefined {
    const chosen = this.choose(need, out) ?? this.grow(need, out)
    if (chosen === undefined) {
      const free = this.list.reduce((sum, b) => sum + b.size, 0)
      out.status = need > free ? Status.FailNoMemory : Status.FailFragmented
      return undefined
    }
    if (this.config.policy === 'next' && !this.config.implicit) this.rover = chosen
    const index = this.blocks.indexOf(chosen)
    let taken = chosen
    if (chosen.size - need >= this.minRemainder) {
      // The front goes to the request; the chosen entry, now the remainder, keeps its place.
      taken = { start: chosen.start, size: need, free: false, requested: 0 }
      chosen.start += need
      chosen.size -= need
      this.blocks.splice(index, 0, taken)
      out.splits++
      if (this.config.resort) this.unsorted = true
    } else {
      this.unlist(chosen)
      chosen.free = false
    }
    if (this.config.policy === 'next' && this.config.implicit) {
      this.rover = this.blocks[this.blocks.indexOf(taken) + 1] ?? this.blocks[0]
    }
    return taken
  }

  /** sbrk: append max(need, grow) bytes, rounded up, as a freed block; undefined past the limit. */
  private grow(need: number, out: ReferenceOutcome): Block | undefined {
    const { grow = 0, growUnit = 1, limit = this.config.arena, epilogue = 0 } = this.config
    if (grow === 0) return undefined
    const bytes = Math.ceil(Math.max(need, grow) / growUnit) * growUnit
    if (this.heapEnd + bytes > limit) return undefined
    const chunk = { start: this.heapEnd - epilogue, size: bytes, free: false, requested: 0 }
    this.heapEnd += bytes
    this.blocks.push(chunk)
    return this.release(chunk, out)
  }

  private choose(need: number, out: ReferenceOutcome): Block | undefined {
    if (this.config.implicit) return this.chooseFromBlocks(need, out)
    const list = this.list
    if (this.config.policy === 'first') {
      const index = list.findIndex((b) => b.size >= need)
      out.examined += index === -1 ? list.length : index + 1
      return list[index]
    }
    if (this.config.policy === 'next') {
      const start = this.rover === undefined ? 0 : list.indexOf(this.rover)
      for (let k = 0; k < list.length; k++) {
        out.examined++
        const block = list[(start + k) % list.length]
        if (block.size >= need) return block
      }
      return undefined
    }
    out.examined += list.length
    return this.pick(list, need)
  }

  /** The implicit list: every block in address order (next-fit from its rover, wrapping). */
  private chooseFromBlocks(need: number, out: ReferenceOutcome): Block | undefined {
    const blocks = this.blocks
    if (this.config.policy === 'next') {
      const start = this.rover === undefined ? 0 : blocks.indexOf(this.rover)
      for (let k = 0; k < blocks.length; k++) {
        out.examined++
        const block = blocks[(start + k) % blocks.length]
        if (block.free && block.size >= need) return block
      }
      return undefined
    }
    if (this.config.policy === 'first') {
      const index = blocks.findIndex((b) => b.free && b.size >= need)
      out.examined += index === -1 ? blocks.length : index + 1
      return blocks[index]
    }
    out.examined += blocks.length
    return this.pick(
      blocks.filter((b) => b.free),
      need
    )
  }

  /** Best: the smallest that fits; worst: the largest, if it fits; ties to the first. */
  private pick(candidates: Block[], need: number): Block | undefined {
    let pick: Block | undefined
    for (const block of candidates) {
      if (this.config.policy === 'best') {
        if (block.size >= need && (pick === undefined || block.size < pick.size)) pick = block
      } else if (pick === undefined || block.size > pick.size) {
        pick = block
      }
    }
    return pick !== undefined && pick.size >= need ? pick : undefined
  }

  private release(block: Block, out: ReferenceOutcome): Block {
    block.free = true
    block.requested = 0
    let roverMerged = false
    if (this.config.coalesce && !this.config.listMerge) {
      const next = this.blocks[this.blocks.indexOf(block) + 1]
      if (next !== undefined && next.free) {
        roverMerged ||= this.rover === next
        this.unlist(next)
        this.blocks.splice(this.blocks.indexOf(next), 1)
        block.size += next.size
        out.merges++
      }
      const prev = this.blocks[this.blocks.indexOf(block) - 1]
      if (prev !== undefined && prev.free) {
        roverMerged ||= this.rover === prev || this.rover === block
        this.unlist(prev)
        this.blocks.splice(this.blocks.indexOf(block), 1)
        prev.size += block.size
        block = prev
        out.merges++
      }
    }
    this.insert(block, out)
    if (roverMerged) this.rover = block
    return this.config.coalesce && this.config.listMerge ? this.mergeList(block, out) : block
  }

  /** malloc.py's -C, restated: rebuild the list, folding each entry into the one before when they touch. */
  private mergeList(block: Block, out: ReferenceOutcome): Block {
    let holder = block
    const merged: Block[] = []
    for (const entry of this.list) {
      const last = merged[merged.length - 1]
      if (last !== undefined && last.start + last.size === entry.start) {
        last.size += entry.size
        this.blocks.splice(this.blocks.indexOf(entry), 1)
        if (this.rover === entry) this.rover = last
        if (holder === entry) holder = last
        out.merges++
        if (this.config.resort) this.unsorted = true
      } else {
        merged.push(entry)
      }
    }
    this.list = merged
    return holder
  }

  private insert(block: Block, out: ReferenceOutcome): void {
    const order = this.order
    if (order === 'front') {
      this.list.unshift(block)
      return
    }
    if (order === 'back') {
      this.list.push(block)
      return
    }
    if (this.unsorted && order !== 'addr') {
      // Array.prototype.sort is stable: equal sizes keep their list order.
      this.list.sort((a, b) => (order === 'size-asc' ? a.size - b.size : b.size - a.size))
      this.unsorted = false
    }
    const sortsAfter = (e: Block): boolean =>
      order === 'addr'
        ? e.start > block.start
        : order === 'size-asc'
          ? e.size > block.size
          : e.size < block.size
    const index = this.list.findIndex(sortsAfter)
    out.examined += index === -1 ? this.list.length : index + 1
    this.list.splice(index === -1 ? this.list.length : index, 0, block)
  }

  /** Take a block off the free list; a rover on it moves to the entry that followed. */
  private unlist(block: Block): void {
    const index = this.list.indexOf(block)
    this.list.splice(index, 1)
    if (this.rover === block && !this.config.implicit) this.rover = this.list[index] ?? this.list[0]
  }
}

function emptyOutcome(): ReferenceOutcome {
  return { status: Status.Ok, addr: -1, granted: 0, examined: 0, splits: 0, merges: 0, copied: 0 }
}
