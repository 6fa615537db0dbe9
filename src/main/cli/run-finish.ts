import type { LabEventPayload } from '@shared/api'
import type { LabService } from '../service/lab-service'

type Finished = LabEventPayload<'run:finished'>

/**
 * Waits for `run:finished` the way a window does: subscribed before the run
 * starts, so the event cannot slip by between `run:start` and the wait.
 */
export class RunFinishWatch {
  private readonly seen = new Map<string, Finished>()
  private readonly waiting = new Map<string, (finished: Finished) => void>()
  private readonly unsubscribe: () => void

  constructor(service: LabService) {
    this.unsubscribe = service.subscribe((event, payload) => {
      if (event !== 'run:finished') return
      const finished = payload as Finished
      const resolve = this.waiting.get(finished.runId)
      if (resolve) resolve(finished)
      else this.seen.set(finished.runId, finished)
    })
  }

  finished(runId: string): Promise<Finished> {
    const seen = this.seen.get(runId)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve) => this.waiting.set(runId, resolve))
  }

  stop(): void {
    this.unsubscribe()
  }
}
