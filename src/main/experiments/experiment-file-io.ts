import type { z } from 'zod'
import {
  EXPERIMENT_FILE_EXTENSION,
  EXPERIMENT_FILE_FORMAT,
  EXPERIMENT_FILE_VERSION,
  ExperimentFileHeadSchema,
  ExperimentFileSchema,
  type ExperimentFile,
  type ExperimentFileRun
} from '@shared/experiment-file'
import { LabError } from '@shared/lab-error'
import { timelineBytes } from '../timeline/timeline-format'
import { BlobDamagedError } from './blob-compression'
import type { CompressedBlob, NewExperiment, RecordedBy, RunRecord } from './experiment-records'
import type { StoredExperiment } from './experiment-repository'
import {
  PROGRAM_ENCODING_VERSION,
  ProgramDecodeError,
  decodeProgram,
  readsProgramEncoding
} from './program-codec'
import { inflateExactly } from './stored-run'
import {
  TIMELINE_ENCODING,
  TimelineDecodeError,
  decodeTimeline,
  readsTimelineEncoding
} from './timeline-codec'

export interface ExperimentSources {
  readonly scenario: string
  readonly program: CompressedBlob | null
  readonly timelines: ReadonlyMap<number, CompressedBlob>
}

/**
 * The experiment as a file: everything the library keeps of it, timelines
 * and the program they read included unless `withTimelines` is false (then
 * kept timelines are written as dropped, with their size).
 */
export function experimentFile(
  experiment: StoredExperiment,
  sources: ExperimentSources,
  options: {
    readonly withTimelines: boolean
    readonly now: number
    readonly app: string
    readonly engine: RecordedBy
  }
): ExperimentFile {
  const withTimelines = options.withTimelines && sources.program !== null
  return {
    format: EXPERIMENT_FILE_FORMAT,
    version: EXPERIMENT_FILE_VERSION,
    exportedAt: new Date(options.now).toISOString(),
    exportedBy: { app: options.app, ...options.engine },
    experiment: {
      name: experiment.name,
      notes: experiment.notes,
      tags: experiment.tags,
      createdAt: new Date(experiment.createdAt).toISOString(),
      updatedAt: new Date(experiment.updatedAt).toISOString(),
      scenario: sources.scenario,
      requests: experiment.requests,
      configurations: experiment.configurations,
      replayState: experiment.replayState as ExperimentFile['experiment']['replayState']
    },
    program: withTimelines && sources.program ? fileBlob(sources.program) : null,
    runs: experiment.runs.map((run): ExperimentFileRun => {
      const blob = sources.timelines.get(run.config)
      const timeline: ExperimentFileRun['timeline'] =
        run.timelineState === 'kept' && withTimelines && blob
          ? { state: 'kept', ...fileBlob(blob) }
          : {
              state: run.timelineState === 'none' ? 'none' : 'dropped',
              bytes: run.timelineBytes
            }
      return {
        config: run.config,
        spec: run.spec,
        label: run.label,
        family: run.family,
        status: run.status,
        summary: run.summary,
        final: run.final,
        error: run.error,
        recordedBy: run.recordedBy,
        timeline
      }
    })
  }
}

/** A file name for the experiment: its name without characters file systems refuse. */
export function experimentFileName(name: string): string {
  const safe = name

    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 100)
  return `${safe || 'experiment'}${EXPERIMENT_FILE_EXTENSION}`
}

function fileBlob(blob: CompressedBlob): {
  format: number
  encoding: 'zlib-base64'
  bytes: number
  data: string
} {
  return {
    format: blob.format,
    encoding: 'zlib-base64',
    bytes: blob.rawBytes,
    data: blob.data.toString('base64')
  }
}

/**
 * The experiment a file holds, ready to insert in one transaction, or the
 * LabError that says what is wrong with it and where: not JSON, another kind
 * of file, another version, a field that fails the schema (named by its
 * path), a program or a timeline that does not inflate or fails its checks.
 * Nothing is written until every part has passed.
 */
