import type { Diagnostic } from '../diagnostic'

export interface ImportResult {
  /** Scenario text; complete when there are no errors, best effort otherwise. */
  readonly text: string
  /** Problems in the imported input, with its own line and column numbers. */
  readonly diagnostics: readonly Diagnostic[]
}

export interface ImportOptions {
  /** Scenario name, e.g. the file name without extension. */
  readonly name?: string
}

/** A name safe on a `name` line: no comment sign, no line breaks. */
export function scenarioName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '').replace(/[#\r\n]/g, ' ').trim()
  return cleaned || fallback
}
