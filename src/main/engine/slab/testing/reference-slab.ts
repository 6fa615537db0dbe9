import { Op, type CacheSpec } from '@shared/scenario/program'
import { ReferenceBuddy } from '../../buddy/testing/reference-buddy'
import type { SlabinfoRow } from '../../final-state'
import { InvalidReason, Status } from '../../outcome'
import { MIN_OBJECT_ALIGN, slabGeometry, type SlabGeometry } from '../cache-estimate'
import { KMALLOC_SIZES, kmallocIndex } from '../kmalloc-sizes'

interface Slab {
  readonly start: number
  readonly colour: number
  /** Free objects, the next one to hand out last. */
  readonly free: number[]
  /** Objects handed out at least once: they kept their constructed state. */
  readonly used: Set<number>
  inuse: number
}

interface Cache {
  readonly name: string
  readonly objectSize: number
  readonly geometry: SlabGeometry
  readonly ctor: number
  readonly dtor: number
  readonly seq: number
  readonly full: Slab[]
  readonly partial: Slab[]
  readonly empty: Slab[]
  colourNext: number
}

type Held =
  | { kind: 'object'; cache: Cache; slab: Slab; index: number; requested: number }
  | { kind: 'pages'; start: number; order: number; requested: number }

export interface ReferenceSlabOutcome {
  status: number
  invalidReason: number
  frame: number
  addr: number
  requested: number
  granted: number
  ctorCalls: number
  ctorSaved: number
  workUnits: number
  slabsGrown: number
  slabsReaped: number
  copied: number
}

export interface ReferenceSlabConfig {
  readonly frames: number
  readonly pageSize: number
  readonly maxOrder: number
  readonly cacheLine: number
  readonly colouring: boolean
}

/**
 * A deliberately simple slab allocator for differential tests: caches are
 * objects, slab lists are arrays (index 0 is the front), each slab keeps its
 * free objects in an array used as a stack, and pages come from ReferenceBuddy.
 */
export class ReferenceSlab {
  readonly buddy: ReferenceBuddy
  private readonly caches = new Map<number, Cache>()
  private readonly held = new Map<number, Held>()
  private seq = 0

  constructor(
    private readonly config: ReferenceSlabConfig,
    private readonly specs: readonly CacheSpec[]
  ) {
    this.buddy = new ReferenceBuddy(config.frames, config.maxOrder)
    KMALLOC_SIZES.forEach((size, index) => {
      this.makeCache(specs.length + index, `kmalloc-${size}`, size, MIN_OBJECT_ALIGN, 0, 0, 0)
    })
  }

  private makeCache(
    id: number,
    name: string,
    size: number,
    align: number,
    pages: number,
    ctor: number,
    dtor: number
  ): boolean {
    const { pageSize, maxOrder, frames, cacheLine, colouring } = this.config
    const geometry = slabGeometry({
      objectSize: size,
      align,
      pagesPerSlab: pages,
      pageSize,
      maxOrder,
      poolBytes: frames * pageSize,
      cacheLine,
      colouring
    })
    if (geometry === undefined) return false
    this.caches.set(id, {
      name,
      objectSize: size,
      geometry,
      ctor,
      dtor,
      seq: this.seq++,
      full: [],
      partial: [],
      empty: [],
      colourNext: 0
    })
    return true
  }

