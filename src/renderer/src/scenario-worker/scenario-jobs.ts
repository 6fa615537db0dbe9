/**
 * The work the scenario worker does, as plain functions over strings, so
 * they can be tested without a worker. Nothing here touches the DOM.
 */
import { DRAFT_COMPRESS_FROM_CHARS, type DraftScenario } from '@shared/draft-schemas'
import { MAX_SCENARIO_CHARS } from '@shared/run-schemas'
import {
  REQUEST_WORDS,
  analyzeScenario,
  formatScenario,
  importMalloclab,
  importOpList,
  type ImportOptions,
  type ImportResult
} from '@shared/scenario'
import { CODE_STRIDE, Op } from '@shared/scenario/program'
import {
  MAX_REPORTED_DIAGNOSTICS,
  type AnalysisReport,
  type ImportFormatId,
  type ImportProblem,
  type LiveCache,
  type LiveHandle,
  type TextChange
} from './protocol'

/** Line breaks as the editor keeps them: every `\r\n` and lone `\r` becomes `\n`. */
export function normalizeLineBreaks(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n')
}

/** `text` after `changes`, each given in the coordinates of the text before any of them. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  if (changes.length === 0) return text
  let result = ''
  let at = 0
  for (const [from, to, insert] of changes) {
    result += text.slice(at, from) + insert
    at = to
  }
  return result + text.slice(at)
}

export function countLines(text: string): number {
  let lines = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++
  return lines
}

/** The first `count` lines of `text`. */
export function firstLines(text: string, count: number): string {
  let end = -1
  for (let line = 0; line < count; line++) {
    end = text.indexOf('\n', end + 1)
    if (end < 0) return text
  }
  return text.slice(0, end)
}

const REQUEST_SET = new Set(REQUEST_WORDS)

/** Lines that start with a request keyword: a cheap count for previews, before any analysis. */
export function countRequests(text: string): number {
  let requests = 0
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    let wordStart = start
    while (wordStart < end && (text[wordStart] === ' ' || text[wordStart] === '\t')) wordStart++
    let wordEnd = wordStart
    while (wordEnd < end && text[wordEnd] !== ' ' && text[wordEnd] !== '\t') wordEnd++
    if (wordEnd > wordStart && REQUEST_SET.has(text.slice(wordStart, wordEnd))) requests++
    start = end + 1
  }
  return requests
}

export function analysisReport(text: string, version: number): AnalysisReport {
  const started = performance.now()
  const { program, diagnostics } = analyzeScenario(text)
  let errorCount = 0
  for (const d of diagnostics) if (d.severity === 'error') errorCount++
  return {
    version,
    diagnostics: diagnostics.slice(0, MAX_REPORTED_DIAGNOSTICS),
    errorCount,
    warningCount: diagnostics.length - errorCount,
    geometry: program.geometry,
    name: program.name,
    requests: program.count,
    lines: countLines(text),
    length: text.length,
    elapsedMs: performance.now() - started
  }
}

const ACQUIRED_BY: Readonly<Partial<Record<number, string>>> = {
  [Op.Alloc]: 'alloc',
  [Op.PageAlloc]: 'pages',
  [Op.CacheAlloc]: 'object',
  [Op.Kmalloc]: 'kmalloc'
}
const RELEASES = new Set<number>([Op.Free, Op.PageFree, Op.CacheFree, Op.Kfree])

/**
 * The handles holding memory and the caches that exist after `prefix` (the
 * text above the line being completed), with the line that made each.
 */
export function liveNames(prefix: string): {
  handles: LiveHandle[]
  caches: LiveCache[]
} {
  const { program } = analyzeScenario(prefix)
  const handleLine = new Map<number, { acquiredBy: string; line: number }>()
  const cacheLine = new Map<number, number>()
  for (let i = 0; i < program.count; i++) {
    const op = program.code[i * CODE_STRIDE]!
    const handle = program.code[i * CODE_STRIDE + 1]!
    const aux = program.code[i * CODE_STRIDE + 2]!
    const acquiredBy = ACQUIRED_BY[op]
    if (acquiredBy !== undefined) handleLine.set(handle, { acquiredBy, line: program.lines[i]! })
    else if (RELEASES.has(op)) handleLine.delete(handle)
    else if (op === Op.CacheCreate) cacheLine.set(aux, program.lines[i]!)
    else if (op === Op.CacheDestroy) cacheLine.delete(aux)
  }
  const handles = [...handleLine].map(([id, held]) => ({ name: program.handles[id]!, ...held }))
  const caches = [...cacheLine].map(([id, line]) => ({
    name: program.caches[id]!.name,
    objectSize: program.caches[id]!.objectSize,
    line
  }))
  return { handles, caches }
}

