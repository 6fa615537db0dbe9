import { useI18n } from 'vue-i18n'
import type { LabMessage } from '@shared/lab-error'
import type { FailureReason } from '@renderer/lab/describe-failure'

/**
 * Turns a failure into text in the current language, at render time: the
 * message, then each cause on a line of its own (with its line and column
 * when it points into the user's text).
 */
export function useFailureText(): { failureText: (reason: FailureReason) => string } {
  const { t } = useI18n()
  function causeText(cause: LabMessage): string {
    const text = t(cause.key, { ...cause.params })
    if (cause.line === undefined) return text
    return t('service.causeAt', { line: cause.line, column: cause.column ?? 1, message: text })
  }
  function failureText(reason: FailureReason): string {
    if ('text' in reason) return reason.text
    return [t(reason.key, { ...reason.params }), ...(reason.causes ?? []).map(causeText)].join('\n')
  }
  return { failureText }
}
