/**
 * A problem found in scenario text (or in a trace being imported). Positions
 * count from 1 in UTF-16 code units, as editors do; `length` is at least 1 so
 * an editor always has something to underline. The message is not stored:
 * `messageKey` and `params` are rendered in the reader's language.
 */
export interface Diagnostic {
  readonly line: number
  readonly column: number
  readonly length: number
  readonly code: DiagnosticCode
  readonly severity: Severity
  readonly messageKey: string
  readonly params: Readonly<Record<string, string | number>>
}

export type Severity = 'error' | 'warning'

/**
 * Stable codes, each with a fixed severity. Tools may match on codes; never
 * rename one. Warnings leave the scenario runnable; errors do not.
 */
export const DIAGNOSTIC_SEVERITY = {
  'unknown-keyword': 'error',
  'missing-argument': 'error',
  'extra-argument': 'error',
  'bad-name': 'error',
  'bad-number': 'error',
  'bad-unit': 'error',
  'fractional-bytes': 'error',
  'out-of-range': 'error',
  'not-power-of-two': 'error',
  'unknown-option': 'error',
  'duplicate-option': 'error',
  'duplicate-directive': 'error',
  'directive-after-request': 'error',
  'unknown-handle': 'error',
  'handle-freed': 'error',
  'handle-live': 'error',
  'cannot-realloc': 'error',
  'unknown-cache': 'error',
  'cache-exists': 'error',
  'cache-destroyed': 'error',
  'cache-busy': 'error',
  'size-zero': 'warning',
  'mismatched-free': 'warning',
  'exceeds-arena': 'warning',
  'exceeds-max-order': 'warning',
  'trace-bad-header': 'error',
  'trace-bad-line': 'error',
  'trace-count-mismatch': 'warning',
  'trace-unknown-id': 'warning',
  'trace-id-live': 'warning',
  'oplist-bad-item': 'error',
  'oplist-unknown-index': 'error',
  'oplist-already-freed': 'error'
} as const satisfies Record<string, Severity>

export type DiagnosticCode = keyof typeof DIAGNOSTIC_SEVERITY

export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_SEVERITY) as DiagnosticCode[]

export function diagnostic(
  code: DiagnosticCode,
  line: number,
  column: number,
  length: number,
  message: string,
  params: Record<string, string | number> = {}
): Diagnostic {
  return {
    line,
    column,
    length: Math.max(1, length),
    code,
    severity: DIAGNOSTIC_SEVERITY[code],
    messageKey: `scenario.diag.${message}`,
    params
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}
