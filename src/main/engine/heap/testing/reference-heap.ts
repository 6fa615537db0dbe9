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
  readonly arena: number
  readonly base: number
  readonly header: number
  readonly align: number
  readonly minBlock: number
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
  /** The free list, in list order. */
  private readonly list: Block[]
  private rover: Block | undefined
  private readonly handles = new Map<number, Block>()

  constructor(private readonly config: ReferenceConfig) {
    const whole = { start: 0, size: config.arena, free: true, requested: 0 }
    this.blocks = [whole]
    this.list = [whole]
  }

  freeList(): { addr: number; size: number }[] {
    return this.list.map((b) => ({ addr: this.config.base + b.start, size: b.size }))
  }

  roverAddress(): number {
    return this.rover === undefined ? -1 : this.config.base + this.rover.start
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
    if (need <= block.size) {
      if (block.size - need >= this.config.minBlock) {
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
    } else if (next !== undefined && next.free && block.size + next.size >= need) {
      const growth = need - block.size
      if (next.size - growth >= this.config.minBlock) {
        next.start += growth
        next.size -= growth
        block.size += growth
        out.splits++
      } else {
        this.unlist(next)
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
    const chosen = this.choose(need, out)
    if (chosen === undefined) {
      const free = this.list.reduce((sum, b) => sum + b.size, 0)
      out.status = need > free ? Status.FailNoMemory : Status.FailFragmented
      return undefined
    }
    if (this.config.policy === 'next') this.rover = chosen
    const index = this.blocks.indexOf(chosen)
    if (chosen.size - need >= this.config.minBlock) {
      // The front goes to the request; the chosen entry, now the remainder, keeps its place.
      const taken = { start: chosen.start, size: need, free: false, requested: 0 }
      chosen.start += need
      chosen.size -= need
      this.blocks.splice(index, 0, taken)
      out.splits++
      return taken
    }
    this.unlist(chosen)
    chosen.free = false
    return chosen
  }

  private choose(need: number, out: ReferenceOutcome): Block | undefined {
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
    let pick: Block | undefined
    for (const block of list) {
      if (this.config.policy === 'best') {
        if (block.size >= need && (pick === undefined || block.size < pick.size)) pick = block
      } else if (pick === undefined || block.size > pick.size) {
        pick = block
      }
    }
    return pick !== undefined && pick.size >= need ? pick : undefined
  }

  private release(block: Block, out: ReferenceOutcome): void {
    block.free = true
    block.requested = 0
    let roverMerged = false
    if (this.config.coalesce) {
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
        roverMerged ||= this.rover === prev
        this.unlist(prev)
        this.blocks.splice(this.blocks.indexOf(block), 1)
        prev.size += block.size
        block = prev
        out.merges++
      }
    }
    this.insert(block, out)
    if (roverMerged) this.rover = block
  }

  private insert(block: Block, out: ReferenceOutcome): void {
    const { order } = this.config
    if (order === 'front') {
      this.list.unshift(block)
      return
    }
    if (order === 'back') {
      this.list.push(block)
      return
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
    if (this.rover === block) this.rover = this.list[index] ?? this.list[0]
  }
}

function emptyOutcome(): ReferenceOutcome {
  return { status: Status.Ok, addr: -1, granted: 0, examined: 0, splits: 0, merges: 0, copied: 0 }
}
