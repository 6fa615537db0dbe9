import { CODE_STRIDE, Op } from '@shared/scenario/program'
import { Status } from '../engine/outcome'
import { MapState } from '../engine/target'
import type { MapRuns } from './map-runs'
import { PaintLayer } from './paint-layer'
import type { MapGeometry } from './timeline-format'
import type { TimelineReader } from './timeline-reader'

const OK = Status.Ok

type RequestKind = 'alloc' | 'free' | 'realloc' | 'other'

function kindOf(op: number): RequestKind {
  switch (op) {
    case Op.Alloc:
    case Op.Kmalloc:
    case Op.PageAlloc:
    case Op.CacheAlloc:
      return 'alloc'
    case Op.Free:
    case Op.Kfree:
    case Op.PageFree:
    case Op.CacheFree:
      return 'free'
    case Op.Realloc:
      return 'realloc'
    default:
      return 'other'
  }
}

/**
 * The memory map after `position` requests (0 = before the first): the last
 * keyframe at or before it, plus the changes its requests imply, at most one
 * keyframe interval of them.
 */
export function mapAfter(reader: TimelineReader, position: number): MapRuns {
  const clamped = Math.max(0, Math.min(position, reader.count))
  const key = reader.keyframeAtOrBefore(clamped)
  const base = reader.keyframeRuns(key)
  const from = reader.timeline.keyPosition[key]!
  if (from === clamped) return base
  const layer = new PaintLayer()
  const geometry = reader.timeline.geometry
  const model = geometry.kind === 'heap' ? new HeapPainter(geometry, base, layer) : undefined
  const blocks = geometry.kind === 'pages' ? new BlockTable(base) : undefined
  const code = reader.program.code
  for (let step = from; step < clamped; step++) {
    if (reader.status(step) !== OK) continue
    const c = step * CODE_STRIDE
    const kind = kindOf(code[c]!)
    if (kind === 'other') continue
    const handle = code[c + 1]!
    if (model) model.apply(reader, step, kind, handle)
    else if (blocks) paintPages(reader, step, kind, handle, blocks, layer)
    else if (geometry.kind === 'slab') paintSlab(reader, step, kind, handle, layer)
  }
  return layer.compose(base)
}

/** Where each handle's block is: start and end offsets, from a keyframe and then each request. */
class BlockTable {
  readonly start = new Map<number, number>()
  readonly end = new Map<number, number>()
  readonly requested = new Map<number, number>()

  constructor(base: MapRuns) {
    for (let r = 0; r < base.count; r++) {
      const handle = base.handle[r]!
      if (handle < 0) continue
      const start = base.start[r]!
      const end = start + base.length[r]!
      if (!this.start.has(handle) || start < this.start.get(handle)!) this.start.set(handle, start)
      if (!this.end.has(handle) || end > this.end.get(handle)!) this.end.set(handle, end)
      if (base.state[r] === MapState.Used) {
        this.requested.set(handle, (this.requested.get(handle) ?? 0) + base.length[r]!)
      }
    }
  }

  set(handle: number, start: number, end: number, requested: number): void {
    this.start.set(handle, start)
    this.end.set(handle, end)
    this.requested.set(handle, requested)
  }

  delete(handle: number): void {
    this.start.delete(handle)
    this.end.delete(handle)
    this.requested.delete(handle)
  }
}

function paintBlock(
  layer: PaintLayer,
  start: number,
  granted: number,
  requested: number,
  handle: number
): void {
  const used = Math.min(requested, granted)
  layer.paint(start, used, MapState.Used, handle)
  layer.paint(start + used, granted - used, MapState.Slack, handle)
}

/** Buddy: a block is Used then Slack; free space is Free, however it is cut into blocks. */
function paintPages(
  reader: TimelineReader,
  step: number,
  kind: RequestKind,
  handle: number,
  blocks: BlockTable,
  layer: PaintLayer
): void {
  if (kind === 'free' || kind === 'realloc') {
    const start = blocks.start.get(handle)
    if (start !== undefined) {
      layer.paint(start, blocks.end.get(handle)! - start, MapState.Free, -1)
      blocks.delete(handle)
    }
    if (kind === 'free') return
  }
  const addr = reader.addr(step)
  const granted = reader.granted(step)
  if (addr < 0) return
  paintBlock(layer, addr, granted, reader.requested(step), handle)
  blocks.set(handle, addr, addr + granted, reader.requested(step))
}

/** Slab: objects and page blocks are painted from the record; a freed object stays constructed. */
function paintSlab(
  reader: TimelineReader,
  step: number,
  kind: RequestKind,
  handle: number,
  layer: PaintLayer
): void {
  const addr = reader.addr(step)
  if (addr < 0) return
  const granted = reader.granted(step)
  if (kind === 'free') {
    const state = reader.isObject(step) ? MapState.CachedObject : MapState.Free
    layer.paint(addr, granted, state, -1)
    return
  }
  paintBlock(layer, addr, granted, reader.requested(step), handle)
}

/**
 * Heap fits: every block shows its front tag, payload and back tag; a free
 * block's tags carry no owner, and a free block smaller than a front tag
 * (split=any) is all tag. With coalescing, a freed block joins the free
 * neighbours it touches, which is known from where the allocated blocks are.
 * Blocks lie between the prologue and the epilogue before the break; a
 * request that moves the break is keyframed, so the break of the keyframe
 * holds for every request painted on it.
 */
