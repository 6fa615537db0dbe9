import { PackLessonSchema, type PackLesson } from '@shared/lesson-pack/lesson-pack'

/**
 * Where windows before the lab's database kept the lessons they imported
 * from packs. The catalog carries what is there into the service once,
 * then clears it; until a carry-over succeeds the lessons stay here.
 */
export const IMPORTED_LESSONS_KEY = 'alloclab.importedLessons'

export interface LegacyImportedLesson {
  readonly lesson: PackLesson
  readonly packTitle: string
}

/** What the old key holds, read back through the pack schema; entries it no longer reads are dropped. */
export function readLegacyImportedLessons(): LegacyImportedLesson[] {
  try {
    const text = globalThis.localStorage?.getItem(IMPORTED_LESSONS_KEY)
    if (!text) return []
    const stored = JSON.parse(text) as { packTitle?: unknown; lesson?: unknown }[]
    const kept: LegacyImportedLesson[] = []
    for (const entry of stored) {
      const lesson = PackLessonSchema.safeParse(entry.lesson)
      if (lesson.success && typeof entry.packTitle === 'string' && entry.packTitle.trim())
        kept.push({ lesson: lesson.data, packTitle: entry.packTitle })
    }
    return kept
  } catch {
    // Storage refused (a locked-down browser) or not JSON: nothing to carry over.
    return []
  }
}

/** Leaves only `left` under the old key, or clears it when nothing is left. */
export function keepLegacyImportedLessons(left: readonly LegacyImportedLesson[]): void {
  try {
    if (left.length === 0) globalThis.localStorage?.removeItem(IMPORTED_LESSONS_KEY)
    else globalThis.localStorage?.setItem(IMPORTED_LESSONS_KEY, JSON.stringify(left))
  } catch {
    // Storage refused: the next window reads the same lessons and carries them again.
  }
}
