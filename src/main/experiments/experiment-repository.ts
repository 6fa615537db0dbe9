import type { Database, Statement } from 'better-sqlite3'
import type { z } from 'zod'
import {
  DEFAULT_LIST_PAGE,
  KEY_METRICS,
  MAX_LISTED_TAGS,
  NOTES_PREVIEW_CHARS,
  keyMetricBetter,
  type ExperimentItem,
  type ExperimentListInput,
  type ExperimentSort,
  type KeyMetric
} from '@shared/experiment-schemas'
import type { LabOutput } from '@shared/api'
import { LabError } from '@shared/lab-error'
import { ConfigErrorSchema, FinalStateSchema } from '@shared/run-schemas'
import { RunSummarySchema, type RunSummary } from '@shared/vocabulary/run-summary'
import type { EndStatus } from '@shared/vocabulary/run-statuses'
import { storeWriteError } from '../store/store-write-error'
import type {
  CompressedBlob,
  ExperimentConfiguration,
  ExperimentContent,
  ExperimentPatch,
  NewExperiment,
  RecordedBy,
  RunRecord,
  TimelineState
} from './experiment-records'

/** The column of experiment_runs that holds each key metric. */
const METRIC_COLUMNS: Readonly<Record<KeyMetric, string>> = {
  utilization: 'utilization',
  externalFragmentation: 'external_fragmentation',
  internalFragmentation: 'internal_fragmentation',
  failFragmented: 'fail_fragmented',
  failNoMemory: 'fail_no_memory'
}

/** The key metrics of a run's summary, as the library shows and sorts them. */
export function keyMetricsOf(summary: RunSummary): Record<KeyMetric, number> {
  return {
    utilization: summary.utilization,
    externalFragmentation: summary.peaks.externalFragmentation.value,
    internalFragmentation: summary.peaks.internalFragmentation.value,
    failFragmented: summary.failFragmented,
    failNoMemory: summary.failNoMemory
  }
}

interface MetaRow {
  id: number
  name: string
  notes: string
  configurations: string
  replay_state: string
  requests: number
  created_at: number
  updated_at: number
  deleted_at: number | null
}

interface RunRow {
  experiment_id: number
  config_index: number
  spec: string
  label: string
  family: string
  status: EndStatus
  summary: string | null
  final: string | null
  error: string | null
  engine_version: string
  pool_layout_version: number
  timeline_state: TimelineState
  timeline_bytes: number
  stored_bytes: number | null
  utilization: number | null
  external_fragmentation: number | null
  internal_fragmentation: number | null
  fail_fragmented: number | null
  fail_no_memory: number | null
}

/** An experiment's row and runs as stored, for get, open and export. */
export interface StoredExperiment {
  readonly id: number
  readonly name: string
  readonly notes: string
  readonly tags: string[]
  readonly configurations: ExperimentConfiguration[]
  readonly replayState: unknown
  readonly requests: number
  readonly createdAt: number
  readonly updatedAt: number
  readonly runs: (Omit<RunRecord, 'timeline'> & { readonly storedBytes: number })[]
}

type ListQuery = z.output<typeof ExperimentListInput>

const BEST_COLUMNS = KEY_METRICS.map((metric) => `best_${METRIC_COLUMNS[metric]}`).join(', ')

const RUN_COLUMNS = `config_index, spec, label, family, status, summary, final, error,
  engine_version, pool_layout_version, timeline_state, timeline_bytes,
  utilization, external_fragmentation, internal_fragmentation, fail_fragmented, fail_no_memory`

/**
 * The experiment library's tables (migration 003): every statement prepared
 * once, every write one transaction, so a crash or a kill leaves each
 * experiment as it was before or after, never in between. Listing reads
 * only the small tables; scenarios, programs and timelines are read when an
 * experiment is opened, exported or run again. Deleted experiments stay
 * until purged, and only get, list and restore see past that.
 */
export class ExperimentRepository {
  private readonly statements: ReturnType<typeof prepare>
  private readonly listCache = new Map<string, { count: Statement; page: Statement }>()

  constructor(
    private readonly db: Database,
    /** This build's engine: runs recorded by another are not `current`. */
    private readonly engine: RecordedBy
  ) {
    this.statements = prepare(db)
  }