export async function readExperimentFile(
  text: string,
  options: { readonly name?: string; readonly now: number }
): Promise<NewExperiment> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new LabError('invalid-input', 'experiments.file.notJson', {
      detail: (error as Error).message
    })
  }
  const head = ExperimentFileHeadSchema.safeParse(json)
  if (!head.success || head.data.format !== EXPERIMENT_FILE_FORMAT) {
    throw new LabError('invalid-input', 'experiments.file.notExperiment', {
      format: EXPERIMENT_FILE_FORMAT
    })
  }
  if (head.data.version !== EXPERIMENT_FILE_VERSION) {
    const key =
      head.data.version > EXPERIMENT_FILE_VERSION
        ? 'experiments.file.newerVersion'
        : 'experiments.file.unknownVersion'
    throw new LabError('invalid-input', key, {
      version: head.data.version,
      supported: EXPERIMENT_FILE_VERSION
    })
  }
  const parsed = ExperimentFileSchema.safeParse(json)
  if (!parsed.success) throw invalidField(parsed.error)
  const file = parsed.data
  const program = file.program ? await checkedProgram(file) : null
  const runs: RunRecord[] = []
  for (const run of file.runs) runs.push(await checkedRun(run, file.experiment.requests))
  const experiment = file.experiment
  return {
    name: options.name ?? experiment.name,
    notes: experiment.notes,
    tags: experiment.tags,
    scenario: experiment.scenario,
    requests: experiment.requests,
    configurations: experiment.configurations,
    replayState: JSON.stringify(experiment.replayState),
    createdAt: Date.parse(experiment.createdAt),
    updatedAt: options.now,
    program,
    runs
  }
}

function invalidField(error: z.ZodError): LabError {
  const issue = error.issues[0]
  return new LabError('invalid-input', 'experiments.file.invalid', {
    field: issue && issue.path.length > 0 ? issue.path.join('.') : 'file',
    detail: issue?.message ?? 'invalid value'
  })
}

async function checkedProgram(file: ExperimentFile): Promise<CompressedBlob> {
  const stored = file.program!
  if (!readsProgramEncoding(stored.format)) {
    throw new LabError('invalid-input', 'experiments.file.programFormat', {
      format: stored.format,
      supported: PROGRAM_ENCODING_VERSION
    })
  }
  const blob = compressedFrom(stored)
  try {
    const program = decodeProgram(await inflateExactly(blob))
    if (program.count !== file.experiment.requests) {
      throw new ProgramDecodeError(
        `it holds ${program.count} requests, but the experiment says ${file.experiment.requests}`
      )
    }
  } catch (error) {
    if (!(error instanceof BlobDamagedError || error instanceof ProgramDecodeError)) throw error
    throw new LabError('invalid-input', 'experiments.file.programDamaged', {
      field: 'program.data',
      detail: error.message
    })
  }
  return blob
}

async function checkedRun(run: ExperimentFileRun, requests: number): Promise<RunRecord> {
  const record = {
    config: run.config,
    spec: run.spec,
    label: run.label,
    family: run.family,
    status: run.status,
    summary: run.summary,
    final: run.final,
    error: run.error,
    recordedBy: run.recordedBy
  }
  const timeline = run.timeline
  if (timeline.state !== 'kept') {
    return {
      ...record,
      timelineState: timeline.state,
      timelineBytes: timeline.bytes,
      timeline: null
    }
  }
  if (!readsTimelineEncoding(timeline.format)) {
    throw new LabError('invalid-input', 'experiments.file.timelineFormat', {
      config: run.config,
      format: timeline.format,
      supported: TIMELINE_ENCODING
    })
  }
  const blob = compressedFrom(timeline)
  let bytes: number
  try {
    const decoded = decodeTimeline(await inflateExactly(blob), requests)
    bytes = timelineBytes(decoded)
  } catch (error) {
    if (!(error instanceof BlobDamagedError || error instanceof TimelineDecodeError)) throw error
    throw new LabError('invalid-input', 'experiments.file.timelineDamaged', {
      config: run.config,
      field: `runs.${run.config}.timeline.data`,
      detail: error.message
    })
  }
  return { ...record, timelineState: 'kept', timelineBytes: bytes, timeline: blob }
}

function compressedFrom(stored: { format: number; bytes: number; data: string }): CompressedBlob {
  return { format: stored.format, rawBytes: stored.bytes, data: Buffer.from(stored.data, 'base64') }
}
