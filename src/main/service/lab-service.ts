import { platform } from 'node:os'
import {
  LAB_API_VERSION,
  LabError,
  isLabChannel,
  parseInput,
  parseOutput,
  type HostKind,
  type LabChannel,
  type LabEventName,
  type LabEventPayload,
  type LabOutput,
  type LabResult
} from '@shared/api'
import type { z } from 'zod'
import { labChannels } from '@shared/api'
import { appVersion } from '../app-version'
import { POOL_LAYOUT_VERSION } from '../engine/frame-pool'
import { ENGINE_VERSION } from '../engine/engine-version'
import type { OpenedStore } from '../store/open-store'
import { SettingsRepository } from '../store/settings-repository'
import { allocatorCatalog, checkSpec } from '../engine/allocator-catalog'
import { allFamilies } from '../engine/families'
import { renderExerciseSheets } from '../exercises/exercise-sheets'
import { allPresets } from '../engine/presets'
import { builtWorkerLaunch } from '../worker/built-worker-launch'
import { draftHandlers } from './draft-handlers'
import { lessonHandlers } from './lesson-handlers'
import { importMallocPyCommand } from '../ostep/import-malloc-py'
import { ExperimentLibrary } from '../experiments/experiment-library'
import { reportHtmlCall } from '../reports/report-html-call'
import { toLabErrorData } from './lab-errors'
import { RunScheduler, type RunSchedulerDeps } from './run-scheduler'

/**
 * How a service runs experiments: the memory budget, the clock of view
 * leases; tests swap in a small family, workers run from source, or workers
 * that end when the test says.
 */
export type LabServiceRunOptions = Partial<Omit<RunSchedulerDeps, 'emit'>>

type Handlers = {
  [C in LabChannel]: (
    input: z.output<(typeof labChannels)[C]['input']>
  ) => Promise<LabOutput<C>> | LabOutput<C>
}

type Listener = (event: LabEventName, payload: unknown) => void

/**
 * Implements every LabApi call over plain Node: the store, the engine, the
 * reports. It knows nothing of Electron, HTTP or the command line; hosts call
 * `dispatch` with untrusted input and send back the LabResult it returns.
 */
export class LabService {
  private readonly settings: SettingsRepository
  private readonly listeners = new Set<Listener>()
  private readonly handlers: Handlers
  private readonly runs: RunScheduler
  private readonly experiments: ExperimentLibrary

  constructor(
    private readonly store: OpenedStore,
    private readonly host: HostKind,
    runOptions: LabServiceRunOptions = {}
  ) {
    this.settings = new SettingsRepository(store.db)
    this.runs = new RunScheduler({
      families: () => allFamilies,
      launch: builtWorkerLaunch,
      ...runOptions,
      emit: (event, payload) => this.emit(event, payload)
    })
    const families = runOptions.families ?? (() => allFamilies)
    this.experiments = new ExperimentLibrary({
      db: store.db,
      runs: this.runs,
      families,
      language: () => this.settings.get().language,
      engine: { engineVersion: ENGINE_VERSION, poolLayoutVersion: POOL_LAYOUT_VERSION },
      appVersion: appVersion(),
      ...(runOptions.now ? { now: runOptions.now } : {})
    })
    this.handlers = {
      'app:info': () => ({
        appVersion: appVersion(),
        apiVersion: LAB_API_VERSION,
        host: this.host,
        engineVersion: ENGINE_VERSION,
        poolLayoutVersion: POOL_LAYOUT_VERSION,
        databasePath: this.store.path,
        databaseNotice: this.store.notice,
        platform: `${platform()}-${process.arch}`,
        nodeVersion: process.versions.node
      }),
      'settings:get': () => this.settings.get(),
      'settings:set': (patch) => {
        const next = this.settings.set(patch)
        this.emit('settings:changed', next)
        return next
      },
      'allocators:list': () => allocatorCatalog(families(), allPresets),
      'allocators:check': ({ specs, geometry }) => ({
        results: specs.map((spec) => checkSpec(spec, families(), geometry ?? {}))
      }),
      'ostep:import': ({ commandLine }) => importMallocPyCommand(commandLine),
      'run:start': (input) => this.runs.start(input),
      'run:cancel': ({ runId }) => this.runs.cancel(runId),
      'run:summary': ({ runId }) => this.runs.summary(runId),
      'run:view': ({ runId }) => this.runs.view(runId),
      'timeline:events': (input) => this.runs.events(input),
      'timeline:metrics': (input) => this.runs.metrics(input),
      'timeline:map': (input) => this.runs.map(input),
      'timeline:structures': (input) => this.runs.structures(input),
      'timeline:find': (input) => this.runs.find(input),
      'timeline:step': (input) => this.runs.step(input),
      ...draftHandlers(store.db),
      'experiment:list': (input) => this.experiments.list(input),
      'experiment:get': (input) => this.experiments.get(input),
      'experiment:save': (input) => this.experiments.save(input),
      'experiment:rename': (input) => this.experiments.rename(input),
      'experiment:annotate': (input) => this.experiments.annotate(input),
      'experiment:duplicate': (input) => this.experiments.duplicate(input),
      'experiment:delete': (input) => this.experiments.delete(input),
      'experiment:restore': (input) => this.experiments.restore(input),
      'experiment:open': (input) => this.experiments.open(input),
      'experiment:rerun': (input) => this.experiments.rerun(input),
      'experiment:export-file': (input) => this.experiments.exportFile(input),
      'experiment:import-file': (input) => this.experiments.importFile(input),
      'report:html': (input) =>
        reportHtmlCall(
          { lab: this, scenarioOf: (runId) => this.runs.finishedRun(runId).settings.scenario },
          input
        ),
      'exercise:export-sheet': (input) => renderExerciseSheets(this, input),
      ...lessonHandlers({
        db: store.db,
        experiments: this.experiments,
        ...(runOptions.now ? { now: runOptions.now } : {})
      })
    }
  }

  /** Validate, run and validate again; every failure comes back as a value. */
  async dispatch(channel: unknown, input: unknown): Promise<LabResult<unknown>> {
    try {
      if (!isLabChannel(channel)) {
        throw new LabError('unknown-channel', 'service.unknownChannel', {
          channel: String(channel).slice(0, 100)
        })
      }
      const value = await this.call(channel, input)
      return { ok: true, value }
    } catch (error) {
      return { ok: false, error: toLabErrorData(error) }
    }
  }

  /** Typed call for in-process users (CLI, tests); still validates both ways. */
  async call<C extends LabChannel>(channel: C, input: unknown): Promise<LabOutput<C>> {
    const parsed = parseInput(channel, input)
    const handler = this.handlers[channel] as (input: unknown) => Promise<unknown> | unknown
    return parseOutput(channel, await handler(parsed))
  }

  /** Subscribe to every pushed event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit<E extends LabEventName>(event: E, payload: LabEventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  close(): void {
    this.runs.close()
    this.listeners.clear()
    this.store.db.close()
  }
}
