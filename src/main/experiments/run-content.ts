import type { CompiledProgram } from '@shared/scenario/program'
import { isEndStatus } from '@shared/vocabulary/run-statuses'
import { timelineBytes } from '../timeline/timeline-format'
import type { RecordedRun } from '../service/recorded-run'
import { compressBlob } from './blob-compression'
import type {
  CompressedBlob,
  ExperimentConfiguration,
  ExperimentContent,
  RecordedBy,
  RunRecord,
  TimelineState
} from './experiment-records'
import { PROGRAM_ENCODING_VERSION, encodeProgram } from './program-codec'
import { TIMELINE_ENCODING, encodeTimeline } from './timeline-codec'

/**
 * Where a run held by the service came from, when the library restored it:
 * which engine recorded each config, and what became of timelines that were
 * not kept. A run started in this session needs none of it.
 */
export interface RunOrigin {
  readonly configs: readonly {
    readonly recordedBy: RecordedBy
    /** A timeline saved as `dropped` earlier stays dropped, with its size. */
    readonly timelineState: TimelineState
    readonly timelineBytes: number
  }[]
}

/**
 * What an ended run gives an experiment: its scenario, its configurations,
 * each config's results, and (when `keepTimelines`) each recorded timeline
 * with the program it reads, compressed on the thread pool, all at once.
 */
export async function runContent(
  run: RecordedRun,
  options: {
    readonly keepTimelines: boolean
    readonly displays: readonly ExperimentConfiguration['display'][] | undefined
    readonly engine: RecordedBy
    readonly origin: RunOrigin | undefined
  }
): Promise<ExperimentContent> {
  const keep = options.keepTimelines
  const program = run.programToRead()
  const anyTimeline = run.configs.some((config) => config.timeline !== undefined)
  const [programBlob, ...timelines] = await Promise.all([
    keep && anyTimeline && program ? compressProgram(program) : Promise.resolve(null),
    ...run.configs.map((config) =>
      keep && config.timeline && program
        ? compressed(encodeTimeline(config.timeline), TIMELINE_ENCODING)
        : Promise.resolve(null)
    )
  ])
  const runs = run.configs.map((config, index): RunRecord => {
    const origin = options.origin?.configs[index]
    const status = config.status
    if (!isEndStatus(status)) throw new Error(`config ${index} of ${run.id} has not ended`)
    const held = config.timeline
    const timeline = timelines[index] ?? null
    let timelineState: TimelineState = 'none'
    let bytes = 0
    if (held) {
      timelineState = timeline ? 'kept' : 'dropped'
      bytes = timelineBytes(held)
    } else if (origin && origin.timelineState !== 'kept') {
      timelineState = origin.timelineState
      bytes = origin.timelineBytes
    }
    return {
      config: index,
      spec: config.config.spec,
      label: config.config.label,
      family: config.config.family.name,
      status,
      summary: config.summary ?? null,
      final: config.final ?? null,
      error: config.errorData(),
      recordedBy: origin?.recordedBy ?? options.engine,
      timelineState,
      timelineBytes: bytes,
      timeline
    }
  })
  return {
    scenario: run.settings.scenario,
    requests: run.requests,
    configurations: run.configs.map((config, index) => ({
      spec: config.config.spec,
      label: config.config.label,
      display: options.displays?.[index] ?? null
    })),
    program: programBlob,
    runs
  }
}

function compressProgram(program: CompiledProgram): Promise<CompressedBlob> {
  return compressed(encodeProgram(program), PROGRAM_ENCODING_VERSION)
}

async function compressed(raw: Buffer, format: number): Promise<CompressedBlob> {
  return { format, rawBytes: raw.length, data: await compressBlob(raw) }
}
