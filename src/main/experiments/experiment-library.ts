import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import type { LabOutput, labChannels } from '@shared/api'
import {
  EXPERIMENT_UNDO_MS,
  MAX_EXPERIMENT_NAME_CHARS,
  MAX_EXPERIMENT_FILE_CHARS
} from '@shared/experiment-schemas'
import type { Locale } from '@shared/i18n/locales'
import { translate } from '@shared/i18n/translate'
import { LabError } from '@shared/lab-error'
import type { AllocatorFamily } from '../engine/family'
import type { RecordedRun } from '../service/recorded-run'
import type { RunScheduler } from '../service/run-scheduler'
import { storeWriteError } from '../store/store-write-error'
import { experimentFile, experimentFileName, readExperimentFile } from './experiment-file-io'
import type { ExperimentPatch, RecordedBy } from './experiment-records'
import { ExperimentRepository } from './experiment-repository'
import { runContent, type RunOrigin } from './run-content'
import { readBack, storedRunBytes } from './stored-run'

/** A channel's input after validation. */
type Input<C extends keyof typeof labChannels> = z.output<(typeof labChannels)[C]['input']>

export interface ExperimentLibraryDeps {
  readonly db: Database
  readonly runs: RunScheduler
  readonly families: () => readonly AllocatorFamily[]
  /** The language of names the library makes up ("… (copy)"): the user's setting. */
  readonly language: () => Locale
  /** This build's engine and frame-pool layout. */
  readonly engine: RecordedBy
  readonly appVersion: string
  /** Milliseconds since the epoch (default Date.now): timestamps and the undo window. */
  readonly now?: () => number
}

/**
 * The experiment calls of LabApi: saving runs the service holds into the
 * library, the library's words and tags, deletes that can be undone for
 * EXPERIMENT_UNDO_MS, opening saved runs back into the service without
 * running them, running them again, and experiment files. Every write is
 * one transaction of the repository; compression and decompression happen
 * before and after it, on the thread pool.
 */
export class ExperimentLibrary {
  private readonly repository: ExperimentRepository
  private readonly now: () => number
  /** Where runs opened from the library came from, for saving them again. */
  private readonly origins = new WeakMap<RecordedRun, RunOrigin>()

  constructor(private readonly deps: ExperimentLibraryDeps) {
    this.repository = new ExperimentRepository(deps.db, deps.engine)
    this.now = deps.now ?? Date.now
    this.purgeExpired()
  }

  list(input: Input<'experiment:list'>): LabOutput<'experiment:list'> {
    this.purgeExpired()
    return this.repository.list(input)
  }

  get({ id, scenario }: Input<'experiment:get'>): LabOutput<'experiment:get'> {
    const stored = this.repository.stored(id)
    return {
      ...this.repository.item(id),
      notes: stored.notes,
      scenario: scenario === false ? null : this.repository.scenario(id),
      configurations: stored.configurations,
      replayState: stored.replayState as LabOutput<'experiment:get'>['replayState'],
      runs: stored.runs.map((run) => ({
        config: run.config,
        spec: run.spec,
        label: run.label,
        family: run.family,
        status: run.status,
        summary: run.summary,
        final: run.final,
        error: run.error,
        recordedBy: run.recordedBy,
        current: this.isCurrent(run.recordedBy),
        timeline: {
          state: run.timelineState,
          bytes: run.timelineBytes,
          storedBytes: run.storedBytes
        }
      })),
      engine: this.deps.engine
    }
  }

  /**
   * A new experiment from an ended run, the run's results written over an
   * existing one (`id` and `runId`), or only the words and window state of
   * an existing one (`id` alone).
   */
  async save(input: Input<'experiment:save'>): Promise<LabOutput<'experiment:save'>> {
    const patch = patchOf(input)
    if (input.runId === undefined) {
      this.repository.update(input.id!, patch, this.now())
      return this.repository.item(input.id!)
    }
    const run = this.deps.runs.finishedRun(input.runId)
    if (input.id !== undefined) this.repository.item(input.id)
    this.refuseIfReadOnly()
    const content = await runContent(run, {
      keepTimelines: input.keepTimelines ?? true,
      displays: input.displays,
      engine: this.deps.engine,
      origin: this.origins.get(run)
    })
    const now = this.now()
    if (input.id !== undefined) {
      this.repository.replaceContent(input.id, content, patch, now)
      return this.repository.item(input.id)
    }
    const id = this.repository.insert({
      ...content,
      name: input.name!,
      notes: input.notes ?? '',
      tags: input.tags ?? [],
      replayState: JSON.stringify(input.replayState ?? null),
      createdAt: now,
      updatedAt: now
    })
    return this.repository.item(id)
  }

  rename({ id, name }: Input<'experiment:rename'>): LabOutput<'experiment:rename'> {
    this.repository.update(id, { name }, this.now())
    return this.repository.item(id)
  }

  annotate({ id, notes, tags }: Input<'experiment:annotate'>): LabOutput<'experiment:annotate'> {
    this.repository.update(
      id,
      { ...(notes !== undefined ? { notes } : {}), ...(tags !== undefined ? { tags } : {}) },
      this.now()
    )
    return this.repository.item(id)
  }

