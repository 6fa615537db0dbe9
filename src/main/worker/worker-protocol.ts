/**
 * Messages between the host and an engine worker. The host starts a worker
 * with a RunRequest as workerData; the worker answers with exactly one
 * WorkerReply. Progress and cancellation never travel as messages: they go
 * through the frame pool's header (see engine/frame-pool.ts).
 */
import type { MessageParams } from '@shared/i18n/translate'
import type { CompiledProgram } from '@shared/scenario/program'
import type { OptionValues } from '../engine/family'
import type { FinalState } from '../engine/final-state'
import type { RunSummary } from '../engine/run-summary'
import type { TimelineBuffers, TimelineOptions } from '../timeline/timeline-format'

export const WORKER_PROTOCOL_VERSION = 2

export interface RunRequest {
  readonly type: 'run'
  readonly protocol: typeof WORKER_PROTOCOL_VERSION
  /** The frame pool the host created (header initialised, regions not yet carved). */
  readonly buffer: SharedArrayBuffer
  readonly family: string
  readonly values: OptionValues
  readonly program: CompiledProgram
  /** Check every invariant after every request. */
  readonly check: boolean
  /** Record a seekable timeline (see timeline/timeline-format.ts) and send it back. */
  readonly timeline?: TimelineOptions
}

/** An error as plain data: Error objects lose their class crossing a thread boundary. */
export interface SerializedError {
  readonly name: string
  readonly message: string
  readonly stack?: string
  /** For RunCheckError: the request after which the invariant broke. */
  readonly step?: number
  readonly line?: number
  /** The error's i18n key and params when it has them (RunCheckError: the broken rule's). */
  readonly key?: string
  readonly params?: MessageParams
}

export type WorkerReply =
  | {
      readonly type: 'result'
      readonly summary: RunSummary
      readonly final: FinalState
      readonly timeline?: TimelineBuffers
    }
  | { readonly type: 'error'; readonly error: SerializedError }

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const extra = error as Error & {
      step?: unknown
      line?: unknown
      key?: unknown
      params?: unknown
    }
    return {
      name: error.name,
      message: error.message,
      ...(error.stack !== undefined ? { stack: error.stack } : {}),
      ...(typeof extra.step === 'number' ? { step: extra.step } : {}),
      ...(typeof extra.line === 'number' ? { line: extra.line } : {}),
      ...(typeof extra.key === 'string' && isMessageParams(extra.params)
        ? { key: extra.key, params: { ...extra.params } }
        : {})
    }
  }
  return { name: 'Error', message: String(error) }
}

function isMessageParams(value: unknown): value is MessageParams {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
  )
}

export function isRunRequest(value: unknown): value is RunRequest {
  const v = value as Partial<RunRequest> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    v.type === 'run' &&
    v.protocol === WORKER_PROTOCOL_VERSION &&
    v.buffer instanceof SharedArrayBuffer &&
    typeof v.family === 'string'
  )
}
