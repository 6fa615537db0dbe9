import type { ExperimentFields } from '@shared/reports/experiment-fields'
import type { LabCaller } from './lab-caller'

export interface ExperimentJsonOptions {
  /** Name, notes and tags when the run belongs to an experiment (a bare run is named by its title). */
  readonly experiment?: ExperimentFields
  /** Put the timelines in the file, so it replays without a re-run (default true). */
  readonly timelines?: boolean
}

/**
 * A run as the experiment file (`*.alloclab.json`, @shared/experiment-file):
 * the one JSON format AllocLab writes and imports, so a file made here opens
 * in the Library and in `alloclab import`. The run is saved into the host's
 * library, exported from there and deleted again, so the file is made by the
 * same code as every other experiment file.
 */
export async function runExperimentFile(
  lab: LabCaller,
  runId: string,
  options: ExperimentJsonOptions = {}
): Promise<string> {
  const timelines = options.timelines ?? true
  const run = await lab.call('run:summary', { runId })
  const fields = options.experiment ?? { name: run.title, notes: '', tags: [] }
  const saved = await lab.call('experiment:save', {
    runId,
    name: fields.name.trim() === '' ? runId : fields.name,
    notes: fields.notes,
    tags: [...fields.tags],
    keepTimelines: timelines
  })
  try {
    return (await lab.call('experiment:export-file', { id: saved.id, timelines })).text
  } finally {
    await lab.call('experiment:delete', { id: saved.id })
  }
}
