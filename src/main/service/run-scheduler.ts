import { availableParallelism } from 'node:os'
import type { z } from 'zod'
import {
  LabError,
  type LabEventName,
  type LabEventPayload,
  type LabOutput,
  type labChannels
} from '@shared/api'
import { MAX_WARNINGS } from '@shared/run-schemas'
import type { CompileResult } from '@shared/scenario'
import type { CompiledProgram } from '@shared/scenario/program'
import type { EndStatus } from '@shared/vocabulary/run-statuses'
import type { RunSummary } from '@shared/vocabulary/run-summary'
import type { FinalState } from '../engine/final-state'
import type { AllocatorFamily } from '../engine/family'
import { LiveSlot } from '../engine/pool-snapshot'
import {
  DEFAULT_TIMELINE_OPTIONS,
  defaultMetricStride,
  type TimelineBuffers
} from '../timeline/timeline-format'
import { TimelineReader } from '../timeline/timeline-reader'
import { builtCompileLaunch } from '../worker/built-worker-launch'
import {
  WorkerRunError,
  startRun,
  type RunHandle,
  type StartRunOptions,
  type WorkerLaunch
} from '../worker/worker-host'
import { diagnosticCause } from './lab-errors'
import type { ConfigErrorData, RecordedConfig } from './recorded-config'
import { RecordedRun } from './recorded-run'
import { resolveRunConfigs, type RunConfig } from './run-config'
import { resolveRunBudget } from './run-budget'
import { RunIds } from './run-ids'
import { RUN_OVERHEAD_BYTES, configReservation, programBytes, textBytes } from './run-memory'
import { RunShelf, type RunMemory } from './run-shelf'
import { ScenarioCompiler } from './scenario-compiler'
import { answerStep } from './step-answers'
import { ViewLeases } from './view-leases'

export interface RunSchedulerDeps {
  readonly families: () => readonly AllocatorFamily[]
  /** Where the engine worker lives. */
  readonly launch: () => WorkerLaunch
  readonly emit: <E extends LabEventName>(event: E, payload: LabEventPayload<E>) => void
  /** How short scenarios compile in this thread (default compileScenario). */
  readonly compile?: (text: string) => CompileResult
  /** Where the scenario compiler worker lives (default: the built compile-worker.js). */
  readonly compileLaunch?: () => WorkerLaunch
  /** Scenarios at least this long compile in a worker (default INLINE_COMPILE_CHARS). */
  readonly inlineCompileChars?: number
  /** Most workers at once, over all runs (default: the machine's available parallelism). */
  readonly parallel?: number
  /** Progress events per second per config, at most (default 10). */
  readonly progressPerSecond?: number
  /** Bytes recorded runs may hold (default: ALLOCLAB_RUN_BUDGET, or the machine's share). */
  readonly budgetBytes?: number
  /** Milliseconds clock for view leases (default Date.now). */
  readonly now?: () => number
  /** Starts one config's worker (default startRun; tests end runs when they choose). */
  readonly startRun?: (options: StartRunOptions) => RunHandle
  /** Session tag of run ids (default: new and random). */
  readonly session?: string
}

/** A run the library kept, ready to be held again (see RunScheduler.restore). */
export interface StoredRun {
  readonly title: string
  readonly scenario: string
  readonly requests: number
  /** The program the timelines read; undefined when no config kept one. */
  readonly program: CompiledProgram | undefined
  readonly configs: readonly {
    readonly config: RunConfig
    readonly status: EndStatus
    readonly summary: RunSummary | undefined
    readonly final: FinalState | undefined
    readonly error: ConfigErrorData | undefined
    readonly timeline: TimelineBuffers | undefined
    readonly replayable: boolean
  }[]
}

/** A channel's input after validation. */
type Input<C extends keyof typeof labChannels> = z.output<(typeof labChannels)[C]['input']>

/** One config's turn on a worker. */
interface Job {
  readonly run: RecordedRun
  readonly config: RecordedConfig
  handle?: RunHandle
  /** `done` of the last progress event sent. */
  lastSent: number
}

