import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { Locale } from '@shared/i18n/locales'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { downloadReport } from '@renderer/library/download-report'
import { useExperimentSaveStore } from './experiment-save'

export type RunReportStatus =
  | { readonly kind: 'exporting' }
  | { readonly kind: 'exported'; readonly fileName: string }
  | { readonly kind: 'failed'; readonly reason: FailureReason }

/**
 * The HTML report of a run Replay shows, downloaded the Library's way
 * (report:html, then the same download). The report is drawn from the run
 * the service holds, so it shows exactly what is on screen whether or not
 * it was saved; a run that belongs to an experiment is headed by that
 * experiment's name, notes and tags. Exporting never saves: that stays the
 * user's choice, with its own button.
 */
export const useRunReportStore = defineStore('runReport', () => {
  const lab = useLab()
  const saves = useExperimentSaveStore()
  const status = ref(new Map<string, RunReportStatus>())

  async function exportReport(runId: string, locale: Locale): Promise<void> {
    if (status.value.get(runId)?.kind === 'exporting') return
    status.value = new Map(status.value).set(runId, { kind: 'exporting' })
    const id = saves.experimentOf(runId)
    try {
      const report = await lab.invoke('report:html', {
        runId,
        locale,
        ...(id !== null ? { id } : {})
      })
      downloadReport(report)
      status.value = new Map(status.value).set(runId, {
        kind: 'exported',
        fileName: report.fileName
      })
    } catch (error) {
      status.value = new Map(status.value).set(runId, {
        kind: 'failed',
        reason: describeFailure(error)
      })
    }
  }

  return { status, exportReport }
})
