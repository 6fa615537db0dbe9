import { z } from 'zod'
import { METRIC_NAMES, type MetricName } from '@shared/vocabulary/metrics'

/**
 * What an experiment keeps of Replay (experiment:save's replayState): the
 * step, the configurations shown and the one followed, the chart's metric
 * and the speed. Read back leniently: a field that is missing or from
 * another version is left as Replay opens it.
 */
export const SavedReplayStateSchema = z
  .object({
    version: z.literal(1),
    step: z.number().int().min(-1).optional(),
    shown: z.array(z.number().int().min(0)).optional(),
    focus: z.number().int().min(0).optional(),
    chartMetric: z.enum(METRIC_NAMES).optional(),
    speed: z.number().optional()
  })
  .passthrough()

export interface ReplayStateFields {
  readonly step: number
  readonly shown: readonly number[]
  readonly focus: number
  readonly chartMetric: MetricName
  readonly speed: number
}

export function replayStateJson(fields: ReplayStateFields) {
  return {
    version: 1 as const,
    step: fields.step,
    shown: [...fields.shown],
    focus: fields.focus,
    chartMetric: fields.chartMetric,
    speed: fields.speed
  }
}

/** The saved state, or null when it is none Replay can use. */
export function readReplayState(saved: unknown): z.infer<typeof SavedReplayStateSchema> | null {
  const parsed = SavedReplayStateSchema.safeParse(saved)
  return parsed.success ? parsed.data : null
}