class HeapPainter {
  private readonly blocks: BlockTable
  /** Allocated blocks by start and by end offset, for neighbour questions. */
  private readonly byStart = new Map<number, number>()
  private readonly byEnd = new Map<number, number>()
  private readonly front: number
  private readonly back: number
  /** Where blocks begin and end (offsets). */
  private readonly blocksStart: number
  private readonly blocksEnd: number

  constructor(
    private readonly geometry: Extract<MapGeometry, { kind: 'heap' }>,
    base: MapRuns,
    private readonly layer: PaintLayer
  ) {
    this.blocks = new BlockTable(base)
    for (const [handle, start] of this.blocks.start) {
      this.byStart.set(start, handle)
      this.byEnd.set(this.blocks.end.get(handle)!, handle)
    }
    this.front = geometry.frontTag
    this.back = geometry.backTag
    this.blocksStart = geometry.prologue
    const last = base.count - 1
    const heapEnd =
      last >= 0 && base.state[last] === MapState.Unobtained
        ? base.start[last]!
        : geometry.arenaBytes
    this.blocksEnd = heapEnd - geometry.epilogue
  }

  apply(reader: TimelineReader, step: number, kind: RequestKind, handle: number): void {
    if (kind === 'free') {
      this.release(handle)
      return
    }
    const addr = reader.addr(step)
    if (addr < 0) return
    const start = addr - this.geometry.baseAddress
    const size = reader.granted(step)
    const requested = reader.requested(step)
    const oldStart = this.blocks.start.get(handle)
    if (kind === 'realloc' && oldStart !== undefined) {
      const oldEnd = this.blocks.end.get(handle)!
      if (oldStart === start) {
        this.forget(handle)
        this.place(handle, start, size, requested)
        // A shrunk block's tail is freed like any block; a grown one took its neighbour's front.
        if (start + size < oldEnd) this.paintFreed(start + size, oldEnd)
        return
      }
      this.forget(handle)
      this.place(handle, start, size, requested)
      this.paintFreed(oldStart, oldEnd)
      return
    }
    this.place(handle, start, size, requested)
  }

  private place(handle: number, start: number, size: number, requested: number): void {
    const layer = this.layer
    const front = this.front
    const back = this.back
    layer.paint(start, front, MapState.Overhead, handle)
    layer.paint(start + front, requested, MapState.Used, handle)
    layer.paint(start + front + requested, size - front - back - requested, MapState.Slack, handle)
    layer.paint(start + size - back, back, MapState.Overhead, handle)
    const end = start + size
    // What is left of the free block this one came from starts with its own front tag.
    if (end < this.blocksEnd && !this.byStart.has(end)) {
      layer.paint(end, this.tagEnd(end, end + front) - end, MapState.Overhead, -1)
    }
    this.blocks.set(handle, start, end, requested)
    this.byStart.set(start, handle)
    this.byEnd.set(end, handle)
  }

  private release(handle: number): void {
    const start = this.blocks.start.get(handle)
    if (start === undefined) return
    const end = this.blocks.end.get(handle)!
    this.forget(handle)
    this.paintFreed(start, end)
  }

  private forget(handle: number): void {
    const start = this.blocks.start.get(handle)
    if (start === undefined) return
    const end = this.blocks.end.get(handle)!
    if (this.byStart.get(start) === handle) this.byStart.delete(start)
    if (this.byEnd.get(end) === handle) this.byEnd.delete(end)
    this.blocks.delete(handle)
  }

  /** Paint [start, end) as a free block, joined to free neighbours when coalescing. */
  private paintFreed(start: number, end: number): void {
    const coalesce = this.geometry.coalesce
    const front = this.front
    const joinsPrevious = coalesce && start > this.blocksStart && !this.byEnd.has(start)
    const joinsNext = coalesce && end < this.blocksEnd && !this.byStart.has(end)
    const from = joinsPrevious ? start - this.back : start
    const to = joinsNext ? this.tagEnd(end, end + front) : end
    this.layer.paint(from, to - from, MapState.Free, -1)
    if (!joinsPrevious) {
      this.layer.paint(start, Math.min(front, to - start), MapState.Overhead, -1)
    } else if (this.back === 0) {
      // A free block below smaller than a tag: the joined block's tag reaches into this one.
      const below = this.freeStartBelow(start)
      if (below + front > start)
        this.layer.paint(start, below + front - start, MapState.Overhead, -1)
    }
    if (!joinsNext) this.layer.paint(end - this.back, this.back, MapState.Overhead, -1)
  }

  /**
   * Where a free block's tag starting at `from` stops: at `limit`, or sooner
   * at the next allocated block or the blocks' end (a free remainder can be
   * smaller than a tag).
   */
  private tagEnd(from: number, limit: number): number {
    const stop = Math.min(limit, this.blocksEnd)
    for (let at = from + 1; at < stop; at++) if (this.byStart.has(at)) return at
    return stop
  }

  /** Start of the free block that ends at `start`, looked for within one tag's reach. */
  private freeStartBelow(start: number): number {
    const reach = Math.max(this.blocksStart, start - this.front)
    for (let at = start - 1; at > reach; at--) if (this.byEnd.has(at)) return at
    return reach
  }
}
