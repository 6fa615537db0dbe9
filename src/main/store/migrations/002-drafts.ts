import type { Migration } from './migration'

/**
 * Version 2: the Workbench's draft, one row per slot ("workbench"). The
 * scenario is stored either as text or, when large, as the gzip bytes the
 * window sent; exactly one of the two columns is set.
 */
export const migration002Drafts: Migration = {
  version: 2,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        slot            TEXT PRIMARY KEY NOT NULL,
        scenario_text   TEXT,
        scenario_gzip   BLOB,
        scenario_length INTEGER NOT NULL CHECK (scenario_length >= 0),
        configs         TEXT NOT NULL,
        file_name       TEXT,
        saved_at        INTEGER NOT NULL,
        CHECK ((scenario_text IS NULL) <> (scenario_gzip IS NULL))
      ) STRICT;
    `)
  }
}
