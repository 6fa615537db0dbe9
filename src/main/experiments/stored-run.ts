import type { OPENED_TIMELINES } from '@shared/experiment-schemas'
import { LabError } from '@shared/lab-error'
import type { CompiledProgram } from '@shared/scenario/program'
import type { AllocatorFamily } from '../engine/family'
import { CONFIG_OVERHEAD_BYTES, RUN_OVERHEAD_BYTES, textBytes } from '../service/run-memory'
import { resolveRunConfigs, type RunConfig } from '../service/run-config'
import type { StoredRun } from '../service/run-scheduler'
import type { TimelineBuffers } from '../timeline/timeline-format'
import { BlobDamagedError, decompressBlob } from './blob-compression'
import type { CompressedBlob, RecordedBy } from './experiment-records'
import type { StoredExperiment } from './experiment-repository'
import { ProgramDecodeError, decodeProgram, readsProgramEncoding } from './program-codec'
import type { RunOrigin } from './run-content'
import { TimelineDecodeError, decodeTimeline, readsTimelineEncoding } from './timeline-codec'

export type OpenedTimeline = (typeof OPENED_TIMELINES)[number]

/** A stored experiment read back, ready for the scheduler to hold as a run. */
export interface ReadBack {
  readonly run: StoredRun
  readonly origin: RunOrigin
  /** What became of each config's timeline on the way. */
  readonly timelines: readonly OpenedTimeline[]
}

/**
 * Bytes a stored experiment will take once read back, before anything is
 * inflated: what the budget is asked for first, so a run that cannot fit
 * is refused without decoding it.
 */
export function storedRunBytes(
  experiment: StoredExperiment,
  scenario: string,
  program: CompressedBlob | null
): number {
  let total = RUN_OVERHEAD_BYTES + textBytes(scenario) + (program?.rawBytes ?? 0)
  for (const run of experiment.runs) {
    total += CONFIG_OVERHEAD_BYTES + (run.timelineState === 'kept' ? run.timelineBytes : 0)
  }
  return total
}

/**
 * Inflate and check what an experiment kept, on the thread pool, every
 * timeline at once. A timeline that fails its checks (or a program that
 * does) costs only the replay of that config: it opens with its summary,
 * and says `damaged`; one written in a format this build cannot read says
 * `incompatible`. Nothing in the library is changed either way.
 */
export async function readBack(
  experiment: StoredExperiment,
  sources: {
    readonly scenario: string
    readonly program: CompressedBlob | null
    readonly timelines: ReadonlyMap<number, CompressedBlob>
  },
  families: readonly AllocatorFamily[],
  engine: RecordedBy
): Promise<ReadBack> {
  const program = await readProgram(sources.program, experiment.requests)
  const decoded = await Promise.all(
    experiment.runs.map((run): Promise<TimelineBuffers | OpenedTimeline> => {
      if (run.timelineState !== 'kept') return Promise.resolve(run.timelineState)
      const blob = sources.timelines.get(run.config)
      if (!blob || program === 'damaged') return Promise.resolve('damaged')
      if (!readsTimelineEncoding(blob.format) || program === 'incompatible') {
        return Promise.resolve('incompatible')
      }
      return readTimeline(blob, experiment.requests)
    })
  )
  const configs = experiment.runs.map((run, index) => {
    const timeline = decoded[index]!
    const current =
      run.recordedBy.engineVersion === engine.engineVersion &&
      run.recordedBy.poolLayoutVersion === engine.poolLayoutVersion
    return {
      config: restoredConfig(run, families, current),
      status: run.status,
      summary: run.summary ?? undefined,
      final: run.final ?? undefined,
      error: run.error ?? undefined,
      timeline: typeof timeline === 'string' ? undefined : timeline,
      replayable: current
    }
  })
  const readable = typeof program === 'string' ? undefined : program
  return {
    run: {
      title: experiment.name,
      scenario: sources.scenario,
      requests: experiment.requests,
      program: configs.some((config) => config.timeline) ? readable : undefined,
      configs
    },
    origin: {
      configs: experiment.runs.map((run) => ({
        recordedBy: run.recordedBy,
        timelineState: run.timelineState,
        timelineBytes: run.timelineBytes
      }))
    },
    timelines: decoded.map((timeline) => (typeof timeline === 'string' ? timeline : 'kept'))
  }
}

async function readProgram(
  blob: CompressedBlob | null,
  requests: number
): Promise<CompiledProgram | 'damaged' | 'incompatible' | undefined> {
  if (!blob) return undefined
  if (!readsProgramEncoding(blob.format)) return 'incompatible'
  try {
    const program = decodeProgram(await inflateExactly(blob))
    return program.count === requests ? program : 'damaged'
  } catch (error) {
    if (error instanceof BlobDamagedError || error instanceof ProgramDecodeError) return 'damaged'
    throw error
  }
}

async function readTimeline(
  blob: CompressedBlob,
  requests: number
): Promise<TimelineBuffers | 'damaged'> {
  try {
    return decodeTimeline(await inflateExactly(blob), requests)
  } catch (error) {
    if (error instanceof BlobDamagedError || error instanceof TimelineDecodeError) return 'damaged'
    throw error
  }
}

/** The bytes of `blob`, which must inflate to exactly the size stored beside it. */
export async function inflateExactly(blob: CompressedBlob): Promise<Buffer> {
  const raw = await decompressBlob(blob.data, blob.rawBytes)
  if (raw.length !== blob.rawBytes) {
    throw new BlobDamagedError(`it inflates to ${raw.length} bytes, not ${blob.rawBytes}`)
  }
  return raw
}

/**
 * The config a stored run names, resolved from its canonical label (every
 * option spelled out, so the scenario's geometry is not needed). A run that
 * another engine recorded may name options this build no longer has; it
 * opens under its family with no options, since it is never replayed here.
 */
function restoredConfig(
  run: StoredExperiment['runs'][number],
  families: readonly AllocatorFamily[],
  current: boolean
): RunConfig {
  try {
    const [resolved] = resolveRunConfigs([run.label], families, {})
    return { ...resolved!, spec: run.spec, label: run.label }
  } catch {
    const family = families.find((candidate) => candidate.name === run.family)
    if (current || !family) {
      throw new LabError('invalid-input', 'experiments.configUnavailable', {
        config: run.config,
        label: run.label,
        engineVersion: run.recordedBy.engineVersion
      })
    }
    return { spec: run.spec, label: run.label, family, values: {} }
  }
}
