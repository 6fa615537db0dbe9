import type { AllocatorFamily } from '../../engine/family'
import { FramePool } from '../../engine/frame-pool'
import { readPoolSnapshot } from '../../engine/pool-snapshot'
import { WORKER_PROTOCOL_VERSION } from '../worker-protocol'
import { executeRun } from '../worker-serve'
import {
  WorkerRunError,
  type RunHandle,
  type RunResult,
  type StartRunOptions
} from '../worker-host'

/** A config handed to a manual worker, waiting for the test to let it run. */
export interface ManualRun {
  readonly label: string
  readonly handle: RunHandle
  /** Run the config to its end in this thread (as the engine worker would) and deliver the result. */
  finish(): void
}

/**
 * Engine "workers" that run only when a test says so: the same executeRun the
 * real worker serves, in this thread, so a scheduling test decides exactly
 * which run ends first instead of hoping one is slower.
 */
export function manualWorkers(findFamily: (name: string) => AllocatorFamily | undefined): {
  readonly startRun: (options: StartRunOptions) => RunHandle
  /** Configs started and not yet finished, in start order. */
  readonly started: ManualRun[]
  /** Finish the first started config whose label starts with `prefix` (all of them: finishAll). */
  finish(prefix: string): void
  finishAll(): void
} {
  const started: ManualRun[] = []
  const startRun = (options: StartRunOptions): RunHandle => {
    const pool = FramePool.create(options.family.poolBytes(options.values, options.program))
    pool.setTotal(options.program.count)
    let resolve!: (result: RunResult) => void
    let reject!: (error: WorkerRunError) => void
    const result = new Promise<RunResult>((yes, no) => {
      resolve = yes
      reject = no
    })
    result.catch(() => undefined)
    const label = options.label ?? options.family.name
    let ended = false
    const handle: RunHandle = {
      pool,
      result,
      progress: () => readPoolSnapshot(pool, new Float64Array(16)),
      cancel: () => pool.requestCancel(),
      terminate: () => {
        if (!ended) reject(new WorkerRunError('terminated', label, 'terminated'))
        ended = true
        remove()
        return Promise.resolve()
      }
    }
    const run: ManualRun = {
      label,
      handle,
      finish: () => {
        if (ended) return
        ended = true
        remove()
        const { message } = executeRun(
          {
            type: 'run',
            protocol: WORKER_PROTOCOL_VERSION,
            buffer: pool.buffer,
            family: options.family.name,
            values: options.values,
            program: options.program,
            check: options.check ?? false,
            ...(options.timeline ? { timeline: options.timeline } : {})
          },
          pool,
          findFamily
        )
        if (message.type === 'result') resolve(message)
        else reject(new WorkerRunError('failed', label, message.error.message))
      }
    }
    const remove = (): void => {
      const at = started.indexOf(run)
      if (at >= 0) started.splice(at, 1)
    }
    started.push(run)
    return handle
  }
  return {
    startRun,
    started,
    finish(prefix) {
      const run = started.find((candidate) => candidate.label.startsWith(prefix))
      if (!run) throw new Error(`no started config labelled ${prefix}…`)
      run.finish()
    },
    finishAll() {
      for (const run of [...started]) run.finish()
    }
  }
}
