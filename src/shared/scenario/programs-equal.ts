import { CODE_STRIDE, type CompiledProgram } from './program'

/**
 * True when two programs ask for the same requests in the same order, with
 * the same names, caches and geometry. Source line numbers are ignored: a
 * reformatted scenario means the same thing on other lines.
 */
export function programsEqual(a: CompiledProgram, b: CompiledProgram): boolean {
  if (a.count !== b.count || a.name !== b.name || a.description !== b.description) return false
  if (JSON.stringify(a.geometry) !== JSON.stringify(b.geometry)) return false
  if (JSON.stringify(a.handles) !== JSON.stringify(b.handles)) return false
  if (JSON.stringify(a.caches) !== JSON.stringify(b.caches)) return false
  for (let i = 0; i < a.count * CODE_STRIDE; i++) if (a.code[i] !== b.code[i]) return false
  for (let i = 0; i < a.count; i++) if (!Object.is(a.sizes[i], b.sizes[i])) return false
  return true
}