  /** Write a new experiment; returns its id. */
  insert(experiment: NewExperiment): number {
    return this.write(() => {
      const s = this.statements
      const id = Number(
        s.insertExperiment.run(
          experiment.name,
          experiment.notes,
          JSON.stringify(experiment.configurations),
          experiment.replayState,
          experiment.requests,
          experiment.createdAt,
          experiment.updatedAt
        ).lastInsertRowid
      )
      this.writeTags(id, experiment.tags)
      this.writeContent(id, experiment)
      return id
    })
  }

  /**
   * Replace what `id` holds of a run (scenario, program, configurations and
   * runs) with `content`, and apply `patch`, in one transaction.
   */
  replaceContent(
    id: number,
    content: ExperimentContent,
    patch: ExperimentPatch,
    now: number
  ): void {
    this.write(() => {
      this.live(id)
      const s = this.statements
      s.deleteRuns.run(id)
      s.deleteSources.run(id)
      s.setContentMeta.run(JSON.stringify(content.configurations), content.requests, now, id)
      this.writeContent(id, content)
      this.applyPatch(id, patch, now)
    })
  }

  /** Change the words, replay state or display choices of `id`. */
  update(id: number, patch: ExperimentPatch, now: number): void {
    this.write(() => {
      this.live(id)
      this.applyPatch(id, patch, now)
      this.statements.touch.run(now, id)
    })
  }

  /** A copy of `id` under `name`, timelines included; returns the new id. */
  duplicate(id: number, name: string, now: number): number {
    return this.write(() => {
      this.live(id)
      const s = this.statements
      const copy = Number(s.copyExperiment.run(name, now, now, id).lastInsertRowid)
      s.copyTags.run(copy, id)
      s.copySources.run(copy, id)
      s.copyRuns.run(copy, id)
      s.copyTimelines.run(copy, id)
      return copy
    })
  }

  /** Mark `id` deleted at `now` (restorable until purged). */
  markDeleted(id: number, now: number): void {
    this.write(() => {
      this.live(id)
      this.statements.markDeleted.run(now, id)
    })
  }

  /** Bring a deleted experiment back; `deletedSince` is the oldest deletion still restorable. */
  restore(id: number, deletedSince: number): void {
    this.write(() => {
      const row = this.row(id)
      if (row.deleted_at === null) return
      if (row.deleted_at < deletedSince) {
        throw new LabError('gone', 'experiments.undoExpired', { id })
      }
      this.statements.restore.run(id)
    })
  }

  /**
   * Remove for good every experiment deleted before `before`; returns how
   * many. Takes the write lock only when there is something to remove, so
   * listing never waits for another AllocLab's save.
   */
  purge(before: number): number {
    if (this.statements.anyPurgeable.get(before) === undefined) return 0
    return this.write(() => this.statements.purge.run(before).changes)
  }

  /** When `id` was deleted, null when it was not, and a not-found error when there is no such experiment. */
  deletedAt(id: number): number | null {
    return this.row(id).deleted_at
  }

  item(id: number): ExperimentItem {
    this.live(id)
    return this.items([id])[0]!
  }

  list(query: ListQuery): LabOutput<'experiment:list'> {
    const words = (query.search ?? '')
      .split(/\s+/)
      .filter((word) => word.length > 0)
      .slice(0, 20)
      .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    const tags = [...new Set((query.tags ?? []).map(asciiLower))]
    const shape = { words: words.length > 0, tags: tags.length > 0 }
    const params = {
      ...(shape.words ? { words: JSON.stringify(words) } : {}),
      ...(shape.tags ? { tags: JSON.stringify(tags), tagCount: tags.length } : {})
    }
    const offset = query.offset ?? 0
    const { count, page } = this.listStatements(shape, query.sort ?? 'updated', query.order)
    const total = count.pluck().get(params) as number
    const ids = page.pluck().all({
      ...params,
      limit: query.limit ?? DEFAULT_LIST_PAGE,
      offset
    }) as number[]
    const facets = this.statements.tagFacets.all(MAX_LISTED_TAGS) as {
      tag: string
      count: number
    }[]
    return { total, offset, items: this.items(ids), tags: facets }
  }

