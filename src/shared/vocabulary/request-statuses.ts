/**
 * How one request ended, in the code order the engine's `Status` uses, and
 * why an invalid one was refused (the engine's `InvalidReason` order).
 */
import { z } from 'zod'

export const REQUEST_STATUSES = ['ok', 'no-memory', 'fragmented', 'invalid', 'noop'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]
export const RequestStatusSchema = z.enum(REQUEST_STATUSES)

/** The two ways an allocation fails (DESIGN.md §5): too little memory, or too scattered. */
export const FAILURE_CAUSES = ['no-memory', 'fragmented'] as const
export type FailureCause = (typeof FAILURE_CAUSES)[number]
export const FailureCauseSchema = z.enum(FAILURE_CAUSES)

export const INVALID_REASONS = [
  'none',
  'handleEmpty',
  'handleLive',
  'unknownCache',
  'cacheHasLiveObjects',
  'cacheExists',
  'tooLarge',
  'wrongKind'
] as const
export type InvalidReasonName = (typeof INVALID_REASONS)[number]
export const InvalidReasonSchema = z.enum(INVALID_REASONS)

export function requestStatusLabelKey(status: RequestStatus): string {
  return `vocabulary.requestStatus.${status}`
}

/** The engine.invalid.* message of a reason. */
export function invalidReasonKey(reason: InvalidReasonName): string {
  return `engine.invalid.${reason}`
}
