import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { CompiledProgram } from '@shared/scenario/program'
import type { WorkerFailureKind } from '@shared/vocabulary/run-statuses'
import type { AllocatorFamily, OptionValues } from '../engine/family'
import type { FinalState } from '../engine/final-state'
import { FramePool, PoolStatus } from '../engine/frame-pool'
import { readPoolSnapshot, type PoolSnapshot } from '../engine/pool-snapshot'
import type { RunSummary } from '../engine/run-summary'
import type { TimelineBuffers, TimelineOptions } from '../timeline/timeline-format'
import {
  WORKER_PROTOCOL_VERSION,
  type RunRequest,
  type SerializedError,
  type WorkerReply
} from './worker-protocol'

/** Where a worker entry lives and how to start it (injected so tests can run it from source). */
export interface WorkerLaunch {
  /** The worker entry: a built file next to the main bundle, or the TS source under tsx in tests. */
  readonly workerPath: string
  readonly execArgv?: readonly string[]
  /** Environment of the worker (default: the host's). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Heap limits of each worker (a worker over them fails with outOfMemory). */
  readonly resourceLimits?: ResourceLimits
}

export interface StartRunOptions extends WorkerLaunch {
  readonly family: AllocatorFamily
  readonly values: OptionValues
  readonly program: CompiledProgram
  readonly check?: boolean
  /** Record a seekable timeline with these options. */
  readonly timeline?: TimelineOptions
  /** How errors name this config, e.g. its normalized spec. */
  readonly label?: string
}

export interface RunResult {
  readonly summary: RunSummary
  readonly final: FinalState
  readonly timeline?: TimelineBuffers
}

export interface RunHandle {
  readonly pool: FramePool
  /** Done/total/status and the live metrics, read from the pool without messages. */
  progress(): PoolSnapshot
  /** Ask the worker to stop at its next progress point; it then reports a cancelled summary. */
  cancel(): void
  /** Stop the worker at once; `result` rejects with a WorkerRunError of kind "terminated". */
  terminate(): Promise<void>
  readonly result: Promise<RunResult>
}

export type { WorkerFailureKind }

/**
 * A run that did not produce a result. `kind` says why; `messageKey` and
 * `params` render it in the reader's language: engine.worker.*, except for a
 * broken invariant, which is told by its rule's key, with the rule's params
 * plus `config`, `step` and `line` (see configErrorText in @shared).
 */
export class WorkerRunError extends Error {
  override name = 'WorkerRunError'
  constructor(
    readonly kind: WorkerFailureKind,
    readonly config: string,
    readonly detail: string,
    readonly remote?: SerializedError
  ) {
    super(`${config}: ${kind}: ${detail}`)
  }

  get messageKey(): string {
    const rule = this.invariantRule()
    return rule ? rule.key : `engine.worker.${this.kind}`
  }

  get params(): Record<string, string | number> {
    const where = {
      config: this.config,
      step: this.remote?.step ?? -1,
      line: this.remote?.line ?? 0
    }
    const rule = this.invariantRule()
    return rule ? { ...rule.params, ...where } : { ...where, detail: this.detail }
  }

  private invariantRule(): { key: string; params: Record<string, string | number> } | undefined {
    const remote = this.remote
    if (this.kind !== 'invariant' || remote?.key === undefined || remote.params === undefined) {
      return undefined
    }
    return { key: remote.key, params: remote.params }
  }
}

/**
 * Run one config in its own worker over a fresh frame pool. The host keeps
 * working whatever the worker does: every way a worker can end (a reply, an
 * error event, a non-zero exit, an exit without a reply) settles `result`
 * exactly once.
 */
export function startRun(options: StartRunOptions): RunHandle {
  const label = options.label ?? options.family.name
  const pool = FramePool.create(options.family.poolBytes(options.values, options.program))
  pool.setTotal(options.program.count)
  const request: RunRequest = {
    type: 'run',
    protocol: WORKER_PROTOCOL_VERSION,
    buffer: pool.buffer,
    family: options.family.name,
    values: options.values,
    program: options.program,
    check: options.check ?? false,
    ...(options.timeline ? { timeline: options.timeline } : {})
  }
  const worker = new Worker(options.workerPath, {
    workerData: request,
    ...(options.execArgv ? { execArgv: [...options.execArgv] } : {}),
    ...(options.env ? { env: { ...options.env } } : {}),
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {})
  })

  let terminating = false
  const result = new Promise<RunResult>((resolve, reject) => {
    let settled = false
    const settle = (outcome: RunResult | WorkerRunError): void => {
      if (settled) return
      settled = true
      if (outcome instanceof WorkerRunError) {
        if (pool.status === PoolStatus.Running || pool.status === PoolStatus.Idle) {
          pool.setStatus(PoolStatus.Failed)
        }
        reject(outcome)
      } else {
        resolve(outcome)
      }
    }
    worker.on('message', (message: WorkerReply) => {
      if (message.type === 'result') {
        settle({
          summary: message.summary,
          final: message.final,
          ...(message.timeline ? { timeline: message.timeline } : {})
        })
      } else {
        const kind = message.error.name === 'RunCheckError' ? 'invariant' : 'failed'
        settle(new WorkerRunError(kind, label, message.error.message, message.error))
      }
      // The reply is the worker's last word; let it go without waiting for it to wind down.
      void worker.terminate()
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const kind = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'outOfMemory' : 'crashed'
      settle(
        new WorkerRunError(kind, label, error.message, { name: error.name, message: error.message })
      )
    })
    worker.on('exit', (code) => {
      if (terminating) settle(new WorkerRunError('terminated', label, `exit code ${code}`))
      else if (code !== 0) settle(new WorkerRunError('crashed', label, `exit code ${code}`))
      else settle(new WorkerRunError('noResult', label, 'the worker ended without a result'))
    })
  })
  // A caller that only polls progress must not get an unhandled rejection.
  result.catch(() => undefined)

  const scratch = new Float64Array(16)
  return {
    pool,
    result,
    progress: () => readPoolSnapshot(pool, scratch),
    cancel: () => pool.requestCancel(),
    terminate: async () => {
      terminating = true
      await worker.terminate()
    }
  }
}
