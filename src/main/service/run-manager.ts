import { availableParallelism } from 'node:os'
import type { z } from 'zod'
import {
  LabError,
  type LabChannel,
  type LabEventName,
  type LabEventPayload,
  type LabOutput,
  type labChannels
} from '@shared/api'
import type { WorkerFailureKind } from '@shared/vocabulary/run-statuses'
import { compileScenario, type CompileResult } from '@shared/scenario'
import type { CompiledProgram } from '@shared/scenario/program'
import { MAP_STATES } from '@shared/run-schemas'
import {
  SpecError,
  normalizeSpec,
  parseAllocatorSpec,
  resolveAllocatorValues
} from '../engine/allocator-spec'
import type { AllocatorFamily } from '../engine/family'
import type { ConfigOutcome, RunConfig, WorkerLaunch } from '../engine/run-configs'
import { WorkerRunError, startRun, type RunHandle, type RunResult } from '../engine/worker-host'
import { LiveSlot } from '../engine/pool-snapshot'
import { diagnosticCause, specLabError } from './lab-errors'
import { EngineReplayer } from '../timeline/engine-replayer'
import { mapAfter } from '../timeline/map-seek'
import { mapPixels } from '../timeline/map-pixels'
import {
  METRIC_NAMES,
  MetricColumns,
  downsampleSamples,
  downsampleSteps,
  isStepMetric,
  type MetricName
} from '../timeline/metric-columns'
import { readStructures } from '../timeline/structures'
import {
  DEFAULT_TIMELINE_OPTIONS,
  defaultMetricStride,
  timelineBytes
} from '../timeline/timeline-format'
import { TimelineReader } from '../timeline/timeline-reader'
import { describeEvents } from '../timeline/describe-events'
import { explainStructure } from '../timeline/explain-structure'
import { findSteps } from '../timeline/find-step'

export interface RunManagerDeps {
  readonly families: () => readonly AllocatorFamily[]
  readonly launch: () => WorkerLaunch
  readonly emit: <E extends LabEventName>(event: E, payload: LabEventPayload<E>) => void
  readonly compile?: (text: string) => CompileResult
  /** Most workers at once, over all runs (default: the machine's available parallelism). */
  readonly parallel?: number
  /** Finished runs kept in memory (default 8). */
  readonly keepRuns?: number
  /** Progress events per second per config, at most (default 10). */
  readonly progressPerSecond?: number
}

type ConfigStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed'

interface ConfigEntry {
  readonly index: number
  readonly config: RunConfig
  status: ConfigStatus
  handle?: RunHandle
  result?: RunResult
  error?: WorkerRunError
  reader?: TimelineReader
  columns?: MetricColumns
  replayer?: EngineReplayer
  lastDone: number
}

interface RunEntry {
  readonly id: string
  readonly title: string
  readonly program: CompiledProgram
  readonly configs: ConfigEntry[]
  readonly record: boolean
  readonly check: boolean
  readonly timeline: { keyframeInterval: number; metricStride: number }
  cancelled: boolean
  finished: boolean
  readonly settled: Promise<void>
  settle: () => void
}

const KEEP_RUNS = 8

/** Diagnostics carried by a refused run:start; the window shows its own, these are for other clients. */
const MAX_ERROR_CAUSES = 20

/** A channel's input after validation. */
type LabOutputInput<C extends LabChannel> = z.output<(typeof labChannels)[C]['input']>

/**
 * The runs LabService holds: starts one worker per config (at most the
 * machine's parallelism at once, over all runs; the rest wait their turn),
 * pushes progress from the frame pools' counters, and answers the timeline
 * queries from the recorded buffers. Runs live in memory; beyond the newest
 * few finished ones, the oldest are dropped.
 */
export class RunManager {
  private readonly runs = new Map<string, RunEntry>()
  private readonly waiting: { run: RunEntry; entry: ConfigEntry }[] = []
  private running = 0
  private nextId = 1
  private ticker: NodeJS.Timeout | undefined
  private readonly limit: number

  constructor(private readonly deps: RunManagerDeps) {
    this.limit = Math.max(1, deps.parallel ?? availableParallelism())
  }

