import { pixelText } from '@shared/timeline/map-pixel-text'
import { LabError, type LabOutput, type labChannels } from '@shared/api'
import { MAP_STATES } from '@shared/run-schemas'
import type { RunStatus, WorkerFailureKind } from '@shared/vocabulary/run-statuses'
import type { z } from 'zod'
import type { FinalState } from '../engine/final-state'
import type { RunSummary } from '../engine/run-summary'
import { describeEvents } from '../timeline/describe-events'
import { EngineReplayer } from '../timeline/engine-replayer'
import { explainStructure } from '../timeline/explain-structure'
import { findSteps } from '../timeline/find-step'
import { mapPixels } from '../timeline/map-pixels'
import { mapAfter } from '../timeline/map-seek'
import {
  METRIC_NAMES,
  MetricColumns,
  downsampleSamples,
  downsampleSteps,
  isStepMetric,
  type MetricName
} from '../timeline/metric-columns'
import { readStructures } from '../timeline/structures'
import { timelineBytes } from '../timeline/timeline-format'
import { TimelineReader } from '../timeline/timeline-reader'
import type { RunResult, WorkerRunError } from '../worker/worker-host'
import type { RunConfig } from './run-config'
import { CONFIG_OVERHEAD_BYTES, finalStateBytes } from './run-memory'

/** A channel's input after validation. */
type Input<C extends keyof typeof labChannels> = z.output<(typeof labChannels)[C]['input']>

/** A worker's failure as the translatable data LabApi carries. */
export interface ConfigErrorData {
  readonly kind: WorkerFailureKind
  readonly key: string
  readonly params: Record<string, string | number>
}

/**
 * One configuration of a run: where it stands, what its worker returned, and
 * its recorded timeline with what the queries derive from it (metric columns,
 * an engine replayer). The queries answer from the timeline alone; the
 * scheduler decides when the config runs and when its memory goes.
 */
export class RecordedConfig {
  status: RunStatus = 'queued'
  /** Requests its worker had done when last looked at (the scheduler keeps it current). */
  progressDone = 0
  summary: RunSummary | undefined
  final: FinalState | undefined
  error: WorkerRunError | undefined
  /**
   * False for a run restored from the library that another engine or
   * frame-pool layout recorded: its timeline shows what that engine did, but
   * replaying this engine (structures, which blocks a request split or
   * merged) could show something else, so those are refused.
   */
  replayable = true
  /** A failure restored from the library, as the data it was saved as. */
  private restoredError: ConfigErrorData | undefined
  private reader: TimelineReader | undefined
  private columns: MetricColumns | undefined
  private replayer: EngineReplayer | undefined

  constructor(
    readonly index: number,
    readonly config: RunConfig,
    /** What the config holds while queued or running (see run-memory.ts). */
    readonly reservedBytes: number
  ) {}

  get active(): boolean {
    return this.status === 'queued' || this.status === 'running'
  }

  get hasTimeline(): boolean {
    return this.reader !== undefined
  }

  /** Bytes this config holds now: its reservation while it may run, then what it really keeps. */
  get bytes(): number {
    if (this.active) return this.reservedBytes
    return (
      CONFIG_OVERHEAD_BYTES +
      (this.final ? finalStateBytes(this.final) : 0) +
      (this.reader ? timelineBytes(this.reader.timeline) : 0) +
      (this.columns?.bytes ?? 0) +
      (this.replayer?.bytes ?? 0)
    )
  }

  get timelineBytes(): number {
    return this.reader ? timelineBytes(this.reader.timeline) : 0
  }

  /** The worker's result, with a reader over its timeline when the run keeps one. */
  finished(result: RunResult, reader: TimelineReader | undefined): void {
    this.summary = result.summary
    this.final = result.final
    this.status = result.summary.cancelled ? 'cancelled' : 'done'
    this.reader = reader
  }

  /** What the library kept of this config's run: it ended long ago and is not run again. */
  restored(record: {
    readonly status: 'done' | 'cancelled' | 'failed'
    readonly summary: RunSummary | undefined
    readonly final: FinalState | undefined
    readonly error: ConfigErrorData | undefined
    readonly reader: TimelineReader | undefined
    readonly replayable: boolean
  }): void {
    this.status = record.status
    this.summary = record.summary
    this.final = record.final
    this.restoredError = record.error
    this.reader = record.reader
    this.replayable = record.replayable
  }

