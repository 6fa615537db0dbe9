import type { MessageParams } from './i18n/translate'
import type { WorkerFailureKind } from './vocabulary/run-statuses'

/** A configuration's failed run as LabApi carries it (run:summary's `error`). */
export interface ConfigErrorMessage {
  readonly kind: WorkerFailureKind
  readonly key: string
  readonly params: MessageParams
}

/**
 * A failed configuration as a person reads it, with the caller's translator
 * (`translate` bound to a locale, or vue-i18n's `t`). A broken invariant
 * comes as its rule's own key and params plus `config`, `step` and `line`,
 * and reads "CONFIG: an invariant broke after request STEP (line LINE): RULE".
 */
export function configErrorText(
  t: (key: string, params: MessageParams) => string,
  error: ConfigErrorMessage
): string {
  if (error.kind !== 'invariant' || error.key === 'engine.worker.invariant') {
    return t(error.key, error.params)
  }
  const { config = '', step = -1, line = 0 } = error.params
  return t('engine.worker.invariant', { config, step, line, detail: t(error.key, error.params) })
}
