import { LabError, type LabErrorData, type LabMessage } from '@shared/lab-error'
import { labErrorText } from '@shared/lab-error-text'
import type { Diagnostic } from '@shared/scenario'
import { SpecError } from '../engine/allocator-spec'

/**
 * A bad allocator spec as a translatable error: the spec's own message, or
 * for a configuration the family refuses as a whole, the family's reason as
 * the cause.
 */
export function specLabError(error: SpecError): LabError {
  if (error.inner) {
    return new LabError(
      'invalid-input',
      'service.specInvalid',
      { spec: String(error.params['spec'] ?? '') },
      [{ key: error.inner.key, params: { ...(error.inner.params ?? {}) } }]
    )
  }
  return new LabError('invalid-input', error.messageKey, { ...error.params })
}

/** A scenario diagnostic as LabApi carries it: translatable, with its position and stable code. */
export function diagnosticCause(diagnostic: Diagnostic): LabMessage {
  return {
    key: diagnostic.messageKey,
    params: { ...diagnostic.params },
    line: diagnostic.line,
    column: diagnostic.column,
    code: diagnostic.code
  }
}

/**
 * Anything thrown by a handler, as the data a host sends: LabErrors keep
 * their code, key and parameters (with the English text for logs); anything
 * else is a bug and says so.
 */
export function toLabErrorData(error: unknown): LabErrorData {
  if (error instanceof SpecError) return toLabErrorData(specLabError(error))
  if (error instanceof LabError) {
    const data = { code: error.code, key: error.key, params: { ...error.params } }
    const causes = error.causes.length > 0 ? { causes: [...error.causes] } : {}
    return { ...data, ...causes, message: labErrorText('en', { ...data, ...causes }) }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return {
    code: 'internal',
    key: 'service.internal',
    params: { detail },
    message: labErrorText('en', { key: 'service.internal', params: { detail } })
  }
}
