import type { Migration } from './migration'

/**
 * Version 3: the library of experiments (issue 16). An experiment owns its
 * tags, its sources (the scenario text and the compiled program its
 * timelines were recorded against) and one run per configuration; a run owns
 * its compressed timeline when the user kept it. Large values live in tables
 * of their own, so listing ten thousand experiments never reads a blob.
 *
 * Compressed blobs are zlib streams; beside each is its encoding's version
 * and its exact size once inflated, which a reader checks.
 *
 * Ids never come back after a purge (AUTOINCREMENT): a window still showing
 * a purged experiment cannot reach a newer one under the same id.
 * `deleted_at` set means deleted and restorable until the undo window closes.
 * The key-metric columns of a run copy figures of its summary, and the
 * experiment's `best_` columns the best of them over its runs (the highest
 * utilization, the lowest fragmentation and failure counts), so the library
 * shows and sorts by them without parsing JSON or grouping runs.
 */
export const migration003Experiments: Migration = {
  version: 3,
  name: 'experiments',
  up(db) {
    db.exec(`
      CREATE TABLE experiments (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        notes          TEXT NOT NULL CHECK (length(notes) <= 20000),
        configurations TEXT NOT NULL
                       CHECK (json_valid(configurations) AND json_type(configurations) = 'array'),
        replay_state   TEXT NOT NULL CHECK (json_valid(replay_state)),
        requests       INTEGER NOT NULL CHECK (requests >= 0),
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        deleted_at     INTEGER,
        best_utilization            REAL,
        best_external_fragmentation REAL,
        best_internal_fragmentation REAL,
        best_fail_fragmented        INTEGER,
        best_fail_no_memory         INTEGER
      ) STRICT;
      CREATE INDEX experiments_by_updated ON experiments (updated_at) WHERE deleted_at IS NULL;
      CREATE INDEX experiments_by_created ON experiments (created_at) WHERE deleted_at IS NULL;
      CREATE INDEX experiments_by_name ON experiments (name COLLATE NOCASE) WHERE deleted_at IS NULL;
      CREATE INDEX experiments_deleted ON experiments (deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE experiment_tags (
        experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        tag           TEXT NOT NULL COLLATE NOCASE CHECK (length(tag) BETWEEN 1 AND 40),
        PRIMARY KEY (experiment_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX experiment_tags_by_tag ON experiment_tags (tag, experiment_id);

      CREATE TABLE experiment_sources (
        experiment_id  INTEGER PRIMARY KEY REFERENCES experiments (id) ON DELETE CASCADE,
        scenario       TEXT NOT NULL,
        program_format INTEGER,
        program_bytes  INTEGER CHECK (program_bytes >= 0),
        program        BLOB,
        CHECK ((program IS NULL) = (program_format IS NULL)),
        CHECK ((program IS NULL) = (program_bytes IS NULL))
      ) STRICT;

      CREATE TABLE experiment_runs (
        experiment_id          INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        config_index           INTEGER NOT NULL CHECK (config_index BETWEEN 0 AND 15),
        spec                   TEXT NOT NULL,
        label                  TEXT NOT NULL,
        family                 TEXT NOT NULL,
        status                 TEXT NOT NULL CHECK (status IN ('done', 'cancelled', 'failed')),
        summary                TEXT CHECK (summary IS NULL OR json_valid(summary)),
        final                  TEXT CHECK (final IS NULL OR json_valid(final)),
        error                  TEXT CHECK (error IS NULL OR json_valid(error)),
        engine_version         TEXT NOT NULL,
        pool_layout_version    INTEGER NOT NULL,
        timeline_state         TEXT NOT NULL CHECK (timeline_state IN ('kept', 'dropped', 'none')),
        timeline_bytes         INTEGER NOT NULL CHECK (timeline_bytes >= 0),
        utilization            REAL,
        external_fragmentation REAL,
        internal_fragmentation REAL,
        fail_fragmented        INTEGER,
        fail_no_memory         INTEGER,
        PRIMARY KEY (experiment_id, config_index)
      ) STRICT;

      CREATE TABLE run_timelines (
        experiment_id INTEGER NOT NULL,
        config_index  INTEGER NOT NULL,
        format        INTEGER NOT NULL,
        raw_bytes     INTEGER NOT NULL CHECK (raw_bytes >= 0),
        data          BLOB NOT NULL,
        PRIMARY KEY (experiment_id, config_index),
        FOREIGN KEY (experiment_id, config_index)
          REFERENCES experiment_runs (experiment_id, config_index) ON DELETE CASCADE
      ) STRICT;
    `)
  }
}
