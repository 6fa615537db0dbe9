import { parseScenario } from './parse'

/**
 * Canonical scenario text: one space between words, units spelled one way,
 * two spaces before a trailing comment, at most one blank line in a row, no
 * blank lines at either end, a final newline. Comments and malformed lines are
 * kept as written, so formatting never changes what a scenario means.
 */
export function formatScenario(text: string): string {
  const out: string[] = []
  for (const statement of parseScenario(text).statements) {
    if (statement.kind === 'blank') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('')
    } else if (statement.canonical === '') {
      out.push(statement.comment)
    } else {
      out.push(
        statement.comment ? `${statement.canonical}  ${statement.comment}` : statement.canonical
      )
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop()
  return out.length === 0 ? '' : `${out.join('\n')}\n`
}
