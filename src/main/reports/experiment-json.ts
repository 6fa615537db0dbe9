import {
  EXPERIMENT_FORMAT,
  EXPERIMENT_FORMAT_VERSION,
  ExperimentDocumentSchema,
  type ExperimentDocument,
  type ExperimentFields
} from '@shared/reports/experiment-document'
import type { MetricName } from '@shared/vocabulary/metrics'
import type { LabCaller } from './lab-caller'

export interface ExperimentJsonOptions {
  /** The scenario's text: a run keeps its compiled program, not the text. */
  readonly scenario: string
  /** Name, notes and tags when the run belongs to an experiment (a bare run is named by its title). */
  readonly experiment?: ExperimentFields
  /** Add each configuration's downsampled metric columns (left out by default: the scenario reproduces them). */
  readonly includeTimelines?: boolean
  readonly maxPoints?: number
  readonly metrics?: readonly MetricName[]
  readonly now?: () => Date
}

/**
 * The whole run as one versioned document (see @shared/reports/experiment-document),
 * gathered through LabApi calls and checked against the schema before it leaves.
 */
export async function collectExperimentDocument(
  lab: LabCaller,
  runId: string,
  options: ExperimentJsonOptions
): Promise<ExperimentDocument> {
  const info = await lab.call('app:info', {})
  const run = await lab.call('run:summary', { runId })
  const timelines: NonNullable<ExperimentDocument['timelines']> = []
  if (options.includeTimelines) {
    for (const config of run.configs) {
      const requests = config.summary?.requests ?? 0
      if (requests === 0) continue
      try {
        const metrics = await lab.call('timeline:metrics', {
          runId,
          config: config.config,
          from: 0,
          to: requests,
          maxPoints: options.maxPoints ?? 1000,
          ...(options.metrics ? { columns: [...options.metrics] } : {})
        })
        timelines.push({ config: config.config, metrics })
      } catch (error) {
        if ((error as { key?: unknown } | null)?.key !== 'timeline.notRecorded') throw error
      }
    }
  }
  return ExperimentDocumentSchema.parse({
    format: EXPERIMENT_FORMAT,
    version: EXPERIMENT_FORMAT_VERSION,
    producer: { app: 'AllocLab', appVersion: info.appVersion, engineVersion: info.engineVersion },
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    experiment: options.experiment ?? { name: run.title, notes: '', tags: [] },
    scenario: { title: run.title, text: options.scenario, requests: run.requests },
    configurations: run.configs.map(({ config, label, family }) => ({ config, label, family })),
    runs: run.configs.map(({ config, status, done, total, summary, final, error }) => ({
      config,
      status,
      done,
      total,
      summary,
      final,
      error
    })),
    ...(options.includeTimelines ? { timelines } : {})
  })
}

/** The document as a file holds it: two-space JSON with a final newline. */
export function stringifyExperimentDocument(document: ExperimentDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`
}
