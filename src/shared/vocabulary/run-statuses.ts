/**
 * Where a run, and each configuration of it, stands. A configuration is
 * queued until a worker is free, then running, then ends in one of the
 * END_STATUSES; a run's status sums up its configurations'.
 */
import { z } from 'zod'

export const RUN_STATUSES = ['queued', 'running', 'done', 'cancelled', 'failed'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]
export const RunStatusSchema = z.enum(RUN_STATUSES)

export const END_STATUSES = ['done', 'cancelled', 'failed'] as const
export type EndStatus = (typeof END_STATUSES)[number]
export const EndStatusSchema = z.enum(END_STATUSES)

export function isEndStatus(status: RunStatus): status is EndStatus {
  return (END_STATUSES as readonly string[]).includes(status)
}

/** Why a configuration's worker gave no result (engine.worker.* messages). */
export const WORKER_FAILURE_KINDS = [
  'crashed',
  'failed',
  'outOfMemory',
  'terminated',
  'noResult',
  'invariant'
] as const
export type WorkerFailureKind = (typeof WORKER_FAILURE_KINDS)[number]
export const WorkerFailureKindSchema = z.enum(WORKER_FAILURE_KINDS)

export function runStatusLabelKey(status: RunStatus): string {
  return `vocabulary.runStatus.${status}`
}