  /** Everything of `id` but its sources and timelines. */
  stored(id: number): StoredExperiment {
    const row = this.live(id)
    return {
      id: row.id,
      name: row.name,
      notes: row.notes,
      tags: this.tagsOf([id]).get(id) ?? [],
      configurations: JSON.parse(row.configurations) as ExperimentConfiguration[],
      replayState: JSON.parse(row.replay_state) as unknown,
      requests: row.requests,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      runs: (this.statements.runsOf.all(JSON.stringify([id])) as RunRow[]).map((run) => ({
        ...runRecord(run),
        storedBytes: run.stored_bytes ?? 0
      }))
    }
  }

  scenario(id: number): string {
    this.live(id)
    return (this.statements.scenarioOf.pluck().get(id) as string | undefined) ?? ''
  }

  program(id: number): CompressedBlob | null {
    this.live(id)
    const row = this.statements.programOf.get(id) as
      | { program_format: number | null; program_bytes: number | null; program: Buffer | null }
      | undefined
    if (!row || row.program === null || row.program_format === null) return null
    return { format: row.program_format, rawBytes: row.program_bytes ?? 0, data: row.program }
  }

  /** The compressed timelines of `id`, by configuration index. */
  timelines(id: number): Map<number, CompressedBlob> {
    this.live(id)
    const rows = this.statements.timelinesOf.all(id) as {
      config_index: number
      format: number
      raw_bytes: number
      data: Buffer
    }[]
    return new Map(
      rows.map((row) => [
        row.config_index,
        { format: row.format, rawBytes: row.raw_bytes, data: row.data }
      ])
    )
  }

  // --- internals ---------------------------------------------------------------

