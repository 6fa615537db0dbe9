/**
 * CS:APP malloc-lab traces (`.rep`) to scenario text. A trace opens with
 * header numbers — four lines (suggested heap size, number of ids, number of
 * operations, weight) in the CMU handout, two (ids, operations) in some
 * course copies — then one operation a line: `a ID BYTES`, `f ID`,
 * `r ID BYTES`. Trace id N becomes handle bN. The suggested heap size becomes
 * the scenario's arena; a trace without one asks for a heap that grows by
 * CS:APP's 4 KiB chunks, as mdriver's does, so it never fails for want of an arena.
 */
import { diagnostic, type Diagnostic } from '../diagnostic'
import { scenarioName, type ImportOptions, type ImportResult } from './import-result'

interface Word {
  readonly text: string
  readonly column: number
}

function wordsOf(line: string): Word[] {
  const words: Word[] = []
  const pattern = /\S+/g
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    words.push({ text: match[0], column: match.index + 1 })
  }
  return words
}

const WHOLE = /^\d+$/

/** CS:APP's CHUNKSIZE: what mm_malloc's heap grows by at least. */
export const TRACE_GROW_BYTES = 4096

export function importMalloclab(trace: string, options: ImportOptions = {}): ImportResult {
  const diagnostics: Diagnostic[] = []
  const lines = trace.split('\n')
  const out: string[] = []
  const header: { value: number; line: number }[] = []
  let bodyStart = lines.length
  let lastLine = 0

  for (let i = 0; i < lines.length; i++) {
    const words = wordsOf(lines[i]!)
    if (words.length === 0) continue
    lastLine = i + 1
    if (words.length === 1 && WHOLE.test(words[0]!.text)) {
      header.push({ value: Number(words[0]!.text), line: i + 1 })
      continue
    }
    bodyStart = i
    break
  }

  let ids: number | undefined
  let operations: number | undefined
  let idsLine = 0
  let operationsLine = 0
  const growLine = `grow ${TRACE_GROW_BYTES}`
  let geometry = growLine
  out.push('# Imported from a CS:APP malloc-lab trace.')
  if (header.length === 4) {
    const [heap, idCount, opCount, weight] = header
    ids = idCount!.value
    operations = opCount!.value
    idsLine = idCount!.line
    operationsLine = opCount!.line
    out.push(
      `# Trace header: suggested heap ${heap!.value} B, ${ids} ids, ${operations} operations, weight ${weight!.value}.`
    )
    geometry = heap!.value > 0 ? `arena ${heap!.value}` : growLine
  } else if (header.length === 2) {
    ids = header[0]!.value
    operations = header[1]!.value
    idsLine = header[0]!.line
    operationsLine = header[1]!.line
    out.push(`# Trace header: ${ids} ids, ${operations} operations.`)
  } else {
    const at = header[0]?.line ?? (bodyStart < lines.length ? bodyStart + 1 : Math.max(1, lastLine))
    diagnostics.push(
      diagnostic('trace-bad-header', at, 1, 1, 'traceBadHeader', { found: header.length })
    )
  }
  out.push(`name ${scenarioName(options.name, 'malloc-lab trace')}`)
  out.push(geometry)
  out.push('')

  /** Handle name each trace id holds now; `undefined` when it holds nothing. */
  const liveName = new Map<number, string>()
  const generation = new Map<number, number>()
  let opCount = 0
  let maxId = -1

  for (let i = bodyStart; i < lines.length; i++) {
    const line = i + 1
    const words = wordsOf(lines[i]!)
    if (words.length === 0) continue
    const [op, idWord, bytesWord] = words
    const expected = op!.text === 'f' ? 2 : op!.text === 'a' || op!.text === 'r' ? 3 : 0
    if (expected === 0) {
      diagnostics.push(
        diagnostic('trace-bad-line', line, op!.column, op!.text.length, 'traceUnknownOp', {
          word: op!.text
        })
      )
      continue
    }
    if (words.length !== expected) {
      const at = words.length > expected ? words[expected]! : words[words.length - 1]!
      diagnostics.push(
        diagnostic('trace-bad-line', line, at.column, at.text.length, 'traceWordCount', {
          op: op!.text,
          expected: expected - 1,
          found: words.length - 1
        })
      )
      continue
    }
    if (!WHOLE.test(idWord!.text)) {
      diagnostics.push(
        diagnostic('trace-bad-line', line, idWord!.column, idWord!.text.length, 'traceBadId', {
          word: idWord!.text
        })
      )
      continue
    }
    if (bytesWord !== undefined && !WHOLE.test(bytesWord.text)) {
      diagnostics.push(
        diagnostic(
          'trace-bad-line',
          line,
          bytesWord.column,
          bytesWord.text.length,
          'traceBadBytes',
          {
            word: bytesWord.text
          }
        )
      )
      continue
    }
    opCount++
    const id = Number(idWord!.text)
    if (id > maxId) maxId = id
    const held = liveName.get(id)
    const bytes = bytesWord?.text ?? ''
    const idAt = [line, idWord!.column, idWord!.text.length] as const
    if (op!.text === 'a' || (op!.text === 'r' && held === undefined)) {
      if (held !== undefined) {
        diagnostics.push(diagnostic('trace-id-live', ...idAt, 'traceIdLive', { id }))
      } else if (op!.text === 'r') {
        diagnostics.push(diagnostic('trace-unknown-id', ...idAt, 'traceReallocUnknown', { id }))
      }
      const name = nameFor(id, held !== undefined, generation)
      liveName.set(id, name)
      out.push(`alloc ${name} ${bytes}`)
    } else if (op!.text === 'r') {
      out.push(`realloc ${held} ${bytes}`)
    } else if (held === undefined) {
      diagnostics.push(diagnostic('trace-unknown-id', ...idAt, 'traceFreeUnknown', { id }))
      out.push(`# skipped line ${line}: f ${id} (id ${id} holds no block)`)
    } else {
      liveName.delete(id)
      out.push(`free ${held}`)
    }
  }

  if (operations !== undefined && opCount !== operations) {
    diagnostics.push(
      diagnostic('trace-count-mismatch', operationsLine, 1, 1, 'traceOpCount', {
        declared: operations,
        found: opCount
      })
    )
  }
  if (ids !== undefined && maxId >= ids) {
    diagnostics.push(
      diagnostic('trace-count-mismatch', idsLine, 1, 1, 'traceIdCount', {
        declared: ids,
        found: maxId + 1
      })
    )
  }
  return { text: `${out.join('\n')}\n`, diagnostics }
}

/** bN for a first or reused id; bN_G when id N is allocated again while still live (the old block leaks). */
function nameFor(id: number, stillLive: boolean, generation: Map<number, number>): string {
  if (!stillLive) {
    const g = generation.get(id) ?? 0
    return g === 0 ? `b${id}` : `b${id}_${g}`
  }
  const g = (generation.get(id) ?? 0) + 1
  generation.set(id, g)
  return `b${id}_${g}`
}