/** The canonical text, or null when `text` already is. */
export function formattedOrNull(text: string): string | null {
  const formatted = formatScenario(text)
  return formatted === text ? null : formatted
}

/**
 * Every importer the Workbench offers, by format id. An importer may also
 * name allocator configurations (a pasted simulator command line does); the
 * import dialog then offers to add them.
 */
export const IMPORTERS: Readonly<
  Record<
    ImportFormatId,
    (input: string, options: ImportOptions) => ImportResult & { allocators?: readonly string[] }
  >
> = {
  malloclab: importMalloclab,
  oplist: importOpList
}

const EXCERPT_CHARS = 160

/** Each problem with the input line it points at, so it can be shown where it is. */
export function importProblems(
  input: string,
  result: ImportResult,
  limit = MAX_REPORTED_DIAGNOSTICS
): ImportProblem[] {
  const shown = result.diagnostics.slice(0, limit)
  if (shown.length === 0) return []
  const wanted = new Set(shown.map((d) => d.line))
  const excerpts = new Map<number, string>()
  let line = 1
  let start = 0
  while (start <= input.length && excerpts.size < wanted.size) {
    let end = input.indexOf('\n', start)
    if (end < 0) end = input.length
    if (wanted.has(line)) excerpts.set(line, input.slice(start, end).slice(0, EXCERPT_CHARS))
    start = end + 1
    line++
  }
  return shown.map((diagnostic) => ({
    diagnostic,
    excerpt: excerpts.get(diagnostic.line) ?? ''
  }))
}

/** Refuses a text longer than a run can take, before anything holds it twice. */
export function checkLength(text: string): void {
  if (text.length > MAX_SCENARIO_CHARS) {
    throw new JobError('workbench.editor.tooLarge', {
      length: text.length,
      max: MAX_SCENARIO_CHARS
    })
  }
}

/** A failure the window shows in words: a message key and its parameters. */
export class JobError extends Error {
  override name = 'JobError'
  constructor(
    readonly messageKey: string,
    readonly params: Readonly<Record<string, string | number>> = {}
  ) {
    super(messageKey)
  }
}

/** The draft form of a scenario: plain text when small, gzip in base64 when large. */
export async function draftScenario(text: string): Promise<DraftScenario> {
  if (text.length < DRAFT_COMPRESS_FROM_CHARS) return { encoding: 'text', text }
  const compressed = await new Response(
    new Response(text).body!.pipeThrough(new CompressionStream('gzip'))
  ).arrayBuffer()
  return {
    encoding: 'gzip-base64',
    data: toBase64(new Uint8Array(compressed)),
    length: text.length
  }
}

/** The text of a draft scenario; throws JobError when compressed data does not decompress. */
export async function restoreScenario(scenario: DraftScenario): Promise<string> {
  if (scenario.encoding === 'text') return scenario.text
  let text: string
  try {
    const bytes = fromBase64(scenario.data)
    text = await new Response(
      new Response(bytes).body!.pipeThrough(new DecompressionStream('gzip'))
    ).text()
  } catch (error) {
    throw new JobError('workbench.draft.corrupt', {
      detail: error instanceof Error ? error.message : String(error)
    })
  }
  if (text.length !== scenario.length) {
    throw new JobError('workbench.draft.corrupt', {
      detail: `${text.length} characters instead of ${scenario.length}`
    })
  }
  return text
}

function toBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  const step = 0x8000
  for (let i = 0; i < bytes.length; i += step) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + step)))
  }
  return btoa(parts.join(''))
}

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
