import type { LabService } from '../lab-service'

/** Resolves once the run has ended, seen as any LabApi client sees it. */
export async function runFinished(lab: LabService, runId: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const stop = lab.subscribe((event, payload) => {
      if (event === 'run:finished' && (payload as { runId: string }).runId === runId) {
        stop()
        resolve()
      }
    })
    lab.call('run:summary', { runId }).then((summary) => {
      if (summary.status !== 'queued' && summary.status !== 'running') {
        stop()
        resolve()
      }
    }, reject)
  })
}
