import type { FromWorker, ToWorker } from './protocol'
import type { WorkerPort } from './scenario-worker-client'
import { createScenarioWorkerHost } from './worker-host'

/**
 * The worker's host run on this thread, with messages cloned and delivered
 * a task later as a real worker would: for tests, and for hosts that cannot
 * start workers.
 */
export function inProcessWorkerPort(): WorkerPort {
  let deliver: (message: FromWorker) => void = () => undefined
  let closed = false
  const host = createScenarioWorkerHost((message) => {
    const copy = structuredClone(message)
    setTimeout(() => {
      if (!closed) deliver(copy)
    }, 0)
  })
  return {
    post(message: ToWorker) {
      const copy = structuredClone(message)
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
