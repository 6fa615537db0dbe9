import type { Database, Statement } from 'better-sqlite3'
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@shared/api'
import { storeWriteError } from './store-write-error'

/**
 * Settings as key/value rows. A value that no longer parses (hand-edited, or
 * from an older build) falls back to its default instead of breaking start-up.
 */
export class SettingsRepository {
  private readonly selectAll: Statement<[], { key: string; value: string }>
  private readonly upsert: Statement<[string, string]>

  constructor(private readonly db: Database) {
    this.selectAll = db.prepare('SELECT key, value FROM settings')
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
    )
  }

  get(): Settings {
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS }
    for (const row of this.selectAll.all()) {
      if (!(row.key in DEFAULT_SETTINGS)) continue
      const candidate = { ...merged, [row.key]: parseJson(row.value) }
      if (SettingsSchema.safeParse(candidate).success) merged[row.key] = candidate[row.key]
    }
    return SettingsSchema.parse(merged)
  }

  set(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch })
    try {
      this.db.transaction(() => {
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) this.upsert.run(key, JSON.stringify(value))
        }
      })()
    } catch (error) {
      // A read-only session, a lock held too long, a full disk: say so, not "internal".
      throw storeWriteError(error) ?? error
    }
    return next
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
