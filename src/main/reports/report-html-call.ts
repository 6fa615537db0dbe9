import type { LabInput, LabOutput } from '@shared/api'
import type { ExperimentFields } from '@shared/reports/experiment-fields'
import type { LabCaller } from './lab-caller'
import { runReportHtml } from './write-report'

/** What the call needs besides LabApi: the scenario text a held run was compiled from. */
export interface ReportHtmlDeps {
  readonly lab: LabCaller
  readonly scenarioOf: (runId: string) => string
}

/**
 * The `report:html` call: the report of a held run, of a saved experiment
 * (opened from the library, never re-run), or of a held run under the
 * name, notes and tags of the experiment it was saved as.
 */
export async function reportHtmlCall(
  { lab, scenarioOf }: ReportHtmlDeps,
  input: LabInput<'report:html'>
): Promise<LabOutput<'report:html'>> {
  let runId = input.runId
  let scenario: string
  let experiment: ExperimentFields | undefined
  if (input.id !== undefined) {
    const detail = await lab.call('experiment:get', { id: input.id })
    experiment = { name: detail.name, notes: detail.notes, tags: [...detail.tags] }
    scenario = detail.scenario ?? ''
    runId ??= (await lab.call('experiment:open', { id: input.id })).runId
  } else {
    scenario = scenarioOf(runId!)
  }
  const title = experiment?.name ?? (await lab.call('run:summary', { runId: runId! })).title
  const html = await runReportHtml(lab, {
    runId: runId!,
    scenario,
    locale: input.locale,
    ...(experiment ? { experiment } : {})
  })
  return { fileName: reportFileName(title), html }
}

/** A file name for a report: the title without characters file systems refuse. */
export function reportFileName(title: string): string {
  const safe = title
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 100)
  return `${safe || 'report'}.html`
}
