import type { Migration } from './migration'

/**
 * Version 4: lessons imported from lesson packs (issue 17), kept by the
 * service so every host of this database shows the same ones. A lesson is
 * the pack's own JSON for it, already read through the pack schema and
 * checked whole (its scenario compiles, its notes stand at steps that
 * exist); beside it, the pack it came from and when it was imported. A
 * later import of a lesson with the same id replaces it.
 */
export const migration004ImportedLessons: Migration = {
  version: 4,
  name: 'imported-lessons',
  up(db) {
    db.exec(`
      CREATE TABLE imported_lessons (
        id              TEXT PRIMARY KEY NOT NULL
                        CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9-]*'),
        lesson          TEXT NOT NULL
                        CHECK (json_valid(lesson) AND json_type(lesson) = 'object'
                               AND json_extract(lesson, '$.id') = id),
        pack_title      TEXT NOT NULL CHECK (length(pack_title) BETWEEN 1 AND 200),
        pack_version    INTEGER NOT NULL CHECK (pack_version >= 1),
        pack_created_at TEXT NOT NULL,
        imported_at     INTEGER NOT NULL CHECK (imported_at >= 0)
      ) STRICT;
      CREATE INDEX imported_lessons_by_import ON imported_lessons (imported_at, id);
    `)
  }
}