  execute(op: number, handle: number, aux: number, size: number): ReferenceSlabOutcome {
    const out: ReferenceSlabOutcome = {
      status: Status.Ok,
      invalidReason: 0,
      frame: -1,
      addr: -1,
      requested: 0,
      granted: 0,
      ctorCalls: 0,
      ctorSaved: 0,
      workUnits: 0,
      slabsGrown: 0,
      slabsReaped: 0,
      copied: 0
    }
    const refuse = (reason: number): ReferenceSlabOutcome => {
      out.status = Status.Invalid
      out.invalidReason = reason
      return out
    }
    const userCache = (id: number): Cache | undefined =>
      id >= 0 && id < this.specs.length ? this.caches.get(id) : undefined
    switch (op) {
      case Op.Alloc:
      case Op.Kmalloc:
        out.requested = size
        if (this.held.has(handle)) return refuse(InvalidReason.HandleLive)
        return this.kmalloc(handle, size, out)
      case Op.PageAlloc:
        out.requested = 2 ** size * this.config.pageSize
        if (this.held.has(handle)) return refuse(InvalidReason.HandleLive)
        return this.pages(handle, size, out.requested, out)
      case Op.Realloc:
        return this.krealloc(handle, size, out)
      case Op.Free:
      case Op.Kfree:
      case Op.PageFree: {
        if (!this.held.has(handle)) return refuse(InvalidReason.HandleEmpty)
        this.release(handle, out)
        return out
      }
      case Op.CacheFree: {
        const held = this.held.get(handle)
        if (held === undefined) return refuse(InvalidReason.HandleEmpty)
        if (held.kind !== 'object' || (aux >= 0 && this.caches.get(aux) !== held.cache))
          return refuse(InvalidReason.WrongKind)
        this.release(handle, out)
        return out
      }
      case Op.CacheCreate: {
        const spec = this.specs[aux]
        if (spec === undefined) return refuse(InvalidReason.UnknownCache)
        if ([...this.caches.values()].some((cache) => cache.name === spec.name))
          return refuse(InvalidReason.CacheExists)
        if (
          !this.makeCache(
            aux,
            spec.name,
            spec.objectSize,
            spec.align,
            spec.pagesPerSlab,
            spec.ctorCost,
            spec.dtorCost
          )
        ) {
          return refuse(InvalidReason.TooLarge)
        }
        return out
      }
      case Op.CacheAlloc: {
        const cache = userCache(aux)
        if (cache === undefined) return refuse(InvalidReason.UnknownCache)
        out.requested = cache.objectSize
        if (this.held.has(handle)) return refuse(InvalidReason.HandleLive)
        return this.object(handle, cache, cache.objectSize, out)
      }
      case Op.CacheShrink: {
        const cache = userCache(aux)
        if (cache === undefined) return refuse(InvalidReason.UnknownCache)
        this.shrink(cache, out)
        return out
      }
      case Op.CacheDestroy: {
        const cache = userCache(aux)
        if (cache === undefined) return refuse(InvalidReason.UnknownCache)
        if (cache.full.length + cache.partial.length > 0)
          return refuse(InvalidReason.CacheHasLiveObjects)
        this.shrink(cache, out)
        this.caches.delete(aux)
        return out
      }
      default:
        return refuse(InvalidReason.WrongKind)
    }
  }

  private generalFor(size: number): Cache | undefined {
    const index = kmallocIndex(size)
    return index < 0 ? undefined : this.caches.get(this.specs.length + index)
  }

  private orderFor(bytes: number): number {
    let order = 0
    while (2 ** order * this.config.pageSize < bytes) order++
    return order
  }

  private kmalloc(handle: number, size: number, out: ReferenceSlabOutcome): ReferenceSlabOutcome {
    const cache = this.generalFor(size)
    if (cache !== undefined) return this.object(handle, cache, size, out)
    return this.pages(handle, this.orderFor(size), size, out)
  }

  private object(
    handle: number,
    cache: Cache,
    requested: number,
    out: ReferenceSlabOutcome
  ): ReferenceSlabOutcome {
    const taken = this.takeObject(cache, out)
    if (taken === undefined) return out
    this.held.set(handle, {
      kind: 'object',
      cache,
      slab: taken.slab,
      index: taken.index,
      requested
    })
    this.describe(handle, out)
    return out
  }

  private takeObject(
    cache: Cache,
    out: ReferenceSlabOutcome
  ): { slab: Slab; index: number } | undefined {
    let from = cache.partial
    if (from.length === 0) from = cache.empty
    if (from.length === 0 && !this.grow(cache, out)) return undefined
    const slab = from[0]!
    const index = slab.free.pop()!
    if (slab.used.has(index) && cache.ctor > 0) out.ctorSaved++
    slab.used.add(index)
    slab.inuse++
    const full = slab.inuse === cache.geometry.objectsPerSlab
    if (from === cache.empty || full) {
      from.splice(from.indexOf(slab), 1)
      ;(full ? cache.full : cache.partial).unshift(slab)
    }
    return { slab, index }
  }

  private grow(cache: Cache, out: ReferenceSlabOutcome): boolean {
    const { order, objectsPerSlab, colourCount } = cache.geometry
    const start = order > this.config.maxOrder ? -1 : this.buddy.alloc(order)
    if (start < 0) {
      out.status = this.buddy.failure(order)
      return false
    }
    const free = Array.from({ length: objectsPerSlab }, (_, i) => objectsPerSlab - 1 - i)
    cache.empty.push({ start, colour: cache.colourNext, free, used: new Set(), inuse: 0 })
    cache.colourNext = cache.colourNext + 1 >= colourCount ? 0 : cache.colourNext + 1
    if (cache.ctor > 0) {
      out.ctorCalls += objectsPerSlab
      out.workUnits += objectsPerSlab * cache.ctor
    }
    out.slabsGrown++
    return true
  }

