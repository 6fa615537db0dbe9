import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { DEFAULT_LOCALE, isLocale } from '@shared/i18n/locales'
import { translate } from '@shared/i18n/translate'
import { EventLog, eventBuffers, type EventSink } from './event-log'
import type { AllocatorFamily } from './family'
import { readFinalState } from './final-state'
import { FramePool, PoolStatus } from './frame-pool'
import { PeakTracker } from './peak-tracker'
import { runProgram } from './runner'
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
    const { message, transfer } = execute(request, pool, findFamily)
    port.postMessage(message, transfer)
  } catch (error) {
    pool.setStatus(PoolStatus.Failed)
    port.postMessage(reply({ type: 'error', error: serializeError(error) }))
  }
}

function execute(
  request: RunRequest,
  pool: FramePool,
  findFamily: (name: string) => AllocatorFamily | undefined
): { message: WorkerReply; transfer: ArrayBuffer[] } {
  const family = findFamily(request.family)
  if (!family) throw new Error(`Unknown allocator family "${request.family}"`)
  const target = family.create(pool, request.values, request.program, true)
  const log = request.wantEvents ? new EventLog(request.program.count) : undefined
  const peaks = new PeakTracker(request.program)
  const recorder = request.timeline
    ? new TimelineRecorder(target, request.program, request.timeline, peaks)
    : undefined
  const sink = log && recorder ? bothSinks(log, recorder) : (log ?? recorder)
  const summary = runProgram(target, request.program, pool, {
    ...(sink ? { sink } : {}),
    check: request.check,
    peaks,
    sinkSamplesStructures: recorder !== undefined
  })
  const final = readFinalState(target)
  const events = log?.columns()
  const timeline = recorder?.finish()
  return {
    message: {
      type: 'result',
      summary,
      final,
      ...(events ? { events } : {}),
      ...(timeline ? { timeline } : {})
    },
    transfer: [
      ...(events ? eventBuffers(events) : []),
      ...(timeline ? timelineTransferList(timeline) : [])
    ]
  }
}

function bothSinks(first: EventSink, second: EventSink): EventSink {
  return {
    record(step, out) {
      first.record(step, out)
      second.record(step, out)
    }
  }
}

function reply(message: WorkerReply): WorkerReply {
  return message
}