  start(input: LabOutputInput<'run:start'>): LabOutput<'run:start'> {
    const compiled = (this.deps.compile ?? compileScenario)(input.scenario)
    if (!compiled.program) {
      const errors = compiled.diagnostics.filter((d) => d.severity === 'error')
      throw new LabError(
        'invalid-input',
        'timeline.scenarioHasErrors',
        { count: errors.length },
        errors.slice(0, MAX_ERROR_CAUSES).map(diagnosticCause)
      )
    }
    const program = compiled.program
    const families = this.deps.families()
    const configs = input.allocators.map((text): RunConfig => {
      try {
        const spec = parseAllocatorSpec(text, families)
        const values = resolveAllocatorValues(spec, program.geometry)
        return { label: normalizeSpec(spec.family, values), family: spec.family, values }
      } catch (error) {
        if (error instanceof SpecError) throw specLabError(error)
        throw error
      }
    })
    const id = `run-${this.nextId++}`
    let settle = (): void => undefined
    const settled = new Promise<void>((resolve) => (settle = resolve))
    const run: RunEntry = {
      id,
      title: input.title ?? program.name,
      program,
      configs: configs.map((config, index) => ({ index, config, status: 'queued', lastDone: 0 })),
      record: input.record ?? true,
      check: input.check ?? false,
      timeline: {
        keyframeInterval: input.keyframeInterval ?? DEFAULT_TIMELINE_OPTIONS.keyframeInterval,
        metricStride: input.metricStride ?? defaultMetricStride(program.count)
      },
      cancelled: false,
      finished: false,
      settled,
      settle
    }
    this.runs.set(id, run)
    for (const entry of run.configs) this.waiting.push({ run, entry })
    this.pump()
    return {
      runId: id,
      configs: run.configs.map((entry) => ({
        config: entry.index,
        label: entry.config.label,
        family: entry.config.family.name
      }))
    }
  }