  /** Run `work` as one transaction; a write the database refuses says why (read-only, locked, full). */
  private write<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate()
    } catch (error) {
      throw storeWriteError(error) ?? error
    }
  }

  /** The row of `id`, deleted or not; an id given out before but gone now was purged. */
  private row(id: number): MetaRow {
    const row = this.statements.meta.get(id) as MetaRow | undefined
    if (row) return row
    const issued = (this.statements.lastIssued.pluck().get() as number | undefined) ?? 0
    if (id <= issued) throw new LabError('gone', 'experiments.purged', { id })
    throw new LabError('not-found', 'experiments.notFound', { id })
  }

  /** The row of `id` when it exists and is not deleted. */
  private live(id: number): MetaRow {
    const row = this.row(id)
    if (row.deleted_at !== null) throw new LabError('gone', 'experiments.deleted', { id })
    return row
  }

  private writeTags(id: number, tags: readonly string[]): void {
    this.statements.deleteTags.run(id)
    for (const tag of tags) this.statements.insertTag.run(id, tag)
  }

  private writeContent(id: number, content: ExperimentContent): void {
    const s = this.statements
    s.insertSources.run(
      id,
      content.scenario,
      content.program?.format ?? null,
      content.program?.rawBytes ?? null,
      content.program?.data ?? null
    )
    for (const run of content.runs) {
      if ((run.timeline !== null) !== (run.timelineState === 'kept')) {
        throw new Error(`run ${run.config}: a timeline is stored exactly when it is kept`)
      }
      const metrics = run.summary ? keyMetricsOf(run.summary) : undefined
      s.insertRun.run(
        id,
        run.config,
        run.spec,
        run.label,
        run.family,
        run.status,
        run.summary ? JSON.stringify(run.summary) : null,
        run.final ? JSON.stringify(run.final) : null,
        run.error ? JSON.stringify(run.error) : null,
        run.recordedBy.engineVersion,
        run.recordedBy.poolLayoutVersion,
        run.timelineState,
        run.timelineBytes,
        ...KEY_METRICS.map((metric) => metrics?.[metric] ?? null)
      )
      if (run.timeline)
        s.insertTimeline.run(
          id,
          run.config,
          run.timeline.format,
          run.timeline.rawBytes,
          run.timeline.data
        )
    }
    s.setBest.run({ id })
  }

  private applyPatch(id: number, patch: ExperimentPatch, now: number): void {
    const s = this.statements
    if (patch.name !== undefined) s.setName.run(patch.name, now, id)
    if (patch.notes !== undefined) s.setNotes.run(patch.notes, now, id)
    if (patch.replayState !== undefined) s.setReplayState.run(patch.replayState, now, id)
    if (patch.tags !== undefined) {
      this.writeTags(id, patch.tags)
      s.touch.run(now, id)
    }
    if (patch.displays !== undefined) {
      const row = this.row(id)
      const configurations = (JSON.parse(row.configurations) as ExperimentConfiguration[]).map(
        (configuration, index) =>
          index < patch.displays!.length
            ? { ...configuration, display: patch.displays![index] ?? null }
            : configuration
      )
      s.setConfigurations.run(JSON.stringify(configurations), now, id)
    }
  }

  private items(ids: readonly number[]): ExperimentItem[] {
    if (ids.length === 0) return []
    const json = JSON.stringify(ids)
    const rows = new Map(
      (this.statements.itemsOf.all({ ids: json, preview: NOTES_PREVIEW_CHARS }) as ItemRow[]).map(
        (row) => [row.id, row]
      )
    )
    const tags = this.tagsOf(ids)
    const runs = new Map<number, RunRow[]>()
    for (const run of this.statements.runsOf.all(json) as RunRow[]) {
      const list = runs.get(run.experiment_id) ?? []
      list.push(run)
      runs.set(run.experiment_id, list)
    }
    return ids.map((id) => {
      const row = rows.get(id)!
      const own = runs.get(id) ?? []
      return {
        id,
        name: row.name,
        tags: tags.get(id) ?? [],
        notesPreview: row.notes_preview,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        requests: row.requests,
        configs: own.map((run) => ({
          config: run.config_index,
          label: run.label,
          family: run.family,
          status: run.status,
          metrics: metricsOf(run)
        })),
        timelinesKept: own.filter((run) => run.timeline_state === 'kept').length,
        current: own.every(
          (run) =>
            run.engine_version === this.engine.engineVersion &&
            run.pool_layout_version === this.engine.poolLayoutVersion
        )
      }
    })
  }

  private tagsOf(ids: readonly number[]): Map<number, string[]> {
    const tags = new Map<number, string[]>()
    const rows = this.statements.tagsOf.all(JSON.stringify(ids)) as {
      experiment_id: number
      tag: string
    }[]
    for (const row of rows) {
      const list = tags.get(row.experiment_id) ?? []
      list.push(row.tag)
      tags.set(row.experiment_id, list)
    }
    return tags
  }

  /**
   * The statements that count and page the experiments a list shows, for
   * one shape of search (words or not, tags or not) and one sort, prepared
   * once. Metrics sort by each experiment's best configuration (the
   * highest utilization, the lowest fragmentation or failure count), best
   * first unless `order` says otherwise; experiments with no figure for it
   * come last either way. Ties fall to the newest id (for dates, to the
   * order of saving).
   */
  private listStatements(
    shape: { readonly words: boolean; readonly tags: boolean },
    sort: ExperimentSort,
    order: 'asc' | 'desc' | undefined
  ): { count: Statement; page: Statement } {
    const key = `${shape.words}:${shape.tags}:${sort}:${order ?? ''}`
    const cached = this.listCache.get(key)
    if (cached) return cached
    const where = [
      'e.deleted_at IS NULL',
      ...(shape.words ? [HAS_EVERY_WORD] : []),
      ...(shape.tags ? [HAS_EVERY_TAG] : [])
    ].join(' AND ')
    let orderBy: string
    if (sort === 'name') {
      orderBy = `e.name COLLATE NOCASE ${order ?? 'asc'}, e.id DESC`
    } else if (sort === 'updated' || sort === 'created') {
      // Saves within one millisecond keep the order they were made in.
      orderBy = `e.${sort}_at ${order ?? 'desc'}, e.id ${order ?? 'desc'}`
    } else {
      const column = `e.best_${METRIC_COLUMNS[sort]}`
      const direction = order ?? (keyMetricBetter(sort) === 'higher' ? 'desc' : 'asc')
      orderBy = `${column} IS NULL, ${column} ${direction}, e.id DESC`
    }
    const statements = {
      count: this.db.prepare(`SELECT count(*) FROM experiments e WHERE ${where}`),
      page: this.db.prepare(
        `SELECT e.id FROM experiments e WHERE ${where}
         ORDER BY ${orderBy} LIMIT :limit OFFSET :offset`
      )
    }
    this.listCache.set(key, statements)
    return statements
  }
}

