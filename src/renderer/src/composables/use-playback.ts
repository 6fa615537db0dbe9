import { onScopeDispose, watch } from 'vue'
import { breakpointCondition, useReplayStore } from '@renderer/stores/replay'

/** Longest gap between frames counted as playing time (a background tab should not leap ahead). */
const MAX_FRAME_MS = 250

/**
 * Plays the replay store's step forward at its speed, one animation frame
 * at a time (at 1000 steps/s, about 16 steps a frame), and stops at the end
 * or, while the breakpoint is armed, at its next hit.
 */
export function usePlayback() {
  const replay = useReplayStore()
  let handle = 0
  let last = 0
  let carry = 0
  let stopAt: number | null = null
  let searching = 0

  function frame(now: number): void {
    if (!replay.playing) return
    const elapsed = Math.min(MAX_FRAME_MS, now - last)
    last = now
    carry += (elapsed * replay.speed) / 1000
    const steps = Math.floor(carry)
    carry -= steps
    if (steps > 0) {
      const target = replay.step + steps
      if (stopAt !== null && stopAt > replay.step && target >= stopAt) {
        replay.seek(stopAt)
        replay.pause()
        return
      }
      if (target >= replay.lastStep) {
        replay.seek(replay.lastStep)
        replay.pause()
        return
      }
      replay.seek(target)
    }
    handle = requestAnimationFrame(frame)
  }

  async function findStop(): Promise<void> {
    const mine = ++searching
    stopAt = null
    if (!replay.armed) return
    const found = await replay
      .nearest(breakpointCondition(replay.breakpoint), 'forward')
      .catch(() => null)
    if (mine === searching && found) stopAt = found.step
  }

  watch(
    () => replay.playing,
    (playing) => {
      cancelAnimationFrame(handle)
      if (!playing) return
      last = performance.now()
      carry = 0
      void findStop()
      handle = requestAnimationFrame(frame)
    }
  )
  watch(
    () => [replay.armed, replay.breakpoint] as const,
    () => {
      if (replay.playing) void findStop()
    },
    { deep: true }
  )

  onScopeDispose(() => {
    cancelAnimationFrame(handle)
    searching++
  })
}
