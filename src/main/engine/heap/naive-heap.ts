import { Op } from '@shared/scenario/program'
import { InvalidReason, Status, type RequestOutcome } from '../outcome'
import { InvariantFailure } from '../invariant-failure'
import { MapState, type MapStateCode, type MetricsSnapshot, type ScenarioTarget } from '../target'

interface NaiveBlock {
  start: number
  size: number
  free: boolean
  requested: number
}

/**
 * The bench's baseline, written the way a first attempt usually is: one
 * JavaScript object per block in an address-ordered array, a fresh object per
 * split, `indexOf` and `splice` everywhere. First-fit over the free blocks in
 * address order with coalescing, so it makes the same choices as
 * `first-fit:order=addr,coalesce=on,meta=side`. Not used by the product.
 */
export class NaiveHeap implements ScenarioTarget {
  readonly family = 'naive-first-fit'
  private blocks: NaiveBlock[]
  private readonly owned: (NaiveBlock | undefined)[]
  private readonly minBlock: number
  private peakRequested = 0
  private highWater = 0

  constructor(
    private readonly arenaBytes: number,
    handleCount: number,
    private readonly headerBytes = 8,
    private readonly align = 8,
    private readonly baseAddress = 0,
    private readonly pageBytes = 4096
  ) {
    this.blocks = [{ start: 0, size: arenaBytes, free: true, requested: 0 }]
    this.owned = new Array<NaiveBlock | undefined>(handleCount).fill(undefined)
    this.minBlock = Math.max(1, headerBytes)
  }

  execute(op: number, handle: number, _aux: number, size: number, out: RequestOutcome): void {
    out.reset()
    if (op === Op.Alloc || op === Op.Kmalloc || op === Op.CacheAlloc) this.malloc(handle, size, out)
    else if (op === Op.PageAlloc) this.malloc(handle, 2 ** size * this.pageBytes, out)
    else if (op === Op.Free || op === Op.Kfree || op === Op.PageFree || op === Op.CacheFree) {
      this.free(handle, out)
    } else if (op === Op.Realloc) {
      const old = this.owned[handle]
      if (old === undefined) {
        out.status = Status.Invalid
        out.invalidReason = InvalidReason.HandleEmpty
        return
      }
      this.owned[handle] = undefined
      this.malloc(handle, size, out)
      if (out.status !== Status.Ok) {
        this.owned[handle] = old
        return
      }
      out.copied = Math.min(old.requested, Math.ceil(size))
      this.release(old)
    } else out.status = Status.NoOp
  }

  private malloc(handle: number, size: number, out: RequestOutcome): void {
    if (this.owned[handle] !== undefined) {
      out.status = Status.Invalid
      out.invalidReason = InvalidReason.HandleLive
      return
    }
    const requested = Math.ceil(size)
    const need = Math.max(
      this.minBlock,
      Math.ceil(requested / this.align) * this.align + this.headerBytes
    )
    let index = -1
    for (let i = 0; i < this.blocks.length; i++) {
      if (!this.blocks[i].free) continue
      out.examined++
      if (this.blocks[i].size >= need) {
        index = i
        break
      }
    }
    if (index === -1) {
      const free = this.blocks.filter((b) => b.free).reduce((sum, b) => sum + b.size, 0)
      out.status = need > free ? Status.FailNoMemory : Status.FailFragmented
      return
    }
    const chosen = this.blocks[index]
    if (chosen.size - need >= this.minBlock) {
      const rest = {
        start: chosen.start + need,
        size: chosen.size - need,
        free: true,
        requested: 0
      }
      chosen.size = need
      this.blocks.splice(index + 1, 0, rest)
      out.splits = 1
    }
    chosen.free = false
    chosen.requested = requested
    this.owned[handle] = chosen
    this.highWater = Math.max(this.highWater, chosen.start + chosen.size)
    this.peakRequested = Math.max(this.peakRequested, this.requestedLive())
    out.addr = this.baseAddress + chosen.start
    out.granted = chosen.size
    out.requested = requested
  }

  private free(handle: number, out: RequestOutcome): void {
    const block = this.owned[handle]
    if (block === undefined) {
      out.status = Status.Invalid
      out.invalidReason = InvalidReason.HandleEmpty
      return
    }
    this.owned[handle] = undefined
    out.addr = this.baseAddress + block.start
    out.granted = block.size
    out.requested = block.requested
    out.merges = this.release(block)
  }

  private release(block: NaiveBlock): number {
    block.free = true
    block.requested = 0
    let merges = 0
    let index = this.blocks.indexOf(block)
    const next = this.blocks[index + 1]
    if (next !== undefined && next.free) {
      block.size += next.size
      this.blocks.splice(index + 1, 1)
      merges++
    }
    const prev = this.blocks[index - 1]
    if (prev !== undefined && prev.free) {
      prev.size += block.size
      this.blocks.splice(index, 1)
      index--
      merges++
    }
    return merges
  }

  private requestedLive(): number {
    return this.blocks.reduce((sum, b) => sum + (b.free ? 0 : b.requested), 0)
  }

  metrics(out: MetricsSnapshot): void {
    const free = this.blocks.filter((b) => b.free)
    out.poolBytes = this.arenaBytes
    out.requestedLive = this.requestedLive()
    out.allocatedLive = this.blocks.reduce((sum, b) => sum + (b.free ? 0 : b.size), 0)
    out.freeBytes = free.reduce((sum, b) => sum + b.size, 0)
    out.freeBlocks = free.length
    out.largestFree = free.reduce((max, b) => Math.max(max, b.size), 0)
    out.metadataBytes = this.headerBytes * this.blocks.length
    out.highWater = this.highWater
    out.peakRequested = this.peakRequested
    out.liveBlocks = this.owned.filter((b) => b !== undefined).length
  }

  check(): void {
    let offset = 0
    for (const block of this.blocks) {
      if (block.start !== offset) {
        throw new InvariantFailure('heap', 'tiling', { addr: block.start, expected: offset })
      }
      offset += block.size
    }
    if (offset !== this.arenaBytes) {
      throw new InvariantFailure('heap', 'arenaEnd', { end: offset, arena: this.arenaBytes })
    }
  }

  walk(visit: (start: number, length: number, state: MapStateCode, handle: number) => void): void {
    for (const block of this.blocks) {
      const handle = block.free ? -1 : this.owned.indexOf(block)
      visit(block.start, block.size, block.free ? MapState.Free : MapState.Used, handle)
    }
  }
}
