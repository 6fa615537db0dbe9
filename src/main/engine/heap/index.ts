import type { AllocatorFamily } from '../family'
import { FitPolicy } from './heap-config'
import { heapFamily } from './heap-family'

/** The heap fit families, in the order textbooks introduce them. */
export const heapFamilies: readonly AllocatorFamily[] = [
  heapFamily('first-fit', FitPolicy.First, 'heap.summary.firstFit'),
  heapFamily('next-fit', FitPolicy.Next, 'heap.summary.nextFit'),
  heapFamily('best-fit', FitPolicy.Best, 'heap.summary.bestFit'),
  heapFamily('worst-fit', FitPolicy.Worst, 'heap.summary.worstFit')
]

export { HeapTarget } from './heap-target'
export { HEAP_OPTIONS } from './heap-options'
export { HEAP_DEFAULTS, FitPolicy, ListOrder } from './heap-config'
export { NaiveHeap } from './naive-heap'
