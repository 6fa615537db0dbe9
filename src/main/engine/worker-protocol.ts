/**
 * Messages between the host and an engine worker. The host starts a worker
 * with a RunRequest as workerData; the worker answers with exactly one
 * WorkerReply. Progress and cancellation never travel as messages: they go
 * through the frame pool's header (see frame-pool.ts).
 */
import type { CompiledProgram } from '@shared/scenario/program'
import type { EventColumns } from './event-log'
import type { OptionValues } from './family'
import type { FinalState } from './final-state'
import type { RunSummary } from './run-summary'
import type { TimelineBuffers, TimelineOptions } from '../timeline/timeline-format'

export const WORKER_PROTOCOL_VERSION = 1

export interface RunRequest {
  readonly type: 'run'
  readonly protocol: typeof WORKER_PROTOCOL_VERSION
  /** The frame pool the host created (header initialised, regions not yet carved). */
  readonly buffer: SharedArrayBuffer
  readonly family: string
  readonly values: OptionValues
  readonly program: CompiledProgram
  /** Record one event per request and send them back. */
  readonly wantEvents: boolean
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
}

export type WorkerReply =
  | {
      readonly type: 'result'
      readonly summary: RunSummary
      readonly final: FinalState
      readonly events?: EventColumns
      readonly timeline?: TimelineBuffers
    }
  | { readonly type: 'error'; readonly error: SerializedError }

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const extra = error as Error & { step?: unknown; line?: unknown }
    return {
      name: error.name,
      message: error.message,
      ...(error.stack !== undefined ? { stack: error.stack } : {}),
      ...(typeof extra.step === 'number' ? { step: extra.step } : {}),
      ...(typeof extra.line === 'number' ? { line: extra.line } : {})
    }
  }
  return { name: 'Error', message: String(error) }
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
