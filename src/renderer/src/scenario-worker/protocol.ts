/**
 * Messages between the window and the scenario worker. The worker keeps a
 * copy of the document (the editor sends every change, in order, tagged with
 * a version) and does everything that grows with the scenario's size:
 * analysis, formatting, generating, importing, reading and writing files,
 * compressing drafts. Big texts it makes stay there as numbered sources until
 * the window adopts them, so they cross to the main thread only once, in
 * chunks it can take between frames.
 */
import type { DraftScenario } from '@shared/draft-schemas'
import type { Diagnostic, GeneratorKind, GeneratorOptions } from '@shared/scenario'
import type { ScenarioGeometry } from '@shared/scenario/program'

/** One edit: replace `[from, to)` of the previous version with `insert`. */
export type TextChange = readonly [from: number, to: number, insert: string]

export const IMPORT_FORMAT_IDS = ['malloclab', 'oplist'] as const
export type ImportFormatId = (typeof IMPORT_FORMAT_IDS)[number]

/** What the analyzer found in one version of the document. */
export interface AnalysisReport {
  readonly version: number
  /** The first MAX_REPORTED_DIAGNOSTICS problems, in line order. */
  readonly diagnostics: readonly Diagnostic[]
  readonly errorCount: number
  readonly warningCount: number
  readonly geometry: ScenarioGeometry
  readonly name: string
  readonly requests: number
  readonly lines: number
  readonly length: number
  /** Milliseconds the analysis took in the worker. */
  readonly elapsedMs: number
}

/** A text the worker made and holds, with enough to preview it. */
export interface SourceInfo {
  readonly source: number
  readonly length: number
  readonly lines: number
  readonly requests: number
  /** Its first lines, for a preview. */
  readonly preview: string
  readonly previewLines: number
  /** The whole text, when it is small enough to send in one message. */
  readonly text: string | null
}

export interface LiveHandle {
  readonly name: string
  /** The keyword that gave it memory: alloc, pages, object or kmalloc. */
  readonly acquiredBy: string
  readonly line: number
}

export interface LiveCache {
  readonly name: string
  readonly objectSize: number
  readonly line: number
}

/** A problem in an imported input, with the line it is on, so the dialog can show it in place. */
export interface ImportProblem {
  readonly diagnostic: Diagnostic
  readonly excerpt: string
}

export type WorkerJob =
  | { readonly kind: 'names'; readonly offset: number }
  | { readonly kind: 'format' }
  | {
      readonly kind: 'generate'
      readonly generator: GeneratorKind
      readonly options: GeneratorOptions
    }
  | {
      readonly kind: 'import'
      readonly format: ImportFormatId
      readonly input: string | Blob
      readonly name?: string
    }
  | { readonly kind: 'read'; readonly file: Blob }
  | { readonly kind: 'chunks'; readonly source: number; readonly chunkChars: number }
  | { readonly kind: 'text' }
  | { readonly kind: 'blob' }
  | { readonly kind: 'draft' }
  | { readonly kind: 'restore'; readonly scenario: DraftScenario }
  /**
   * The JSON body of a LabApi call with the document in `input.scenario`:
   * as text (`run:start`) or in draft form (`draft:save`).
   */
  | {
      readonly kind: 'encode'
      readonly channel: 'run:start' | 'draft:save'
      readonly input: Readonly<Record<string, unknown>>
      readonly scenarioAs: 'text' | 'draft'
    }

export interface JobResults {
  names: { readonly handles: readonly LiveHandle[]; readonly caches: readonly LiveCache[] }
  format: SourceInfo | null
  generate: SourceInfo
  import: SourceInfo & {
    readonly problems: readonly ImportProblem[]
    readonly problemCount: number
    readonly allocators: readonly string[]
  }
  read: SourceInfo
  chunks: { readonly count: number }
  text: { readonly version: number; readonly text: string }
  blob: { readonly version: number; readonly blob: Blob }
  draft: { readonly version: number; readonly scenario: DraftScenario }
  restore: SourceInfo
  encode: { readonly version: number; readonly body: Blob }
}

export type JobKind = WorkerJob['kind']
export type JobOf<K extends JobKind> = Extract<WorkerJob, { kind: K }>

/** Why a job gave no result, as a message key and parameters the window translates. */
export interface JobFailure {
  readonly messageKey: string
  readonly params: Readonly<Record<string, string | number>>
  /** A newer job of the same kind took its place before it started. */
  readonly superseded?: boolean
}

export type ToWorker =
  | { readonly type: 'reset'; readonly version: number; readonly text: string }
  | { readonly type: 'change'; readonly version: number; readonly changes: readonly TextChange[] }
  | {
      readonly type: 'adopt'
      readonly version: number
      readonly source: number
      readonly from: number
      readonly to: number
      /** Glue put before and after the source (a line break, when inserted mid-line). */
      readonly before: string
      readonly after: string
    }
  | { readonly type: 'request'; readonly id: number; readonly job: WorkerJob }
  | { readonly type: 'release'; readonly source: number }

export type FromWorker =
  | { readonly type: 'analysis'; readonly report: AnalysisReport }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly type: 'reply'
      readonly id: number
      readonly ok: false
      readonly failure: JobFailure
    }
  | { readonly type: 'chunk'; readonly id: number; readonly index: number; readonly chunk: string }
  /** The worker lost track of the document (a source it was told to adopt is gone). */
  | { readonly type: 'resync'; readonly version: number }

/** Problems sent per analysis; the counts cover all of them. */
export const MAX_REPORTED_DIAGNOSTICS = 1000

/** Texts up to this size travel whole in a reply; larger ones in chunks. */
export const INLINE_TEXT_CHARS = 512 * 1024

/** Lines of a source shown in previews. */
export const PREVIEW_LINES = 40
