/**
 * The scenario worker's behaviour, apart from the worker global so tests can
 * run it in-process: it applies document messages the moment they arrive,
 * analyses the newest version whenever the document has changed (stale
 * versions are never analysed), and runs other jobs one at a time in
 * arrival order, dropping a waiting generate or import when a newer one of
 * the same kind arrives.
 */
import { GeneratorOptionError, generate } from '@shared/scenario'
import {
  INLINE_TEXT_CHARS,
  PREVIEW_LINES,
  type FromWorker,
  type JobFailure,
  type JobKind,
  type JobResults,
  type SourceInfo,
  type ToWorker,
  type WorkerJob
} from './protocol'
import {
  IMPORTERS,
  JobError,
  analysisReport,
  applyChanges,
  checkLength,
  countLines,
  countRequests,
  draftScenario,
  firstLines,
  formattedOrNull,
  importProblems,
  liveNames,
  normalizeLineBreaks,
  restoreScenario
} from './scenario-jobs'

export type PostToWindow = (message: FromWorker) => void

/** Sources kept at once; the oldest goes first (a dialog keeps at most its latest preview). */
const MAX_SOURCES = 4

/** Kinds where only the newest waiting request matters. */
const LATEST_ONLY = new Set<JobKind>(['generate', 'import', 'format'])

interface QueuedJob {
  readonly id: number
  readonly job: WorkerJob
}

export interface ScenarioWorkerHost {
  receive(message: ToWorker): void
}

export function createScenarioWorkerHost(post: PostToWindow): ScenarioWorkerHost {
  let text = ''
  let version = 0
  let analysedVersion = -1
  const sources = new Map<number, string>()
  let nextSource = 1
  const queue: QueuedJob[] = []
  let pumping = false

  function keepSource(value: string): number {
    const source = nextSource++
    sources.set(source, value)
    while (sources.size > MAX_SOURCES) sources.delete(sources.keys().next().value!)
    return source
  }

  function sourceInfo(value: string): SourceInfo {
    return {
      source: keepSource(value),
      length: value.length,
      lines: countLines(value),
      requests: countRequests(value),
      preview: firstLines(value, PREVIEW_LINES),
      previewLines: PREVIEW_LINES,
      text: value.length <= INLINE_TEXT_CHARS ? value : null
    }
  }

  function sourceText(source: number): string {
    const value = sources.get(source)
    if (value === undefined) throw new JobError('workbench.editor.readFailed', { detail: 'gone' })
    return value
  }

  async function runAny(id: number, job: WorkerJob): Promise<JobResults[JobKind]> {
    switch (job.kind) {
      case 'names':
        return liveNames(text.slice(0, Math.max(0, Math.min(job.offset, text.length))))
      case 'format': {
        const formatted = formattedOrNull(text)
        return formatted === null ? null : sourceInfo(formatted)
      }
      case 'generate':
        return sourceInfo(generate(job.generator, job.options))
      case 'import': {
        const input = normalizeLineBreaks(
          typeof job.input === 'string' ? job.input : await readBlob(job.input)
        )
        const importer = IMPORTERS[job.format]
        const result = importer(input, job.name ? { name: job.name } : {})
        checkLength(result.text)
        return {
          ...sourceInfo(result.text),
          problems: importProblems(input, result),
          problemCount: result.diagnostics.length,
          allocators: result.allocators ?? []
        }
      }
      case 'read': {
        const value = normalizeLineBreaks(await readBlob(job.file))
        checkLength(value)
        return sourceInfo(value)
      }
      case 'chunks': {
        const value = sourceText(job.source)
        let index = 0
        for (let start = 0; start < value.length; index++) {
          let end = Math.min(value.length, start + job.chunkChars)
          // Whole lines only, so the window can split each chunk on its own.
          if (end < value.length) {
            const lineEnd = value.indexOf('\n', end)
            end = lineEnd < 0 ? value.length : lineEnd + 1
          }
          post({ type: 'chunk', id, index, chunk: value.slice(start, end) })
          start = end
        }
        return { count: index }
      }
      case 'text':
        return { version, text }
      case 'blob':
        return { version, blob: new Blob([text], { type: 'text/plain;charset=utf-8' }) }
      case 'draft': {
        const at = version
        return { version: at, scenario: await draftScenario(text) }
      }
      case 'encode': {
        const at = version
        const scenario = job.scenarioAs === 'text' ? text : await draftScenario(text)
        const json = JSON.stringify({ channel: job.channel, input: { ...job.input, scenario } })
        return { version: at, body: new Blob([json], { type: 'application/json' }) }
      }
      case 'restore': {
        const value = normalizeLineBreaks(await restoreScenario(job.scenario))
        checkLength(value)
        return sourceInfo(value)
      }
    }
  }

  function failure(error: unknown): JobFailure {
    if (error instanceof JobError) return { messageKey: error.messageKey, params: error.params }
    if (error instanceof GeneratorOptionError) {
      return { messageKey: error.messageKey, params: error.params }
    }
    const detail = error instanceof Error ? error.message : String(error)
    return { messageKey: 'service.internal', params: { detail } }
  }

  async function pump(): Promise<void> {
    if (pumping) return
    pumping = true
    try {
      for (;;) {
        if (analysedVersion !== version) {
          analysedVersion = version
          post({ type: 'analysis', report: analysisReport(text, version) })
          await nextTask()
          continue
        }
        const next = queue.shift()
        if (!next) break
        try {
          const value = await runAny(next.id, next.job)
          post({ type: 'reply', id: next.id, ok: true, value })
        } catch (error) {
          post({ type: 'reply', id: next.id, ok: false, failure: failure(error) })
        }
        await nextTask()
      }
    } finally {
      pumping = false
    }
  }

  function enqueue(id: number, job: WorkerJob): void {
    if (LATEST_ONLY.has(job.kind)) {
      for (let i = queue.length - 1; i >= 0; i--) {
        const waiting = queue[i]!
        if (waiting.job.kind !== job.kind) continue
        queue.splice(i, 1)
        post({
          type: 'reply',
          id: waiting.id,
          ok: false,
          failure: { messageKey: 'workbench.editor.analysing', params: {}, superseded: true }
        })
      }
    }
    queue.push({ id, job })
  }

  return {
    receive(message) {
      switch (message.type) {
        case 'reset':
          text = normalizeLineBreaks(message.text)
          version = message.version
          break
        case 'change':
          text = applyChanges(text, message.changes)
          version = message.version
          break
        case 'adopt': {
          const adopted = sources.get(message.source)
          version = message.version
          if (adopted === undefined) {
            // Never guess: the window sends the whole text again.
            post({ type: 'resync', version })
            return
          }
          text =
            text.slice(0, message.from) +
            message.before +
            adopted +
            message.after +
            text.slice(message.to)
          break
        }
        case 'release':
          sources.delete(message.source)
          return
        case 'request':
          enqueue(message.id, message.job)
          break
      }
      void pump()
    }
  }
}

/** Lets messages that arrived meanwhile be applied before the next piece of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

async function readBlob(blob: Blob): Promise<string> {
  try {
    return await blob.text()
  } catch (error) {
    throw new JobError('workbench.editor.readFailed', {
      detail: error instanceof Error ? error.message : String(error)
    })
  }
}
