import type { LabApi } from '@shared/api'
import { LESSON_PACK_FORMAT, LESSON_PACK_VERSION } from '@shared/lesson-pack/lesson-pack'
import type { ImportedLesson } from '@shared/lesson-pack/imported-lesson-schemas'
import {
  keepLegacyImportedLessons,
  readLegacyImportedLessons,
  type LegacyImportedLesson
} from './legacy-imported-lessons'

export interface CarryOver {
  /** The service's imported lessons after the carry-over; null when nothing was sent. */
  readonly imported: ImportedLesson[] | null
  /** Lessons still only in this browser: the service refused them or could not be reached. */
  readonly left: LegacyImportedLesson[]
  /** Why the first of `left` stayed behind. */
  readonly failure: unknown
}

/**
 * Moves the lessons an older window kept in localStorage into the service,
 * one pack (by its title) at a time, through the same import a pack file
 * takes, so each is checked as a pack is. Lessons the service already has
 * (imported again since) are not sent. The old key is cleared once nothing
 * is left; whatever the service refused stays there for the next window.
 */
export async function carryOverImportedLessons(
  lab: LabApi,
  known: ReadonlySet<string>,
  now: Date = new Date()
): Promise<CarryOver> {
  const stored = readLegacyImportedLessons()
  const packs = new Map<string, LegacyImportedLesson[]>()
  for (const entry of stored) {
    if (known.has(entry.lesson.id)) continue
    packs.set(entry.packTitle, [...(packs.get(entry.packTitle) ?? []), entry])
  }
  let imported: ImportedLesson[] | null = null
  const left: LegacyImportedLesson[] = []
  let failure: unknown = null
  for (const [title, entries] of packs) {
    const pack = {
      format: LESSON_PACK_FORMAT,
      version: LESSON_PACK_VERSION,
      title,
      // The old store kept no date of the pack: the carry-over is the date it is known by.
      createdAt: now.toISOString(),
      lessons: entries.map(({ lesson }) => lesson),
      experiments: []
    }
    try {
      imported = (await lab.invoke('lessons:import-pack', { text: JSON.stringify(pack) })).imported
    } catch (error) {
      failure ??= error
      left.push(...entries)
    }
  }
  if (stored.length > 0) keepLegacyImportedLessons(left)
  return { imported, left, failure }
}
