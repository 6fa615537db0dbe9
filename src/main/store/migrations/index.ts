import type { Migration } from './migration'
import { migration001Settings } from './001-settings'
import { migration002Drafts } from './002-drafts'
import { migration003Experiments } from './003-experiments'
import { migration004ImportedLessons } from './004-imported-lessons'

/** Every migration in version order; the last one's version is the schema this code writes. */
export const migrations: readonly Migration[] = [
  migration001Settings,
  migration002Drafts,
  migration003Experiments,
  migration004ImportedLessons
]

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version
