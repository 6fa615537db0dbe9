import type { Database, Statement } from 'better-sqlite3'
import { z } from 'zod'
import { DraftSchema, type Draft, type DraftScenario } from '@shared/draft-schemas'
import { LabError } from '@shared/lab-error'

/** The one draft the Workbench keeps; a slot column leaves room for more windows later. */
export const WORKBENCH_SLOT = 'workbench'

const GZIP_MAGIC = [0x1f, 0x8b] as const

interface DraftRow {
  scenario_text: string | null
  scenario_gzip: Buffer | null
  scenario_length: number
  configs: string
  file_name: string | null
  saved_at: number
}

const ConfigsColumn = z.array(z.string())

/**
 * The Workbench draft, one row per slot, replaced whole on every save. A
 * compressed scenario is kept as the gzip bytes the window sent (decoded
 * from base64 once, here), so a large draft costs its compressed size.
 */
export class DraftRepository {
  private readonly select: Statement<[string], DraftRow>
  private readonly upsert: Statement<
    [string, string | null, Buffer | null, number, string, string | null, number]
  >

  constructor(
    db: Database,
    private readonly now: () => number = Date.now
  ) {
    this.select = db.prepare(
      'SELECT scenario_text, scenario_gzip, scenario_length, configs, file_name, saved_at FROM drafts WHERE slot = ?'
    )
    this.upsert = db.prepare(
      `INSERT INTO drafts (slot, scenario_text, scenario_gzip, scenario_length, configs, file_name, saved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(slot) DO UPDATE SET
         scenario_text = excluded.scenario_text,
         scenario_gzip = excluded.scenario_gzip,
         scenario_length = excluded.scenario_length,
         configs = excluded.configs,
         file_name = excluded.file_name,
         saved_at = excluded.saved_at`
    )
  }

  get(slot: string = WORKBENCH_SLOT): { draft: Draft | null; savedAt: number | null } {
    const row = this.select.get(slot)
    if (!row) return { draft: null, savedAt: null }
    const scenario: DraftScenario =
      row.scenario_gzip !== null
        ? {
            encoding: 'gzip-base64',
            data: row.scenario_gzip.toString('base64'),
            length: row.scenario_length
          }
        : { encoding: 'text', text: row.scenario_text ?? '' }
    const configs = ConfigsColumn.safeParse(parseJson(row.configs))
    // A row this code did not write (hand-edited, or damaged) is refused
    // with its reason rather than half-restored.
    const draft = DraftSchema.safeParse({
      scenario,
      configs: configs.success ? configs.data : null,
      fileName: row.file_name
    })
    if (!draft.success) {
      const detail = draft.error.issues[0]?.message ?? 'unreadable draft'
      throw new LabError('internal', 'workbench.draft.unreadable', { detail })
    }
    return { draft: draft.data, savedAt: row.saved_at }
  }

  save(draft: Draft, slot: string = WORKBENCH_SLOT): { savedAt: number; storedBytes: number } {
    const savedAt = this.now()
    const configs = JSON.stringify(draft.configs)
    if (draft.scenario.encoding === 'text') {
      const text = draft.scenario.text
      this.upsert.run(slot, text, null, text.length, configs, draft.fileName, savedAt)
      return { savedAt, storedBytes: Buffer.byteLength(text) + configs.length }
    }
    const bytes = Buffer.from(draft.scenario.data, 'base64')
    if (bytes.length < 18 || bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) {
      throw new LabError('invalid-input', 'workbench.draft.notGzip', {})
    }
    this.upsert.run(slot, null, bytes, draft.scenario.length, configs, draft.fileName, savedAt)
    return { savedAt, storedBytes: bytes.length + configs.length }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
