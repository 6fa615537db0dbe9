import { watch } from 'vue'
import { useExperimentSaveStore } from '@renderer/stores/experiment-save'
import { useReplayStore } from '@renderer/stores/replay'
import { useRunStore } from '@renderer/stores/run'
import { readReplayState, replayStateJson } from '@renderer/replay/replay-state'

/**
 * Replay's side of experiments: a run opened from the library comes back
 * at the step, with the panes, it was saved with; `capture` is what saving
 * keeps. The restore runs after the replay store has set a newly ready run
 * to its beginning (a post-flush watcher), so it has the last word.
 */
export function useReplayRestore(): { capture: () => unknown } {
  const run = useRunStore()
  const replay = useReplayStore()
  const saves = useExperimentSaveStore()

  watch(
    () => [run.runId, run.state] as const,
    ([runId, state]) => {
      if (state !== 'ready' || !runId) return
      const saved = readReplayState(saves.takeRestore(runId))
      if (!saved) return
      const known = new Set(run.recorded.map((config) => config.config))
      if (saved.shown) replay.shown = saved.shown.filter((config) => known.has(config))
      if (saved.focus !== undefined && known.has(saved.focus)) replay.focus = saved.focus
      if (saved.chartMetric) replay.chartMetric = saved.chartMetric
      if (saved.speed !== undefined) replay.setSpeed(saved.speed)
      if (saved.step !== undefined) replay.seek(saved.step)
    },
    { immediate: true, flush: 'post' }
  )

  function capture(): unknown {
    return replayStateJson({
      step: replay.step,
      shown: replay.shown,
      focus: replay.focus,
      chartMetric: replay.chartMetric,
      speed: replay.speed
    })
  }

  return { capture }
}