/**
 * Schedules the runs LabService holds: compiles each scenario off the event
 * loop, admits the run when the memory budget allows (closing the least
 * recently used runs to make room), starts one worker per config (at most
 * the machine's parallelism at once, over all runs; the rest wait their
 * turn), pushes progress from the frame pools' counters, and settles cancels
 * and crashes. What a run recorded, and the queries on it, live in
 * RecordedRun; which runs are kept, in RunShelf.
 */
export class RunScheduler {
  private readonly shelf: RunShelf
  private readonly compiler: ScenarioCompiler
  private readonly waiting: Job[] = []
  private readonly running = new Set<Job>()
  private readonly limit: number
  private readonly startWorker: (options: StartRunOptions) => RunHandle
  private ticker: NodeJS.Timeout | undefined
  private closed = false

  constructor(private readonly deps: RunSchedulerDeps) {
    this.limit = Math.max(1, deps.parallel ?? availableParallelism())
    this.startWorker = deps.startRun ?? startRun
    this.shelf = new RunShelf(
      deps.budgetBytes ?? resolveRunBudget(undefined),
      new RunIds(deps.session),
      new ViewLeases(deps.now ?? Date.now)
    )
    this.compiler = new ScenarioCompiler({
      launch: deps.compileLaunch ?? builtCompileLaunch,
      ...(deps.compile ? { compileHere: deps.compile } : {}),
      ...(deps.inlineCompileChars !== undefined
        ? { inlineBelowChars: deps.inlineCompileChars }
        : {})
    })
  }

  async start(input: Input<'run:start'>): Promise<LabOutput<'run:start'>> {
    const compiled = await this.compiler.compile(input.scenario)
    if (this.closed) throw new LabError('unavailable', 'service.closing')
    if (!compiled.program) {
      const errors = compiled.diagnostics.filter((d) => d.severity === 'error')
      throw new LabError(
        'invalid-input',
        'timeline.scenarioHasErrors',
        { count: errors.length },
        errors.slice(0, MAX_WARNINGS).map(diagnosticCause)
      )
    }
    const program = compiled.program
    const configs = resolveRunConfigs(input.allocators, this.deps.families(), program.geometry)
    const timeline =
      (input.record ?? true)
        ? {
            keyframeInterval: input.keyframeInterval ?? DEFAULT_TIMELINE_OPTIONS.keyframeInterval,
            metricStride: input.metricStride ?? defaultMetricStride(program.count)
          }
        : undefined
    const planned = configs.map((config) => ({
      config,
      reservedBytes: configReservation(program, config, timeline)
    }))
    let need = RUN_OVERHEAD_BYTES + textBytes(input.scenario) + programBytes(program)
    for (const { reservedBytes } of planned) need += reservedBytes
    this.shelf.admit(need)

    const run = new RecordedRun(this.shelf.newId(), program, program.count, planned, {
      title: input.title ?? program.name,
      scenario: input.scenario,
      check: input.check ?? false,
      timeline
    })
    this.shelf.add(run)
    for (const config of run.configs) this.waiting.push({ run, config, lastSent: 0 })
    this.pump()
    return {
      runId: run.id,
      requests: run.requests,
      configs: run.configs.map((config) => ({
        config: config.index,
        label: config.config.label,
        family: config.config.family.name
      })),
      warnings: compiled.diagnostics
        .filter((d) => d.severity === 'warning')
        .slice(0, MAX_WARNINGS)
        .map(diagnosticCause)
    }
  }

  /** A run that has ended, for saving what it recorded; one still running is refused. */
  finishedRun(runId: string): RecordedRun {
    const run = this.use(runId)
    if (run.active) {
      throw new LabError('invalid-input', 'experiments.runNotFinished', { runId })
    }
    return run
  }

  /** Refuse early a run of `need` bytes that could not fit even if every closable run were closed. */
  checkRoom(need: number): void {
    this.shelf.checkRoom(need)
  }

