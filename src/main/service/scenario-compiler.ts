import { Worker } from 'node:worker_threads'
import { LabError } from '@shared/lab-error'
import { compileScenario, type CompileResult } from '@shared/scenario'
import {
  COMPILE_PROTOCOL_VERSION,
  type CompileReply,
  type CompileRequest
} from '../worker/compile-protocol'
import type { WorkerLaunch } from '../worker/worker-host'

/**
 * Scenarios shorter than this compile right here: a few milliseconds, less
 * than starting a thread. (The standard heap workload compiles at roughly a
 * million requests, 12 MB, a second.)
 */
export const INLINE_COMPILE_CHARS = 256 * 1024

export interface ScenarioCompilerOptions {
  /** The compile worker's entry (the built compile-worker.js, or its source under tsx in tests). */
  readonly launch: () => WorkerLaunch
  /** How short scenarios compile in this thread (default compileScenario). */
  readonly compileHere?: (text: string) => CompileResult
  /** Scenarios at least this long compile in a worker (default INLINE_COMPILE_CHARS). */
  readonly inlineBelowChars?: number
}

/**
 * Compiles scenario text without holding up the host's event loop: a long
 * scenario compiles in a worker thread, whose typed arrays come back by
 * transfer, while every other call goes on being answered. Long compiles run
 * one at a time, so a burst of huge scenarios never holds several copies of
 * their text at once.
 */
export class ScenarioCompiler {
  private line: Promise<unknown> = Promise.resolve()
  private readonly workers = new Set<Worker>()
  private closed = false

  constructor(private readonly options: ScenarioCompilerOptions) {}

  compile(text: string): Promise<CompileResult> {
    if (this.closed) return Promise.reject(closing())
    if (text.length < (this.options.inlineBelowChars ?? INLINE_COMPILE_CHARS)) {
      return Promise.resolve((this.options.compileHere ?? compileScenario)(text))
    }
    const next = this.line.then(() => this.inWorker(text))
    this.line = next.catch(() => undefined)
    return next
  }

  close(): void {
    this.closed = true
    for (const worker of this.workers) void worker.terminate()
    this.workers.clear()
  }

  private inWorker(text: string): Promise<CompileResult> {
    if (this.closed) return Promise.reject(closing())
    const launch = this.options.launch()
    const request: CompileRequest = { type: 'compile', protocol: COMPILE_PROTOCOL_VERSION, text }
    const worker = new Worker(launch.workerPath, {
      workerData: request,
      ...(launch.execArgv ? { execArgv: [...launch.execArgv] } : {}),
      ...(launch.env ? { env: { ...launch.env } } : {}),
      ...(launch.resourceLimits ? { resourceLimits: launch.resourceLimits } : {})
    })
    this.workers.add(worker)
    return new Promise<CompileResult>((resolve, reject) => {
      let settled = false
      const settle = (outcome: CompileResult | LabError): void => {
        if (settled) return
        settled = true
        this.workers.delete(worker)
        void worker.terminate()
        if (outcome instanceof LabError) reject(outcome)
        else resolve(outcome)
      }
      worker.on('message', (reply: CompileReply) => {
        settle(reply.type === 'compiled' ? reply.result : failed(reply.error.message))
      })
      worker.on('error', (error: Error) => settle(failed(error.message)))
      worker.on('exit', (code) =>
        settle(this.closed ? closing() : failed(`the compiler stopped (exit code ${code})`))
      )
    })
  }
}

function failed(detail: string): LabError {
  return new LabError('internal', 'service.compileFailed', { detail })
}

function closing(): LabError {
  return new LabError('unavailable', 'service.closing')
}
