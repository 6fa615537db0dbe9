import { analyzeScenario } from './analyze'
import { hasErrors, type Diagnostic } from './diagnostic'
import type { CompiledProgram } from './program'

export interface CompileResult {
  /** Present only when the text has no errors (warnings allowed). */
  readonly program: CompiledProgram | undefined
  /** Every problem, errors and warnings, in line order. */
  readonly diagnostics: readonly Diagnostic[]
}

/** Turn scenario text into the typed-array program the engine runs. Never throws. */
export function compileScenario(text: string): CompileResult {
  const { program, diagnostics } = analyzeScenario(text)
  return { program: hasErrors(diagnostics) ? undefined : program, diagnostics }
}