  duplicate({ id, name }: Input<'experiment:duplicate'>): LabOutput<'experiment:duplicate'> {
    const original = this.repository.item(id)
    const copyName =
      name ??
      translate(this.deps.language(), 'experiments.copyName', { name: original.name }).slice(
        0,
        MAX_EXPERIMENT_NAME_CHARS
      )
    return this.repository.item(this.repository.duplicate(id, copyName, this.now()))
  }

  delete({ id }: Input<'experiment:delete'>): LabOutput<'experiment:delete'> {
    this.purgeExpired()
    const now = this.now()
    this.repository.markDeleted(id, now)
    return { id, deletedAt: now, restorableUntil: now + EXPERIMENT_UNDO_MS }
  }

  restore({ id }: Input<'experiment:restore'>): LabOutput<'experiment:restore'> {
    this.repository.restore(id, this.now() - EXPERIMENT_UNDO_MS)
    return this.repository.item(id)
  }

  /**
   * Hold the experiment's runs in the service again, as a run that has
   * ended, without running anything: timeline queries answer from what was
   * kept. A config another engine recorded says so and offers no replay of
   * this engine's structures.
   */
  async open({ id }: Input<'experiment:open'>): Promise<LabOutput<'experiment:open'>> {
    const stored = this.repository.stored(id)
    const scenario = this.repository.scenario(id)
    const program = this.repository.program(id)
    this.deps.runs.checkRoom(storedRunBytes(stored, scenario, program))
    const back = await readBack(
      stored,
      { scenario, program, timelines: this.repository.timelines(id) },
      this.deps.families(),
      this.deps.engine
    )
    const run = this.deps.runs.restore(back.run)
    this.origins.set(run, back.origin)
    const configs = stored.runs.map((record, index) => {
      const current = this.isCurrent(record.recordedBy)
      const timeline = back.timelines[index]!
      return {
        config: record.config,
        label: record.label,
        family: record.family,
        status: record.status,
        recordedBy: record.recordedBy,
        current,
        timeline,
        structures: current && timeline === 'kept'
      }
    })
    return {
      id,
      runId: run.id,
      title: stored.name,
      replayState: stored.replayState as LabOutput<'experiment:open'>['replayState'],
      current: configs.every((config) => config.current),
      engine: this.deps.engine,
      configs
    }
  }

  /** Run the experiment's scenario against its configurations again, with this engine. */
  async rerun({ id, record }: Input<'experiment:rerun'>): Promise<LabOutput<'experiment:rerun'>> {
    const stored = this.repository.stored(id)
    const started = await this.deps.runs.start({
      scenario: this.repository.scenario(id),
      title: stored.name,
      allocators: stored.configurations.map((configuration) => configuration.spec),
      ...(record !== undefined ? { record } : {})
    })
    return { ...started, id }
  }

  exportFile({
    id,
    timelines
  }: Input<'experiment:export-file'>): LabOutput<'experiment:export-file'> {
    const stored = this.repository.stored(id)
    const withTimelines = timelines ?? true
    const file = experimentFile(
      stored,
      {
        scenario: this.repository.scenario(id),
        program: withTimelines ? this.repository.program(id) : null,
        timelines: withTimelines ? this.repository.timelines(id) : new Map()
      },
      {
        withTimelines,
        now: this.now(),
        app: this.deps.appVersion,
        engine: this.deps.engine
      }
    )
    const text = `${JSON.stringify(file, null, 1)}\n`
    if (text.length > MAX_EXPERIMENT_FILE_CHARS) {
      throw new LabError('invalid-input', 'experiments.file.tooLarge', {
        id,
        max: MAX_EXPERIMENT_FILE_CHARS
      })
    }
    return { fileName: experimentFileName(stored.name), text }
  }

  async importFile({
    text,
    name
  }: Input<'experiment:import-file'>): Promise<LabOutput<'experiment:import-file'>> {
    this.refuseIfReadOnly()
    const experiment = await readExperimentFile(text, {
      now: this.now(),
      ...(name !== undefined ? { name } : {})
    })
    return this.repository.item(this.repository.insert(experiment))
  }

  // --- internals ---------------------------------------------------------------

  private isCurrent(recordedBy: RecordedBy): boolean {
    return (
      recordedBy.engineVersion === this.deps.engine.engineVersion &&
      recordedBy.poolLayoutVersion === this.deps.engine.poolLayoutVersion
    )
  }

  /**
   * Experiments deleted longer than the undo window ago go for good. In a
   * session that cannot write, they wait for one that can: that is not the
   * user's mistake, and nothing is lost by waiting.
   */
  private purgeExpired(): void {
    try {
      this.repository.purge(this.now() - EXPERIMENT_UNDO_MS)
    } catch (error) {
      if (!(error instanceof LabError && error.code === 'read-only')) throw error
    }
  }

  /** Say at once that nothing can be saved, before compressing a large run for nothing. */
  private refuseIfReadOnly(): void {
    if (this.deps.db.readonly || this.deps.db.pragma('query_only', { simple: true }) === 1) {
      throw storeWriteError({ code: 'SQLITE_READONLY' })!
    }
  }
}

function patchOf(input: Input<'experiment:save'>): ExperimentPatch {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
    ...(input.replayState !== undefined ? { replayState: JSON.stringify(input.replayState) } : {}),
    ...(input.displays !== undefined ? { displays: input.displays } : {})
  }
}