  /**
   * Hold a run the library kept, as a run that has ended: its summaries and
   * any timelines it kept answer every query, and it counts against the
   * budget like any other run (least recently used runs close to make room).
   */
  restore(stored: StoredRun): RecordedRun {
    if (this.closed) throw new LabError('unavailable', 'service.closing')
    const run = new RecordedRun(
      this.shelf.newId(),
      stored.program,
      stored.requests,
      stored.configs.map(({ config }) => ({ config, reservedBytes: 0 })),
      { title: stored.title, scenario: stored.scenario, check: false, timeline: undefined }
    )
    stored.configs.forEach((config, index) => {
      run.configs[index]!.restored({
        status: config.status,
        summary: config.summary,
        final: config.final,
        error: config.error,
        reader:
          config.timeline && stored.program
            ? new TimelineReader(config.timeline, stored.program)
            : undefined,
        replayable: config.replayable
      })
    })
    run.releaseProgramIfUnused()
    run.finished = true
    this.shelf.admit(run.bytes)
    this.shelf.add(run)
    return run
  }

  cancel(runId: string): LabOutput<'run:cancel'> {
    const run = this.shelf.get(runId)
    // A run that has ended keeps what it recorded; there is nothing left to stop.
    if (!run.active) return { runId, cancelled: 0 }
    run.cancelled = true
    let cancelled = 0
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const job = this.waiting[i]!
      if (job.run !== run) continue
      this.waiting.splice(i, 1)
      job.config.status = 'cancelled'
      cancelled++
      this.ended(job)
    }
    for (const job of this.running) {
      if (job.run !== run || !job.handle) continue
      job.handle.cancel()
      cancelled++
      // A worker deep in one request would miss the flag for a while; never leave it behind.
      const handle = job.handle
      setTimeout(() => void handle.terminate(), 2000).unref()
    }
    run.freeBuffers()
    this.finishIfSettled(run)
    return { runId, cancelled }
  }

  summary(runId: string): LabOutput<'run:summary'> {
    const run = this.use(runId)
    for (const job of this.running) if (job.run === run) this.look(job)
    return run.summary()
  }

  view(runId: string): LabOutput<'run:view'> {
    const run = this.shelf.get(runId)
    return { runId, leaseMs: this.shelf.view(run) }
  }

  events(input: Input<'timeline:events'>): Promise<LabOutput<'timeline:events'>> {
    return this.query(input.runId, (run) => run.config(input.config).events(input))
  }

  metrics(input: Input<'timeline:metrics'>): Promise<LabOutput<'timeline:metrics'>> {
    return this.query(input.runId, (run) => run.config(input.config).metrics(input))
  }

  map(input: Input<'timeline:map'>): Promise<LabOutput<'timeline:map'>> {
    return this.query(input.runId, (run) => run.config(input.config).map(input))
  }

  structures(input: Input<'timeline:structures'>): Promise<LabOutput<'timeline:structures'>> {
    return this.query(input.runId, (run) => run.config(input.config).structures(input))
  }

  find(input: Input<'timeline:find'>): Promise<LabOutput<'timeline:find'>> {
    return this.query(input.runId, (run) => run.config(input.config).find(input))
  }

  /** Everything Replay's panels ask at a step, in one call (see step-answers.ts). */
  step(input: Input<'timeline:step'>): Promise<LabOutput<'timeline:step'>> {
    return this.query(input.runId, async (run) => ({
      answers: await answerStep(input.runId, run, input.questions)
    }))
  }

  /** Bytes recorded runs hold against the budget (for tests and diagnostics). */
  memory(): RunMemory {
    return this.shelf.memory()
  }

  /** Workers alive now (for tests and diagnostics). */
  get activeWorkers(): number {
    return this.running.size
  }

  close(): void {
    this.closed = true
    this.compiler.close()
    for (const job of this.running) void job.handle?.terminate()
    this.waiting.length = 0
    if (this.ticker) clearInterval(this.ticker)
    this.ticker = undefined
  }

  // --- internals ---------------------------------------------------------------

  private use(runId: string): RecordedRun {
    const run = this.shelf.get(runId)
    this.shelf.touch(run)
    return run
  }

  /** Answer a timeline query, then bring memory back within the budget if it derived data. */
  private async query<T>(runId: string, answer: (run: RecordedRun) => T | Promise<T>): Promise<T> {
    const run = this.use(runId)
    try {
      return await answer(run)
    } finally {
      this.shelf.settle(run)
    }
  }

  private pump(): void {
    while (this.running.size < this.limit && this.waiting.length > 0) {
      this.launch(this.waiting.shift()!)
    }
    if (this.running.size > 0 && !this.ticker) {
      const every = 1000 / Math.max(1, Math.min(10, this.deps.progressPerSecond ?? 10))
      this.ticker = setInterval(() => this.tick(), every)
      this.ticker.unref()
    } else if (this.running.size === 0 && this.ticker) {
      clearInterval(this.ticker)
      this.ticker = undefined
    }
  }

  private launch(job: Job): void {
    const { run, config } = job
    const label = config.config.label
    let handle: RunHandle
    try {
      handle = this.startWorker({
        ...this.deps.launch(),
        family: config.config.family,
        values: config.config.values,
        program: run.programToRun(),
        check: run.settings.check,
        label,
        ...(run.settings.timeline ? { timeline: run.settings.timeline } : {})
      })
    } catch (error) {
      config.failed(workerError(error, label), false)
      this.ended(job)
      this.settled(run)
      return
    }
    job.handle = handle
    config.status = 'running'
    this.running.add(job)
    handle.result
      .then(
        (result) => {
          const program = run.cancelled ? undefined : run.programToRead()
          const reader =
            result.timeline && program ? new TimelineReader(result.timeline, program) : undefined
          config.finished(result, reader)
        },
        (error: unknown) => config.failed(workerError(error, label), run.cancelled)
      )
      .finally(() => {
        this.look(job)
        this.progress(job)
        // The frame pool goes with the handle.
        job.handle = undefined
        this.running.delete(job)
        this.ended(job)
        this.settled(run)
        this.pump()
      })
  }

  /** A config of `run` has ended: account for what it keeps, and finish the run when it was the last. */
  private settled(run: RecordedRun): void {
    run.releaseProgramIfUnused()
    this.shelf.touch(run)
    this.shelf.settle(run)
    this.finishIfSettled(run)
  }

  private tick(): void {
    for (const job of this.running) this.progress(job)
  }

  private look(job: Job): void {
    if (job.handle) job.config.progressDone = job.handle.pool.done
  }

  private progress(job: Job): void {
    const handle = job.handle
    if (!handle) return
    const done = handle.pool.done
    job.config.progressDone = done
    if (done === job.lastSent && job.config.status === 'running') return
    job.lastSent = done
    const elapsedMs = handle.pool.readMetrics()[LiveSlot.ElapsedMs]!
    this.deps.emit('run:progress', {
      runId: job.run.id,
      config: job.config.index,
      done,
      total: handle.pool.total,
      elapsedMs,
      rate: elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
    })
  }

  private ended(job: Job): void {
    const status = job.config.status
    this.deps.emit('run:ended', {
      runId: job.run.id,
      config: job.config.index,
      status: status === 'done' || status === 'cancelled' ? status : 'failed',
      error: job.config.errorData()
    })
  }

  private finishIfSettled(run: RecordedRun): void {
    if (run.finished || run.active) return
    run.finished = true
    const status = run.status
    this.deps.emit('run:finished', {
      runId: run.id,
      status: status === 'done' || status === 'cancelled' ? status : 'failed'
    })
  }
}

function workerError(error: unknown, label: string): WorkerRunError {
  if (error instanceof WorkerRunError) return error
  return new WorkerRunError('failed', label, error instanceof Error ? error.message : String(error))
}
