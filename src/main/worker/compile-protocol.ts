/**
 * Messages between the host and a scenario compiler worker: the scenario text
 * goes in as workerData, exactly one CompileReply comes back.
 */
import type { CompileResult } from '@shared/scenario'
import type { SerializedError } from './worker-protocol'

export const COMPILE_PROTOCOL_VERSION = 1

export interface CompileRequest {
  readonly type: 'compile'
  readonly protocol: typeof COMPILE_PROTOCOL_VERSION
  readonly text: string
}

export type CompileReply =
  | { readonly type: 'compiled'; readonly result: CompileResult }
  | { readonly type: 'error'; readonly error: SerializedError }

export function isCompileRequest(value: unknown): value is CompileRequest {
  const v = value as Partial<CompileRequest> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    v.type === 'compile' &&
    v.protocol === COMPILE_PROTOCOL_VERSION &&
    typeof v.text === 'string'
  )
}