  /** The recorded timeline, while this config holds one (what saving it keeps). */
  get timeline(): TimelineReader['timeline'] | undefined {
    return this.reader?.timeline
  }

  failed(error: WorkerRunError, cancelled: boolean): void {
    this.error = error
    this.status = cancelled ? 'cancelled' : 'failed'
  }

  /** Let the timeline and everything derived from it go (the summary stays). */
  freeTimeline(): void {
    this.reader = undefined
    this.dropDerived()
  }

  /** Let the derived columns and the replayer go; the next query derives them again. */
  dropDerived(): void {
    this.columns = undefined
    this.replayer = undefined
  }

  errorData(): ConfigErrorData | null {
    if (this.restoredError) return this.restoredError
    if (!this.error) return null
    return { kind: this.error.kind, key: this.error.messageKey, params: this.error.params }
  }

  async events(input: Input<'timeline:events'>): Promise<LabOutput<'timeline:events'>> {
    const reader = this.recorded(input.runId)
    const from = Math.min(input.from, reader.count)
    const to = Math.min(reader.count, from + input.count)
    const details = this.replayable
      ? await explainStructure(reader, this.replayerFor(reader), from, to)
      : undefined
    return { from, total: reader.count, events: describeEvents(reader, from, to, details) }
  }

  metrics(input: Input<'timeline:metrics'>): LabOutput<'timeline:metrics'> {
    const reader = this.recorded(input.runId)
    const names: readonly MetricName[] = input.columns ?? METRIC_NAMES
    const to = Math.min(input.to, reader.count)
    const from = Math.min(input.from, to)
    this.columns ??= new MetricColumns(reader)
    const columns = this.columns
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

  map(input: Input<'timeline:map'>): LabOutput<'timeline:map'> {
    const reader = this.recorded(input.runId)
    const step = checkStep(reader, input.step)
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
          dominant: pixelText(pixels.dominant),
          mixed: pixelText(pixels.mixed)
        }
      }
    }
    const handles = reader.program.handles
    const ranges = []
    for (let r = 0; r < runs.count; r++) {
      const handle = runs.handle[r]!
      ranges.push({
        start: runs.start[r]!,
        length: runs.length[r]!,
        state: MAP_STATES[runs.state[r]!] ?? 'free',
        handle: handle >= 0 ? (handles[handle] ?? `#${handle}`) : null
      })
    }
    return { step, poolBytes, ranges, pixels: null }
  }

  /** Steps meeting a condition (breakpoints, next failure, log filters), see find-step.ts. */
  find(input: Input<'timeline:find'>): Promise<LabOutput<'timeline:find'>> {
    const reader = this.recorded(input.runId)
    this.columns ??= new MetricColumns(reader)
    const replayer = this.replayerFor(reader)
    return findSteps(reader, this.columns, input, async (step) => {
      const [details] = await explainStructure(reader, replayer, step, step + 1)
      return details ?? []
    })
  }

  async structures(input: Input<'timeline:structures'>): Promise<LabOutput<'timeline:structures'>> {
    const reader = this.recorded(input.runId)
    const step = checkStep(reader, input.step)
    const seen = await this.replayerFor(reader).read(step + 1, readStructures)
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

  private recorded(runId: string): TimelineReader {
    if (!this.reader) {
      throw new LabError('not-found', 'timeline.notRecorded', {
        runId,
        config: this.index,
        status: this.status
      })
    }
    return this.reader
  }

  private replayerFor(reader: TimelineReader): EngineReplayer {
    if (!this.replayable) {
      throw new LabError('gone', 'experiments.structuresNeedRerun', { config: this.index })
    }
    this.replayer ??= new EngineReplayer(this.config.family, this.config.values, reader.program)
    return this.replayer
  }
}

function checkStep(reader: TimelineReader, step: number): number {
  if (step >= reader.count) {
    throw new LabError('invalid-input', 'timeline.stepOutOfRange', {
      step,
      last: reader.count - 1
    })
  }
  return step
}
