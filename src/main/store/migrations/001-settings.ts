import type { Migration } from './migration'

/** Version 1: key/value settings, each value a JSON text checked by the settings schema on read. */
export const migration001Settings: Migration = {
  version: 1,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `)
  }
}
