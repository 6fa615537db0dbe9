/**
 * The analyzer's diagnostics as CodeMirror lint diagnostics: a position in
 * the document, the message in the reader's language, and quick fixes where
 * the analyzer knows one (a near word, the nearest powers of two).
 */
import type { Text } from '@codemirror/state'
import type { Action, Diagnostic as EditorDiagnostic } from '@codemirror/lint'
import type { Diagnostic } from '@shared/scenario'

export type Translate = (key: string, params?: Record<string, string | number>) => string

export interface QuickFix {
  /** What the fix writes over the diagnostic's range. */
  readonly replacement: string
}

/** The fixes the analyzer's parameters allow, best first. */
export function quickFixes(diagnostic: Diagnostic): QuickFix[] {
  const suggestion = diagnostic.params['suggestion']
  if (typeof suggestion === 'string' && suggestion !== '') return [{ replacement: suggestion }]
  if (diagnostic.code === 'not-power-of-two') {
    const fixes: QuickFix[] = []
    for (const key of ['below', 'above']) {
      const value = diagnostic.params[key]
      if (typeof value === 'number' && value >= 1) fixes.push({ replacement: String(value) })
    }
    return fixes
  }
  return []
}

/** Document offsets of a diagnostic, clamped to its line. */
export function diagnosticRange(doc: Text, diagnostic: Diagnostic): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(1, diagnostic.line), doc.lines))
  const from = Math.min(line.to, line.from + diagnostic.column - 1)
  const to = Math.min(line.to, from + diagnostic.length)
  return { from, to: Math.max(to, from) }
}

export function diagnosticMessage(t: Translate, diagnostic: Diagnostic): string {
  return t(diagnostic.messageKey, { ...diagnostic.params })
}

export function toEditorDiagnostics(
  doc: Text,
  diagnostics: readonly Diagnostic[],
  t: Translate
): EditorDiagnostic[] {
  return diagnostics.map((diagnostic) => {
    const { from, to } = diagnosticRange(doc, diagnostic)
    const actions: Action[] = quickFixes(diagnostic).map((fix) => ({
      name: t('workbench.editor.fix', { suggestion: fix.replacement }),
      apply(view, start, end) {
        view.dispatch({
          changes: { from: start, to: end, insert: fix.replacement },
          selection: { anchor: start + fix.replacement.length },
          userEvent: 'input.complete'
        })
      }
    }))
    return {
      from,
      to,
      severity: diagnostic.severity,
      source: diagnostic.code,
      message: diagnosticMessage(t, diagnostic),
      actions
    }
  })
}
