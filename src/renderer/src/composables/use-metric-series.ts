import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import type { LabOutput } from '@shared/api'
import { MAX_METRIC_POINTS } from '@shared/run-schemas'
import type { MetricName } from '@shared/vocabulary/metrics'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { LatestWins } from '@renderer/replay/latest-wins'

export interface SeriesQuery {
  readonly runId: string
  readonly configs: readonly { readonly config: number; readonly count: number }[]
  /** First step and one past the last, over which to downsample. */
  readonly from: number
  readonly to: number
  /** Buckets wanted: the chart's width in pixels, so each pixel has its min and max. */
  readonly points: number
  readonly columns: readonly MetricName[]
}

/**
 * Metric columns of several configurations over a range, downsampled by
 * the service to the chart's pixel width. The renderer never holds more
 * than that many values per column.
 */
export function useMetricSeries(query: Ref<SeriesQuery | null>) {
  const lab = useLab()
  const series = shallowRef<Map<number, LabOutput<'timeline:metrics'>>>(new Map())
  const loading = ref(false)
  const failure = shallowRef<FailureReason | null>(null)
  const limiter = new LatestWins<Map<number, LabOutput<'timeline:metrics'>>>()

  watch(
    query,
    async (now) => {
      if (!now || now.configs.length === 0) {
        limiter.cancel()
        series.value = new Map()
        return
      }
      loading.value = true
      try {
        const result = await limiter.run(async () => {
          const answers = await Promise.all(
            now.configs.map(async ({ config, count }) => {
              const to = Math.min(now.to, count)
              const from = Math.min(now.from, Math.max(0, to - 1))
              if (to <= from) return null
              const answer = await lab.invoke('timeline:metrics', {
                runId: now.runId,
                config,
                from,
                to,
                maxPoints: Math.max(1, Math.min(MAX_METRIC_POINTS, Math.round(now.points))),
                columns: [...now.columns]
              })
              return [config, answer] as const
            })
          )
          return new Map(answers.filter((entry) => entry !== null))
        })
        if (!result.fresh) return
        series.value = result.value
        failure.value = null
      } catch (error) {
        failure.value = describeFailure(error)
      }
      loading.value = false
    },
    { immediate: true, deep: true }
  )

  onScopeDispose(() => limiter.close())

  return { series, loading, failure }
}
