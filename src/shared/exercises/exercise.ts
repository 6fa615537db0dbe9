/**
 * "Predict the next step": the questions a student can be asked about a
 * request before it is revealed, the answers as values, and the one rule
 * that says whether an answer is right. The truth always comes from the
 * real timeline (the request's event and the structures right after it),
 * never from a copy of the allocator.
 */
import type { FamilyKind } from '../allocator-catalog'
import type { z } from 'zod'
import type { StructuresOutput as StructuresSchema, TimelineEvent } from '../run-schemas'

type StructuresOutput = z.output<typeof StructuresSchema>

export const EXERCISE_KINDS = ['result', 'examined', 'freeAreas', 'freeList'] as const
export type ExerciseKind = (typeof EXERCISE_KINDS)[number]

/** Requests that hand out memory: their result is a place (an address or a first frame). */
const ALLOCATING = new Set(['alloc', 'realloc', 'kmalloc', 'pages', 'object'])

export type ExerciseAnswer =
  | { readonly kind: 'result'; readonly fails: boolean; readonly place: number | null }
  | { readonly kind: 'examined'; readonly count: number }
  | { readonly kind: 'freeAreas'; readonly counts: readonly number[] }
  | { readonly kind: 'freeList'; readonly entries: readonly (readonly [number, number])[] }

/** What the timeline says about one step: its event, and the structures right after it. */
export interface StepTruth {
  readonly event: TimelineEvent
  readonly structures: Pick<StructuresOutput, 'freeList' | 'freeAreas'> | null
  readonly family: FamilyKind
}

/** Whether a request's result is a place, and which: the first frame on the page family, else the address. */
export function placeKind(event: TimelineEvent, family: FamilyKind): 'frame' | 'address' | null {
  if (!ALLOCATING.has(event.op)) return null
  return family === 'pages' ? 'frame' : 'address'
}

/** The questions that mean something for this step's configuration. */
export function kindsFor(truth: StepTruth): ExerciseKind[] {
  const kinds: ExerciseKind[] = ['result', 'examined']
  if (truth.structures?.freeAreas) kinds.push('freeAreas')
  if (truth.structures?.freeList) kinds.push('freeList')
  return kinds
}

/** Free blocks per order, index = order, trailing empty orders dropped. */
function freeAreaCounts(freeAreas: NonNullable<StructuresOutput['freeAreas']>): number[] {
  const counts: number[] = []
  for (const area of freeAreas) counts[area.order] = area.addresses.length
  return trimZeros(Array.from(counts, (count) => count ?? 0))
}

function trimZeros(counts: readonly number[]): number[] {
  const copy = [...counts]
  while (copy.length > 0 && copy.at(-1) === 0) copy.pop()
  return copy
}

/** The right answer to a question about this step, or null when the question does not apply. */
export function expectedAnswer(kind: ExerciseKind, truth: StepTruth): ExerciseAnswer | null {
  const { event, structures } = truth
  switch (kind) {
    case 'result': {
      // A request that had nothing to do (freeing a null handle) did not fail.
      const fails = event.status !== 'ok' && event.status !== 'noop'
      const place = placeKind(event, truth.family)
      const value = place === 'frame' ? event.frame : event.addr
      return { kind, fails, place: !fails && place !== null && value >= 0 ? value : null }
    }
    case 'examined':
      return { kind, count: event.cost.examined }
    case 'freeAreas':
      return structures?.freeAreas ? { kind, counts: freeAreaCounts(structures.freeAreas) } : null
    case 'freeList':
      return structures?.freeList
        ? { kind, entries: structures.freeList.map((block) => [block.addr, block.size] as const) }
        : null
  }
}

/** Whether the student's answer is the right one (free-area counts ignore trailing empty orders). */
export function answersMatch(given: ExerciseAnswer, right: ExerciseAnswer): boolean {
  switch (right.kind) {
    case 'result':
      return given.kind === 'result' && given.fails === right.fails && given.place === right.place
    case 'examined':
      return given.kind === 'examined' && given.count === right.count
    case 'freeAreas':
      return (
        given.kind === 'freeAreas' &&
        trimZeros(given.counts).join() === trimZeros(right.counts).join()
      )
    case 'freeList':
      return (
        given.kind === 'freeList' &&
        given.entries.length === right.entries.length &&
        given.entries.every(
          ([addr, size], index) =>
            addr === right.entries[index]![0] && size === right.entries[index]![1]
        )
      )
  }
}

/** A whole number written in decimal or as 0x… hex, or null. */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  if (/^0x[0-9a-f]+$/i.test(trimmed)) return Number.parseInt(trimmed.slice(2), 16)
  return null
}

/** "0 0 1 1" (spaces or commas) as counts, or null. */
export function parseCounts(text: string): number[] | null {
  const words = text.split(/[\s,，]+/).filter((word) => word !== '')
  if (words.length === 0) return null
  const counts = words.map(parseWhole)
  return counts.every((count): count is number => count !== null) ? counts : null
}

/** "1000:10 1030:70" as [address, size] pairs; empty text is an empty list; null when unreadable. */
export function parseFreeList(text: string): [number, number][] | null {
  const words = text.split(/[\s,，;；]+/).filter((word) => word !== '')
  const entries: [number, number][] = []
  for (const word of words) {
    const match = /^([^:：]+)[:：]([^:：]+)$/.exec(word)
    const addr = match ? parseWhole(match[1]!) : null
    const size = match ? parseWhole(match[2]!) : null
    if (addr === null || size === null) return null
    entries.push([addr, size])
  }
  return entries
}