interface ItemRow {
  id: number
  name: string
  notes_preview: string
  requests: number
  created_at: number
  updated_at: number
}

/** Every search word (a LIKE pattern) is in the name, the notes or a tag. */
const HAS_EVERY_WORD = `NOT EXISTS (
    SELECT 1 FROM json_each(:words) w
    WHERE NOT (e.name LIKE w.value ESCAPE '\\' OR e.notes LIKE w.value ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM experiment_tags t
                 WHERE t.experiment_id = e.id AND t.tag LIKE w.value ESCAPE '\\')))`

/** Every asked-for tag (lower case) is carried. */
const HAS_EVERY_TAG = `(SELECT count(*) FROM experiment_tags t
    WHERE t.experiment_id = e.id AND lower(t.tag) IN (SELECT value FROM json_each(:tags))) = :tagCount`

function prepare(db: Database) {
  const ids = 'SELECT value FROM json_each(?)'
  return {
    insertExperiment: db.prepare(
      `INSERT INTO experiments (name, notes, configurations, replay_state, requests, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`
    ),
    insertTag: db.prepare('INSERT INTO experiment_tags (experiment_id, tag) VALUES (?, ?)'),
    deleteTags: db.prepare('DELETE FROM experiment_tags WHERE experiment_id = ?'),
    insertSources: db.prepare(
      `INSERT INTO experiment_sources (experiment_id, scenario, program_format, program_bytes, program)
       VALUES (?, ?, ?, ?, ?)`
    ),
    deleteSources: db.prepare('DELETE FROM experiment_sources WHERE experiment_id = ?'),
    insertRun: db.prepare(
      `INSERT INTO experiment_runs (experiment_id, ${RUN_COLUMNS})
       VALUES (${Array.from({ length: 18 }, () => '?').join(', ')})`
    ),
    deleteRuns: db.prepare('DELETE FROM experiment_runs WHERE experiment_id = ?'),
    insertTimeline: db.prepare(
      `INSERT INTO run_timelines (experiment_id, config_index, format, raw_bytes, data)
       VALUES (?, ?, ?, ?, ?)`
    ),
    meta: db.prepare('SELECT * FROM experiments WHERE id = ?'),
    lastIssued: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'experiments'"),
    setContentMeta: db.prepare(
      'UPDATE experiments SET configurations = ?, requests = ?, updated_at = ? WHERE id = ?'
    ),
    setName: db.prepare('UPDATE experiments SET name = ?, updated_at = ? WHERE id = ?'),
    setNotes: db.prepare('UPDATE experiments SET notes = ?, updated_at = ? WHERE id = ?'),
    setReplayState: db.prepare(
      'UPDATE experiments SET replay_state = ?, updated_at = ? WHERE id = ?'
    ),
    setConfigurations: db.prepare(
      'UPDATE experiments SET configurations = ?, updated_at = ? WHERE id = ?'
    ),
    touch: db.prepare('UPDATE experiments SET updated_at = ? WHERE id = ?'),
    setBest: db.prepare(
      `UPDATE experiments SET ${KEY_METRICS.map((metric) => {
        const column = METRIC_COLUMNS[metric]
        const best = keyMetricBetter(metric) === 'higher' ? 'max' : 'min'
        return `best_${column} = (SELECT ${best}(${column}) FROM experiment_runs WHERE experiment_id = @id)`
      }).join(', ')} WHERE id = @id`
    ),
    markDeleted: db.prepare('UPDATE experiments SET deleted_at = ? WHERE id = ?'),
    restore: db.prepare('UPDATE experiments SET deleted_at = NULL WHERE id = ?'),
    purge: db.prepare('DELETE FROM experiments WHERE deleted_at IS NOT NULL AND deleted_at < ?'),
    anyPurgeable: db.prepare(
      'SELECT 1 FROM experiments WHERE deleted_at IS NOT NULL AND deleted_at < ? LIMIT 1'
    ),
    copyExperiment: db.prepare(
      `INSERT INTO experiments (name, notes, configurations, replay_state, requests, created_at, updated_at,
         ${BEST_COLUMNS})
       SELECT ?, notes, configurations, replay_state, requests, ?, ?, ${BEST_COLUMNS}
       FROM experiments WHERE id = ?`
    ),
    copyTags: db.prepare(
      'INSERT INTO experiment_tags (experiment_id, tag) SELECT ?, tag FROM experiment_tags WHERE experiment_id = ?'
    ),
    copySources: db.prepare(
      `INSERT INTO experiment_sources (experiment_id, scenario, program_format, program_bytes, program)
       SELECT ?, scenario, program_format, program_bytes, program
       FROM experiment_sources WHERE experiment_id = ?`
    ),
    copyRuns: db.prepare(
      `INSERT INTO experiment_runs (experiment_id, ${RUN_COLUMNS})
       SELECT ?, ${RUN_COLUMNS} FROM experiment_runs WHERE experiment_id = ?`
    ),
    copyTimelines: db.prepare(
      `INSERT INTO run_timelines (experiment_id, config_index, format, raw_bytes, data)
       SELECT ?, config_index, format, raw_bytes, data FROM run_timelines WHERE experiment_id = ?`
    ),
    itemsOf: db.prepare(
      `SELECT id, name, substr(notes, 1, :preview) AS notes_preview, requests, created_at, updated_at
       FROM experiments WHERE id IN (SELECT value FROM json_each(:ids))`
    ),
    tagsOf: db.prepare(
      `SELECT experiment_id, tag FROM experiment_tags WHERE experiment_id IN (${ids})
       ORDER BY experiment_id, tag`
    ),
    runsOf: db.prepare(
      `SELECT r.experiment_id, r.config_index, r.spec, r.label, r.family, r.status, r.summary,
              r.final, r.error, r.engine_version, r.pool_layout_version, r.timeline_state,
              r.timeline_bytes, length(t.data) AS stored_bytes, r.utilization,
              r.external_fragmentation, r.internal_fragmentation, r.fail_fragmented,
              r.fail_no_memory
       FROM experiment_runs r
       LEFT JOIN run_timelines t
         ON t.experiment_id = r.experiment_id AND t.config_index = r.config_index
       WHERE r.experiment_id IN (${ids}) ORDER BY r.experiment_id, r.config_index`
    ),
    scenarioOf: db.prepare('SELECT scenario FROM experiment_sources WHERE experiment_id = ?'),
    programOf: db.prepare(
      'SELECT program_format, program_bytes, program FROM experiment_sources WHERE experiment_id = ?'
    ),
    timelinesOf: db.prepare(
      `SELECT config_index, format, raw_bytes, data FROM run_timelines
       WHERE experiment_id = ? ORDER BY config_index`
    ),
    tagFacets: db.prepare(
      `SELECT min(t.tag) AS tag, count(*) AS count FROM experiment_tags t
       JOIN experiments e ON e.id = t.experiment_id AND e.deleted_at IS NULL
       GROUP BY lower(t.tag) ORDER BY count DESC, lower(t.tag) LIMIT ?`
    )
  }
}

