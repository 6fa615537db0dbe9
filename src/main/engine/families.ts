import { buddyFamily } from './buddy'
import type { AllocatorFamily } from './family'
import { heapFamilies } from './heap'
import { slabFamily } from './slab'

/** Every allocator family, in the order `alloclab allocators` lists them. */
export const allFamilies: readonly AllocatorFamily[] = [...heapFamilies, buddyFamily, slabFamily]

export function findFamily(name: string): AllocatorFamily | undefined {
  return allFamilies.find((family) => family.name === name)
}
