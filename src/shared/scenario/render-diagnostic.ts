import type { Locale } from '../i18n/locales'
import { translate } from '../i18n/translate'
import type { Diagnostic } from './diagnostic'

/**
 * The message of a diagnostic in `locale`. A `what` param names the kind of
 * number ("order", "arena size") and is itself translated.
 */
export function renderDiagnostic(d: Diagnostic, locale: Locale): string {
  const params: Record<string, string | number> = { ...d.params }
  const what = params['what']
  if (typeof what === 'string') params['what'] = translate(locale, `scenario.what.${what}`)
  return translate(locale, d.messageKey, params)
}

/** `FILE:LINE:COL: error: message [code]`, the form compilers and editors' problem matchers read. */
export function formatDiagnosticLine(file: string, d: Diagnostic, locale: Locale): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${renderDiagnostic(d, locale)} [${d.code}]`
}
