import type { Database, Statement } from 'better-sqlite3'
import type { LessonPack, PackLesson } from '@shared/lesson-pack/lesson-pack'
import {
  ImportedLessonSchema,
  type ImportedLesson
} from '@shared/lesson-pack/imported-lesson-schemas'
import { storeWriteError } from './store-write-error'

interface ImportedLessonRow {
  lesson: string
  pack_title: string
  pack_version: number
  pack_created_at: string
  imported_at: number
}

/**
 * Lessons imported from lesson packs, one row per lesson id. A pack's
 * lessons go in one transaction, replacing earlier imports of the same ids.
 * A row this code cannot read (hand-edited, or written by a newer build) is
 * left where it is and not listed, so nothing is lost and nothing half-read
 * reaches the window.
 */
export class ImportedLessonRepository {
  private readonly selectAll: Statement<[], ImportedLessonRow>
  private readonly upsert: Statement<[string, string, string, number, string, number]>
  private readonly deleteOne: Statement<[string]>

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now
  ) {
    this.selectAll = db.prepare(
      `SELECT lesson, pack_title, pack_version, pack_created_at, imported_at
       FROM imported_lessons ORDER BY imported_at, id`
    )
    this.upsert = db.prepare(
      `INSERT INTO imported_lessons (id, lesson, pack_title, pack_version, pack_created_at, imported_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET
         lesson = excluded.lesson,
         pack_title = excluded.pack_title,
         pack_version = excluded.pack_version,
         pack_created_at = excluded.pack_created_at,
         imported_at = excluded.imported_at`
    )
    this.deleteOne = db.prepare('DELETE FROM imported_lessons WHERE id = ?')
  }

  list(): ImportedLesson[] {
    const lessons: ImportedLesson[] = []
    for (const row of this.selectAll.all()) {
      const read = ImportedLessonSchema.safeParse({
        lesson: parseJson(row.lesson),
        packTitle: row.pack_title,
        packVersion: row.pack_version,
        packCreatedAt: row.pack_created_at,
        importedAt: row.imported_at
      })
      if (read.success) lessons.push(read.data)
    }
    return lessons
  }

  /** Keeps `lessons` (already checked as part of `pack`) as imported from it, all or none. */
  importFrom(
    pack: Pick<LessonPack, 'title' | 'version' | 'createdAt'>,
    lessons: PackLesson[]
  ): void {
    const importedAt = this.now()
    this.write(() => {
      for (const lesson of lessons) {
        this.upsert.run(
          lesson.id,
          JSON.stringify(lesson),
          pack.title,
          pack.version,
          pack.createdAt,
          importedAt
        )
      }
    })
  }

  /** Whether there was such a lesson to remove. */
  remove(id: string): boolean {
    return this.write(() => this.deleteOne.run(id).changes > 0)
  }

  private write<T>(work: () => T): T {
    try {
      return this.db.transaction(work)()
    } catch (error) {
      // A read-only session, a lock held too long, a full disk: say so, not "internal".
      throw storeWriteError(error) ?? error
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
