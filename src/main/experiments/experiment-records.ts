import type { z } from 'zod'
import type {
  ExperimentConfigurationSchema,
  RecordedBySchema,
  TIMELINE_STATES
} from '@shared/experiment-schemas'
import type { ConfigErrorSchema, FinalStateSchema } from '@shared/run-schemas'
import type { EndStatus } from '@shared/vocabulary/run-statuses'
import type { RunSummary } from '@shared/vocabulary/run-summary'

export type ExperimentConfiguration = z.infer<typeof ExperimentConfigurationSchema>
export type RecordedBy = z.infer<typeof RecordedBySchema>
export type TimelineState = (typeof TIMELINE_STATES)[number]
export type StoredFinal = z.infer<typeof FinalStateSchema>
export type StoredError = z.infer<typeof ConfigErrorSchema>

/** A zlib-compressed blob, the version of the encoding inside it and its size once inflated. */
export interface CompressedBlob {
  readonly format: number
  readonly rawBytes: number
  readonly data: Buffer
}

/** One configuration's run as the library keeps it. */
export interface RunRecord {
  readonly config: number
  readonly spec: string
  readonly label: string
  readonly family: string
  readonly status: EndStatus
  readonly summary: RunSummary | null
  readonly final: StoredFinal | null
  readonly error: StoredError | null
  readonly recordedBy: RecordedBy
  readonly timelineState: TimelineState
  /** Bytes of the timeline in memory, also when only its size is kept. */
  readonly timelineBytes: number
  /** The compressed timeline, exactly when timelineState is `kept`. */
  readonly timeline: CompressedBlob | null
}

/** The experiment's own words: what the user names, writes and tags. */
export interface ExperimentWords {
  readonly name: string
  readonly notes: string
  readonly tags: readonly string[]
}

/** What a run contributes to an experiment: its sources and one record per configuration. */
export interface ExperimentContent {
  readonly scenario: string
  readonly requests: number
  readonly configurations: readonly ExperimentConfiguration[]
  /** The compiled program the kept timelines read; null when none is kept. */
  readonly program: CompressedBlob | null
  readonly runs: readonly RunRecord[]
}

/** Everything a new experiment is written with, in one transaction. */
export interface NewExperiment extends ExperimentWords, ExperimentContent {
  /** The window's replay state, as JSON text. */
  readonly replayState: string
  readonly createdAt: number
  readonly updatedAt: number
}

/** Changes to an experiment's words and window state; what is left out stays. */
export interface ExperimentPatch {
  readonly name?: string
  readonly notes?: string
  readonly tags?: readonly string[]
  readonly replayState?: string
  /** Display choices by configuration index (null for none). */
  readonly displays?: readonly ExperimentConfiguration['display'][]
}
