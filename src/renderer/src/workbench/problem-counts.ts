import type { Translate } from '@renderer/i18n/use-global-i18n'

/** "2 errors, 1 warning", "No problems" or "Checking…", in the reader's language. */
export function problemCountText(
  t: Translate,
  analysing: boolean,
  errors: number,
  warnings: number
): string {
  if (analysing) return t('workbench.editor.analysing')
  if (errors === 0 && warnings === 0) return t('workbench.editor.clean')
  const parts: string[] = []
  if (errors > 0) {
    parts.push(
      errors === 1
        ? t('workbench.editor.errorsOne')
        : t('workbench.editor.errors', { count: errors })
    )
  }
  if (warnings > 0) {
    parts.push(
      warnings === 1
        ? t('workbench.editor.warningsOne')
        : t('workbench.editor.warnings', { count: warnings })
    )
  }
  return parts.join(' · ')
}
