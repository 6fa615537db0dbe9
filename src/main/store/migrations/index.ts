import type { Migration } from './migration'
import { migration001Settings } from './001-settings'

/** Every migration in version order; the last one's version is the schema this code writes. */
export const migrations: readonly Migration[] = [migration001Settings]

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version
