import { BuddyTarget, type BuddyZone } from '../engine/buddy'
import { FrameState } from '../engine/buddy/frame-state'
import type { FreeListEntry, SlabinfoRow } from '../engine/final-state'
import { HeapTarget } from '../engine/heap'
import { FitPolicy } from '../engine/heap'
import { SlabTarget } from '../engine/slab'
import {
  CACHE_STRIDE,
  CacheField,
  ListField,
  SLAB_LIST_FIELDS,
  SlabList
} from '../engine/slab/cache-record'
import type { ScenarioTarget } from '../engine/target'

/** Free blocks of one buddy order, in free-list order, as byte addresses. */
export interface FreeArea {
  readonly order: number
  readonly addresses: number[]
}

export type SlabListName = 'full' | 'partial' | 'empty'

export interface SlabView {
  readonly frame: number
  readonly addr: number
  readonly list: SlabListName
  readonly inUse: number
  /** One letter per object: u = in use, c = free and still constructed. */
  readonly objects: string
}

export interface CacheView {
  readonly name: string
  readonly objectSize: number
  readonly objectsPerSlab: number
  readonly pagesPerSlab: number
  /** Slabs in list order: full, then partial, then empty. */
  readonly slabs: SlabView[]
}

/** The allocator's own structures at one instant (the fields that apply to its family). */
export interface AllocatorStructures {
  readonly family: string
  readonly freeList?: FreeListEntry[]
  /** Next-fit's rover address, -1 when the next search starts at the head. */
  readonly rover?: number
  readonly freeAreas?: FreeArea[]
  readonly slabinfo?: SlabinfoRow[]
  readonly caches?: CacheView[]
}

export function readStructures(target: ScenarioTarget): AllocatorStructures {
  if (target instanceof HeapTarget) {
    return {
      family: target.family,
      freeList: target.freeList(),
      ...(target.heap.config.policy === FitPolicy.Next ? { rover: target.heap.roverAddress } : {})
    }
  }
  if (target instanceof BuddyTarget) {
    return { family: target.family, freeAreas: freeAreas(target.zone, target.pageSize) }
  }
  if (target instanceof SlabTarget) {
    return {
      family: target.family,
      freeAreas: freeAreas(target.zone, target.pageSize),
      slabinfo: target.slabinfo(),
      caches: cacheViews(target)
    }
  }
  return { family: target.family }
}

export function freeAreas(zone: BuddyZone, pageBytes: number): FreeArea[] {
  const areas: FreeArea[] = []
  for (let order = 0; order <= zone.maxOrder; order++) {
    const addresses: number[] = []
    for (
      let pfn = zone.freeHead[order]!;
      pfn >= 0 && addresses.length <= zone.frames;
      pfn = zone.next[pfn]!
    ) {
      addresses.push(pfn * pageBytes)
    }
    areas.push({ order, addresses })
  }
  return areas
}

const LISTS: readonly [SlabListName, number][] = [
  ['full', SlabList.Full],
  ['partial', SlabList.Partial],
  ['empty', SlabList.Empty]
]

function cacheViews(target: SlabTarget): CacheView[] {
  const slab = target.slab
  const zone = target.zone
  const views: CacheView[] = []
  for (let cache = 0; cache < slab.cacheNames.length; cache++) {
    if (!slab.isLive(cache)) continue
    const base = cache * CACHE_STRIDE
    const slabs: SlabView[] = []
    for (const [list, code] of LISTS) {
      const head = base + CacheField.LISTS + code * SLAB_LIST_FIELDS + ListField.HEAD
      for (
        let pfn = slab.caches[head]!;
        pfn >= 0 && slabs.length <= zone.frames;
        pfn = zone.next[pfn]!
      ) {
        if (zone.state[pfn] !== FrameState.Slab) break
        const free = slab.freeObjects(pfn)
        let objects = ''
        for (const mark of free) objects += mark === 1 ? 'c' : 'u'
        slabs.push({
          frame: pfn,
          addr: pfn * target.pageSize,
          list,
          inUse: slab.slabInuse[pfn]!,
          objects
        })
      }
    }
    views.push({
      name: slab.cacheNames[cache]!,
      objectSize: slab.field(cache, CacheField.OBJECT_SIZE),
      objectsPerSlab: slab.field(cache, CacheField.NUM),
      pagesPerSlab: 2 ** slab.field(cache, CacheField.ORDER),
      slabs
    })
  }
  return views
}