/** A run's key metrics from its columns; null when it has no summary. */
function metricsOf(run: RunRow): Record<KeyMetric, number> | null {
  if (run.utilization === null) return null
  return {
    utilization: run.utilization,
    externalFragmentation: run.external_fragmentation ?? 0,
    internalFragmentation: run.internal_fragmentation ?? 0,
    failFragmented: run.fail_fragmented ?? 0,
    failNoMemory: run.fail_no_memory ?? 0
  }
}

/** Lower case as SQLite's lower() and NOCASE see it: ASCII letters only. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

function runRecord(row: RunRow): Omit<RunRecord, 'timeline'> {
  return {
    config: row.config_index,
    spec: row.spec,
    label: row.label,
    family: row.family,
    status: row.status,
    summary: parseStored(RunSummarySchema, row.summary),
    final: parseStored(FinalStateSchema, row.final),
    error: parseStored(ConfigErrorSchema, row.error),
    recordedBy: { engineVersion: row.engine_version, poolLayoutVersion: row.pool_layout_version },
    timelineState: row.timeline_state,
    timelineBytes: row.timeline_bytes
  }
}

/**
 * A JSON value stored by a build whose schema it no longer meets (or edited
 * by hand) reads as missing: the row stays as it is on disk, the window
 * shows what it can.
 */
function parseStored<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