  cancel(runId: string): LabOutput<'run:cancel'> {
    const run = this.run(runId)
    run.cancelled = true
    let cancelled = 0
    for (const entry of run.configs) {
      if (entry.status === 'queued') {
        entry.status = 'cancelled'
        cancelled++
        this.ended(run, entry)
      } else if (entry.status === 'running') {
        entry.handle?.cancel()
        cancelled++
        // A worker deep in one request would miss the flag for a while; never leave it behind.
        const handle = entry.handle
        setTimeout(() => void handle?.terminate(), 2000).unref()
      }
    }
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if (this.waiting[i]!.run === run) this.waiting.splice(i, 1)
    }
    this.finishIfSettled(run)
    return { runId, cancelled }
  }

  summary(runId: string): LabOutput<'run:summary'> {
    const run = this.run(runId)
    return {
      runId,
      title: run.title,
      requests: run.program.count,
      status: this.runStatus(run),
      configs: run.configs.map((entry) => {
        const progress = entry.handle?.progress()
        const summary = entry.result?.summary
        return {
          config: entry.index,
          label: entry.config.label,
          family: entry.config.family.name,
          status: entry.status,
          done: summary?.requests ?? progress?.done ?? 0,
          total: run.program.count,
          summary: summary ?? null,
          final: entry.result?.final ?? null,
          error: entry.error ? configError(entry.error) : null,
          timelineBytes: entry.result?.timeline ? timelineBytes(entry.result.timeline) : 0
        }
      })
    }
  }

  async events(input: LabOutputInput<'timeline:events'>): Promise<LabOutput<'timeline:events'>> {
    const { reader, run, entry } = this.recorded(input.runId, input.config)
    const from = Math.min(input.from, reader.count)
    const to = Math.min(reader.count, from + input.count)
    entry.replayer ??= new EngineReplayer(entry.config.family, entry.config.values, run.program)
    const details = await explainStructure(reader, entry.replayer, from, to)
    return { from, total: reader.count, events: describeEvents(reader, from, to, details) }
  }

  metrics(input: LabOutputInput<'timeline:metrics'>): LabOutput<'timeline:metrics'> {
    const { reader, entry } = this.recorded(input.runId, input.config)
    const names: readonly MetricName[] = input.columns ?? METRIC_NAMES
    const to = Math.min(input.to, reader.count)
    const from = Math.min(input.from, to)
    entry.columns ??= new MetricColumns(reader)
    const columns = entry.columns
    const size = Math.max(1, Math.ceil((to - from) / input.maxPoints))
    return {
      from,
      to,
      bucketSize: size,
      columns: names.map((name) => {
        if (isStepMetric(name))
          return {
            name,
            stride: 1,
            ...downsampleSteps(columns.step(name), from, to, input.maxPoints)
          }
        const { positions, values } = columns.sampled(name)
        return {
          name,
          stride: reader.timeline.options.metricStride,
          ...downsampleSamples(positions, values, from, to, input.maxPoints)
        }
      })
    }
  }

  map(input: LabOutputInput<'timeline:map'>): LabOutput<'timeline:map'> {
    const { reader, run } = this.recorded(input.runId, input.config)
    const step = this.checkStep(reader, input.step)
    const runs = mapAfter(reader, step + 1)
    const geometry = reader.timeline.geometry
    const poolBytes = geometry.kind === 'heap' ? geometry.arenaBytes : geometry.poolBytes
    if (input.width !== undefined) {
      const pixels = mapPixels(runs, poolBytes, input.width)
      return {
        step,
        poolBytes,
        ranges: null,
        pixels: {
          width: input.width,
          bytesPerPixel: pixels.bytesPerPixel,
          dominant: Array.from(pixels.dominant, (s) => MAP_STATES[s] ?? 'free'),
          mixed: Array.from(pixels.mixed, (m) => m === 1)
        }
      }
    }
    const ranges = []
    for (let r = 0; r < runs.count; r++) {
      const handle = runs.handle[r]!
      ranges.push({
        start: runs.start[r]!,
        length: runs.length[r]!,
        state: MAP_STATES[runs.state[r]!] ?? 'free',
        handle: handle >= 0 ? (run.program.handles[handle] ?? `#${handle}`) : null
      })
    }
    return { step, poolBytes, ranges, pixels: null }
  }

  async structures(
    input: LabOutputInput<'timeline:structures'>
  ): Promise<LabOutput<'timeline:structures'>> {
    const { reader, run, entry } = this.recorded(input.runId, input.config)
    const step = this.checkStep(reader, input.step)
    entry.replayer ??= new EngineReplayer(entry.config.family, entry.config.values, run.program)
    const seen = await entry.replayer.read(step + 1, readStructures)
    return {
      step,
      family: seen.family,
      freeList: seen.freeList ?? null,
      rover: seen.rover ?? null,
      freeAreas: seen.freeAreas ?? null,
      slabinfo: seen.slabinfo ? seen.slabinfo.map((row) => ({ ...row })) : null,
      caches: seen.caches ?? null
    }
  }

  /** Steps meeting a condition (breakpoints, next failure, log filters), see find-step.ts. */
  async find(input: LabOutputInput<'timeline:find'>): Promise<LabOutput<'timeline:find'>> {
    const { reader, run, entry } = this.recorded(input.runId, input.config)
    entry.columns ??= new MetricColumns(reader)
    const replayer = (entry.replayer ??= new EngineReplayer(
      entry.config.family,
      entry.config.values,
      run.program
    ))
    return findSteps(reader, entry.columns, input, async (step) => {
      const [details] = await explainStructure(reader, replayer, step, step + 1)
      return details ?? []
    })
  }

  /** Resolves when every config of the run has ended (done, cancelled or failed). */
  async whenSettled(runId: string): Promise<ConfigOutcome[]> {
    const run = this.run(runId)
    await run.settled
    return run.configs.map((entry): ConfigOutcome => {
      if (entry.result) return { config: entry.config, result: entry.result }
      return {
        config: entry.config,
        error:
          entry.error ??
          new WorkerRunError('terminated', entry.config.label, 'cancelled before it started')
      }
    })
  }

  /** The recorded timeline of one config, for in-process users (the CLI's CSV). */
  reader(runId: string, config: number): TimelineReader {
    return this.recorded(runId, config).reader
  }

  columns(runId: string, config: number): MetricColumns {
    const found = this.recorded(runId, config)
    found.entry.columns ??= new MetricColumns(found.reader)
    return found.entry.columns
  }

  /** Workers alive now (for tests and diagnostics). */
  get activeWorkers(): number {
    return this.running
  }

  close(): void {
    for (const run of this.runs.values()) {
      for (const entry of run.configs) void entry.handle?.terminate()
    }
    this.waiting.length = 0
    if (this.ticker) clearInterval(this.ticker)
    this.ticker = undefined
  }

  // --- internals ---------------------------------------------------------------

  private pump(): void {
    while (this.running < this.limit && this.waiting.length > 0) {
      const { run, entry } = this.waiting.shift()!
      if (entry.status !== 'queued') continue
      this.launch(run, entry)
    }
    if (this.running > 0 && !this.ticker) {
      const every = 1000 / Math.max(1, Math.min(10, this.deps.progressPerSecond ?? 10))
      this.ticker = setInterval(() => this.tick(), every)
      this.ticker.unref()
    } else if (this.running === 0 && this.ticker) {
      clearInterval(this.ticker)
      this.ticker = undefined
    }
  }

  private launch(run: RunEntry, entry: ConfigEntry): void {
    let handle: RunHandle
    try {
      handle = startRun({
        ...this.deps.launch(),
        family: entry.config.family,
        values: entry.config.values,
        program: run.program,
        check: run.check,
        label: entry.config.label,
        ...(run.record ? { timeline: run.timeline } : {})
      })
    } catch (error) {
      entry.status = 'failed'
      entry.error = new WorkerRunError(
        'failed',
        entry.config.label,
        error instanceof Error ? error.message : String(error)
      )
      this.ended(run, entry)
      this.finishIfSettled(run)
      return
    }
    entry.handle = handle
    entry.status = 'running'
    this.running++
    handle.result
      .then(
        (result) => {
          entry.result = result
          entry.status = result.summary.cancelled ? 'cancelled' : 'done'
          if (result.timeline) entry.reader = new TimelineReader(result.timeline, run.program)
        },
        (error: unknown) => {
          entry.status = run.cancelled ? 'cancelled' : 'failed'
          entry.error =
            error instanceof WorkerRunError
              ? error
              : new WorkerRunError(
                  'failed',
                  entry.config.label,
                  error instanceof Error ? error.message : String(error)
                )
        }
      )
      .finally(() => {
        this.running--
        this.progress(run, entry)
        this.ended(run, entry)
        this.finishIfSettled(run)
        this.pump()
      })
  }

  private tick(): void {
    for (const run of this.runs.values()) {
      for (const entry of run.configs) if (entry.status === 'running') this.progress(run, entry)
    }
  }

  private progress(run: RunEntry, entry: ConfigEntry): void {
    const handle = entry.handle
    if (!handle) return
    const done = handle.pool.done
    if (done === entry.lastDone && entry.status === 'running') return
    entry.lastDone = done
    const slots = handle.pool.readMetrics()
    const elapsedMs = slots[LiveSlot.ElapsedMs]!
    this.deps.emit('run:progress', {
      runId: run.id,
      config: entry.index,
      done,
      total: handle.pool.total,
      elapsedMs,
      rate: elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
    })
  }

  private ended(run: RunEntry, entry: ConfigEntry): void {
    const status = entry.status === 'done' || entry.status === 'cancelled' ? entry.status : 'failed'
    this.deps.emit('run:ended', {
      runId: run.id,
      config: entry.index,
      status,
      error: entry.error ? configError(entry.error) : null
    })
  }

  private finishIfSettled(run: RunEntry): void {
    if (run.finished) return
    if (run.configs.some((entry) => entry.status === 'queued' || entry.status === 'running')) return
    run.finished = true
    const status = this.runStatus(run)
    this.deps.emit('run:finished', {
      runId: run.id,
      status: status === 'done' || status === 'cancelled' ? status : 'failed'
    })
    run.settle()
    this.dropOldRuns()
  }

  private runStatus(run: RunEntry): ConfigStatus {
    const statuses = run.configs.map((entry) => entry.status)
    if (statuses.some((s) => s === 'running')) return 'running'
    if (statuses.some((s) => s === 'queued')) return 'queued'
    if (run.cancelled) return 'cancelled'
    return statuses.some((s) => s === 'failed') ? 'failed' : 'done'
  }

  private dropOldRuns(): void {
    const keep = this.deps.keepRuns ?? KEEP_RUNS
    const finished = [...this.runs.values()].filter((run) => run.finished)
    for (const run of finished.slice(0, Math.max(0, finished.length - keep)))
      this.runs.delete(run.id)
  }

  private run(runId: string): RunEntry {
    const run = this.runs.get(runId)
    if (!run)
      throw new LabError('not-found', 'timeline.runNotFound', {
        runId,
        kept: this.deps.keepRuns ?? KEEP_RUNS
      })
    return run
  }

  private recorded(
    runId: string,
    config: number
  ): { run: RunEntry; entry: ConfigEntry; reader: TimelineReader } {
    const run = this.run(runId)
    const entry = run.configs[config]
    if (!entry) {
      throw new LabError('not-found', 'timeline.configNotFound', {
        runId,
        config,
        count: run.configs.length
      })
    }
    if (!entry.reader) {
      throw new LabError('not-found', 'timeline.notRecorded', {
        runId,
        config,
        status: entry.status
      })
    }
    return { run, entry, reader: entry.reader }
  }

  private checkStep(reader: TimelineReader, step: number): number {
    if (step >= reader.count) {
      throw new LabError('invalid-input', 'timeline.stepOutOfRange', {
        step,
        last: reader.count - 1
      })
    }
    return step
  }
}

/** A worker's failure as the translatable data LabApi carries. */
function configError(error: WorkerRunError): {
  kind: WorkerFailureKind
  key: string
  params: Record<string, string | number>
} {
  return { kind: error.kind, key: error.messageKey, params: error.params }
}
