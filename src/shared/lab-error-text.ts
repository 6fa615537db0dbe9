import type { Locale } from './i18n/locales'
import { translate } from './i18n/translate'
import type { LabErrorData, LabMessage } from './lab-error'

/** A translatable message in `locale`. */
export function messageText(locale: Locale, message: LabMessage): string {
  const text = translate(locale, message.key, message.params)
  if (message.line === undefined) return text
  return translate(locale, 'service.causeAt', {
    line: message.line,
    column: message.column ?? 1,
    message: text
  })
}

/** An error as a person reads it: its message, then each cause on a line of its own. */
export function labErrorText(
  locale: Locale,
  error: Pick<LabErrorData, 'key' | 'params' | 'causes'>
): string {
  const lines = [translate(locale, error.key, error.params)]
  for (const cause of error.causes ?? []) lines.push(messageText(locale, cause))
  return lines.join('\n')
}
