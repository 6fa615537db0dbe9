/** The built-in lessons, in the order the Lessons view lists them. */
import { buddyAllocator } from './buddy-allocator'
import { firstFitBestFit } from './first-fit-best-fit'
import { freeListOrder } from './free-list-order'
import type { Lesson } from './lesson'
import { nextFitWorstFit } from './next-fit-worst-fit'
import { slabCache } from './slab-cache'
import { slabVersusHeap } from './slab-versus-heap'
import { timeVersusSpace } from './time-versus-space'

export * from './lesson'

export const LESSONS: readonly Lesson[] = [
  timeVersusSpace,
  firstFitBestFit,
  nextFitWorstFit,
  freeListOrder,
  buddyAllocator,
  slabCache,
  slabVersusHeap
]

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id)
}
