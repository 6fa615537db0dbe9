import type {
  AnalysisReport,
  FromWorker,
  JobFailure,
  JobKind,
  JobOf,
  JobResults,
  TextChange,
  ToWorker
} from './protocol'

/** The two ends of a worker the client needs; a real Worker or an in-process host for tests. */
export interface WorkerPort {
  post(message: ToWorker): void
  listen(onMessage: (message: FromWorker) => void, onError: (detail: string) => void): void
  terminate(): void
}

/** A job the worker could not do, with its reason as a message key. */
export class WorkerJobError extends Error {
  override name = 'WorkerJobError'
  constructor(readonly failure: JobFailure) {
    super(failure.messageKey)
  }
}

interface Pending {
  resolve(value: unknown): void
  reject(error: WorkerJobError): void
  onChunk?: (chunk: string, index: number) => void
}

/**
 * The window's side of the scenario worker: document messages go out in
 * order, jobs come back as promises, analyses to whoever listens. If the
 * worker dies, every waiting job fails with the reason and `failed` says so.
 */
export class ScenarioWorkerClient {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly analysisListeners = new Set<(report: AnalysisReport) => void>()
  private readonly failureListeners = new Set<(detail: string) => void>()
  private disposed = false
  /** Called when the worker asks for the whole document again. */
  onResync: ((version: number) => void) | undefined
  failed: string | null = null

  constructor(private readonly port: WorkerPort) {
    port.listen(
      (message) => this.receive(message),
      (detail) => this.fail(detail)
    )
  }

  reset(version: number, text: string): void {
    this.post({ type: 'reset', version, text })
  }

  change(version: number, changes: readonly TextChange[]): void {
    this.post({ type: 'change', version, changes })
  }

  adopt(version: number, source: number, from: number, to: number, before = '', after = ''): void {
    this.post({ type: 'adopt', version, source, from, to, before, after })
  }

  release(source: number): void {
    this.post({ type: 'release', source })
  }

  request<K extends JobKind>(
    job: JobOf<K>,
    onChunk?: (chunk: string, index: number) => void
  ): Promise<JobResults[K]> {
    if (this.failed !== null) {
      return Promise.reject(
        new WorkerJobError({
          messageKey: 'workbench.editor.workerFailed',
          params: { detail: this.failed }
        })
      )
    }
    const id = this.nextId++
    return new Promise<JobResults[K]>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        ...(onChunk ? { onChunk } : {})
      })
      this.post({ type: 'request', id, job })
    })
  }

  onAnalysis(listener: (report: AnalysisReport) => void): () => void {
    this.analysisListeners.add(listener)
    return () => this.analysisListeners.delete(listener)
  }

  onFailure(listener: (detail: string) => void): () => void {
    this.failureListeners.add(listener)
    return () => this.failureListeners.delete(listener)
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.port.terminate()
    this.fail('closed')
  }

  private post(message: ToWorker): void {
    if (this.failed === null) this.port.post(message)
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'analysis':
        for (const listener of this.analysisListeners) listener(message.report)
        return
      case 'chunk':
        this.pending.get(message.id)?.onChunk?.(message.chunk, message.index)
        return
      case 'resync':
        this.onResync?.(message.version)
        return
      case 'reply': {
        const waiting = this.pending.get(message.id)
        if (!waiting) return
        this.pending.delete(message.id)
        if (message.ok) waiting.resolve(message.value)
        else waiting.reject(new WorkerJobError(message.failure))
      }
    }
  }

  private fail(detail: string): void {
    if (this.failed !== null) return
    this.failed = detail
    const failure = { messageKey: 'workbench.editor.workerFailed', params: { detail } }
    for (const waiting of this.pending.values()) waiting.reject(new WorkerJobError(failure))
    this.pending.clear()
    if (!this.disposed) for (const listener of this.failureListeners) listener(detail)
  }
}

/** The real worker, bundled by Vite as its own module script. */
export function browserWorkerPort(): WorkerPort {
  const worker = new Worker(new URL('./scenario.worker.ts', import.meta.url), {
    type: 'module',
    name: 'alloclab-scenario'
  })
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onError) {
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(event.data))
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        onError(event.message || 'the worker could not start')
      })
      worker.addEventListener('messageerror', () => onError('a message could not be read'))
    },
    terminate: () => worker.terminate()
  }
}