  private pages(
    handle: number,
    order: number,
    requested: number,
    out: ReferenceSlabOutcome
  ): ReferenceSlabOutcome {
    if (order > this.config.maxOrder) {
      out.status = Status.Invalid
      out.invalidReason = InvalidReason.TooLarge
      return out
    }
    const start = this.buddy.alloc(order)
    if (start < 0) {
      out.status = this.buddy.failure(order)
      return out
    }
    this.held.set(handle, { kind: 'pages', start, order, requested })
    this.describe(handle, out)
    return out
  }

  private krealloc(handle: number, size: number, out: ReferenceSlabOutcome): ReferenceSlabOutcome {
    const held = this.held.get(handle)
    if (held === undefined) {
      out.requested = size
      return this.kmalloc(handle, size, out)
    }
    out.requested = size
    const cache = this.generalFor(size)
    const same =
      held.kind === 'object'
        ? cache === held.cache
        : cache === undefined && this.orderFor(size) === held.order
    if (same) {
      held.requested = size
      this.describe(handle, out)
      return out
    }
    const oldRequested = held.requested
    let next: Held
    if (cache !== undefined) {
      const taken = this.takeObject(cache, out)
      if (taken === undefined) return out
      next = { kind: 'object', cache, slab: taken.slab, index: taken.index, requested: size }
    } else {
      const order = this.orderFor(size)
      if (order > this.config.maxOrder) {
        out.status = Status.Invalid
        out.invalidReason = InvalidReason.TooLarge
        return out
      }
      const start = this.buddy.alloc(order)
      if (start < 0) {
        out.status = this.buddy.failure(order)
        return out
      }
      next = { kind: 'pages', start, order, requested: size }
    }
    this.release(handle, out)
    this.held.set(handle, next)
    this.describe(handle, out)
    out.copied = Math.min(oldRequested, size)
    return out
  }

  private release(handle: number, out: ReferenceSlabOutcome): void {
    const held = this.held.get(handle)!
    this.describe(handle, out)
    this.held.delete(handle)
    if (held.kind === 'pages') {
      this.buddy.free(held.start, held.order)
      return
    }
    const { cache, slab, index } = held
    const wasFull = slab.inuse === cache.geometry.objectsPerSlab
    const list = wasFull ? cache.full : cache.partial
    list.splice(list.indexOf(slab), 1)
    slab.free.push(index)
    slab.inuse--
    if (slab.inuse === 0) cache.empty.unshift(slab)
    else cache.partial.push(slab)
  }

  private shrink(cache: Cache, out: ReferenceSlabOutcome): void {
    while (cache.empty.length > 0) {
      const slab = cache.empty.pop()!
      if (cache.dtor > 0) out.workUnits += cache.geometry.objectsPerSlab * cache.dtor
      this.buddy.free(slab.start, cache.geometry.order)
      out.slabsReaped++
    }
  }

  private describe(handle: number, out: ReferenceSlabOutcome): void {
    const held = this.held.get(handle)!
    out.requested = held.requested
    if (held.kind === 'pages') {
      out.frame = held.start
      out.addr = held.start * this.config.pageSize
      out.granted = 2 ** held.order * this.config.pageSize
      return
    }
    const { geometry } = held.cache
    const onSlab = geometry.offSlab ? 0 : geometry.managementBytes
    out.frame = held.slab.start
    out.addr =
      held.slab.start * this.config.pageSize +
      held.slab.colour * geometry.colourOffset +
      onSlab +
      held.index * geometry.bufferSize
    out.granted = geometry.bufferSize
  }

  slabinfo(): SlabinfoRow[] {
    return [...this.caches.values()]
      .sort((a, b) => b.seq - a.seq)
      .map((cache) => {
        const slabs = [...cache.full, ...cache.partial, ...cache.empty]
        return {
          name: cache.name,
          activeObjs: slabs.reduce((sum, slab) => sum + slab.inuse, 0),
          numObjs: slabs.length * cache.geometry.objectsPerSlab,
          objSize: cache.geometry.bufferSize,
          objPerSlab: cache.geometry.objectsPerSlab,
          pagesPerSlab: 2 ** cache.geometry.order,
          activeSlabs: cache.full.length + cache.partial.length,
          numSlabs: slabs.length
        }
      })
  }
}
