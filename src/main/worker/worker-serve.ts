import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { DEFAULT_LOCALE, isLocale } from '@shared/i18n/locales'
import { translate } from '@shared/i18n/translate'
import type { AllocatorFamily } from '../engine/family'
import { readFinalState } from '../engine/final-state'
import { FramePool, PoolStatus } from '../engine/frame-pool'
import { PeakTracker } from '../engine/peak-tracker'
import { runProgram } from '../engine/runner'
import { TimelineRecorder } from '../timeline/timeline-recorder'
import { timelineTransferList } from '../timeline/timeline-format'
import { isRunRequest, serializeError, type RunRequest, type WorkerReply } from './worker-protocol'

/**
 * The body of an engine worker: take the RunRequest from workerData, run it,
 * post one reply. `findFamily` is injected so tests can serve a small family
 * through the same code path as the real registry.
 */
export function serveRun(findFamily: (name: string) => AllocatorFamily | undefined): void {
  if (isMainThread || !parentPort) {
    const lang = process.env['ALLOCLAB_LANG']
    throw new Error(translate(isLocale(lang) ? lang : DEFAULT_LOCALE, 'engine.worker.notAWorker'))
  }
  const port = parentPort
  const request: unknown = workerData
  if (!isRunRequest(request)) {
    port.postMessage(
      reply({ type: 'error', error: { name: 'ProtocolError', message: 'not a run request' } })
    )
    return
  }
  const pool = FramePool.attach(request.buffer)
  try {
    const { message, transfer } = executeRun(request, pool, findFamily)
    port.postMessage(message, transfer)
  } catch (error) {
    pool.setStatus(PoolStatus.Failed)
    port.postMessage(reply({ type: 'error', error: serializeError(error) }))
  }
}

/**
 * Run one request in this thread: the engine's runner with, when asked, a
 * timeline recorder as its sink, both telling one peak tracker. Workers call
 * it; so do tests that need a run to end exactly when they say.
 */
export function executeRun(
  request: RunRequest,
  pool: FramePool,
  findFamily: (name: string) => AllocatorFamily | undefined
): { message: WorkerReply; transfer: ArrayBuffer[] } {
  const family = findFamily(request.family)
  if (!family) throw new Error(`Unknown allocator family "${request.family}"`)
  const target = family.create(pool, request.values, request.program, true)
  const peaks = new PeakTracker(request.program)
  const recorder = request.timeline
    ? new TimelineRecorder(target, request.program, request.timeline, peaks)
    : undefined
  const summary = runProgram(target, request.program, pool, {
    ...(recorder ? { sink: recorder } : {}),
    check: request.check,
    peaks,
    sinkSamplesStructures: recorder !== undefined
  })
  const final = readFinalState(target)
  const timeline = recorder?.finish()
  return {
    message: { type: 'result', summary, final, ...(timeline ? { timeline } : {}) },
    transfer: timeline ? timelineTransferList(timeline) : []
  }
}

function reply(message: WorkerReply): WorkerReply {
  return message
}
