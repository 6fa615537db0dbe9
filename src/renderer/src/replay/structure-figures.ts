import type { LabOutput } from '@shared/api'
import type { FamilyKind } from '@shared/allocator-catalog'

type Structures = LabOutput<'timeline:structures'>

export interface PoolGeometry {
  readonly kind: FamilyKind
  readonly baseAddress: number
  readonly pageBytes: number
}

/** Free memory as the allocator's own lists tell it: bytes, blocks and the largest block. */
export interface FreeFigures {
  readonly free: number
  readonly blocks: number
  readonly largest: number
}

export function freeFigures(structures: Structures, geometry: PoolGeometry): FreeFigures {
  let free = 0
  let blocks = 0
  let largest = 0
  for (const entry of structures.freeList ?? []) {
    free += entry.size
    blocks++
    largest = Math.max(largest, entry.size)
  }
  for (const area of structures.freeAreas ?? []) {
    const size = 2 ** area.order * geometry.pageBytes
    free += size * area.addresses.length
    blocks += area.addresses.length
    if (area.addresses.length > 0) largest = Math.max(largest, size)
  }
  return { free, blocks, largest }
}

/** Free blocks as outlines on the map, in pool offsets: heap free-list entries, buddy blocks with their order. */
export function freeOutlines(
  structures: Structures,
  geometry: PoolGeometry
): { start: number; length: number; label?: string }[] {
  const outlines: { start: number; length: number; label?: string }[] = []
  for (const entry of structures.freeList ?? []) {
    outlines.push({ start: entry.addr - geometry.baseAddress, length: entry.size })
  }
  for (const area of structures.freeAreas ?? []) {
    const length = 2 ** area.order * geometry.pageBytes
    for (const addr of area.addresses)
      outlines.push({ start: addr, length, label: `o${area.order}` })
  }
  return outlines
}

/** Each slab's pages and how many of its objects are in use, for the slab lane under the map. */
export function slabLane(
  structures: Structures,
  geometry: PoolGeometry
): { start: number; length: number; inUse: number; total: number }[] | null {
  if (!structures.caches) return null
  const slabs: { start: number; length: number; inUse: number; total: number }[] = []
  for (const cache of structures.caches) {
    for (const slab of cache.slabs) {
      slabs.push({
        start: slab.frame * geometry.pageBytes,
        length: cache.pagesPerSlab * geometry.pageBytes,
        inUse: slab.inUse,
        total: cache.objectsPerSlab
      })
    }
  }
  return slabs
}
