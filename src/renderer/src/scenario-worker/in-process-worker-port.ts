import type { FromWorker, ToWorker } from './protocol'
import type { WorkerPort } from './scenario-worker-client'
import { createScenarioWorkerHost } from './worker-host'

/**
 * The worker's host run on this thread, with messages cloned and delivered
 * a task later as a real worker would: for tests, and for hosts that cannot
 * start workers.
 */
/** Whether a message carries a Blob (a few levels down, where messages keep them). */
function holdsBlob(value: unknown, depth = 0): boolean {
  if (value instanceof Blob) return true
  if (depth > 3 || value === null || typeof value !== 'object') return false
  return Object.values(value).some((inner) => holdsBlob(inner, depth + 1))
}

/**
 * A copy, as postMessage would make. A message with a Blob goes as it is:
 * Blobs are immutable, and this realm's clone may not copy them (jsdom's
 * Blob in tests comes out as a plain object).
 */
function copyOf<T>(message: T): T {
  return holdsBlob(message) ? message : structuredClone(message)
}

export function inProcessWorkerPort(): WorkerPort {
  let deliver: (message: FromWorker) => void = () => undefined
  let closed = false
  const host = createScenarioWorkerHost((message) => {
    const copy = copyOf(message)
    setTimeout(() => {
      if (!closed) deliver(copy)
    }, 0)
  })
  return {
    post(message: ToWorker) {
      const copy = copyOf(message)
      setTimeout(() => {
        if (!closed) host.receive(copy)
      }, 0)
    },
    listen(onMessage) {
      deliver = onMessage
    },
    terminate() {
      closed = true
    }
  }
}
