import { computed, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import type { FindCondition, FindEventKind } from '@shared/run-schemas'
import type { MetricName } from '@shared/vocabulary/metrics'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { markStep } from '@renderer/replay/paint-marks'
import { useRunStore, type ConfigMeta } from './run'

export const MIN_SPEED = 1
export const MAX_SPEED = 1000
/** The speeds `,` and `.` step through. */
export const SPEED_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const
const NO_STEPS: readonly number[] = []
/** Steps asked ahead of a held key (see ahead). */
const AHEAD_STEPS = 2
/** How long the step stays put before the next one is asked ahead (see askAheadAtRest). */
const REST_MS = 250
/** One frame at 60 Hz: held-key repeats closer together than this are shown together. */
const FRAME_MS = 16

/** A breakpoint none of the buttons has: stop at the next event of a kind, or a metric crossing a value. */
export interface Breakpoint {
  readonly kind: Exclude<FindEventKind, 'placed'> | 'metric'
  readonly minOrder: number
  readonly metric: MetricName
  readonly crossing: 'above' | 'below'
  readonly value: number
}

/** What the last search found, said in the transport's live region. */
export type SearchNotice =
  | {
      readonly kind: 'found'
      readonly step: number
      readonly label: string
      readonly stride: number
    }
  | { readonly kind: 'notFound'; readonly label: string }
  | { readonly kind: 'failed'; readonly reason: FailureReason }

/** Whether a condition means anything for a family (a heap never merges buddies, nor grows slabs). */
export function conditionApplies(condition: FindCondition, config: ConfigMeta): boolean {
  switch (condition.kind) {
    case 'merge':
      return config.kind !== 'heap'
    case 'coalesce':
      return config.kind === 'heap'
    case 'slabGrown':
    case 'slabReaped':
      return config.kind === 'slab'
    default:
      return true
  }
}

export function breakpointCondition(breakpoint: Breakpoint): FindCondition {
  switch (breakpoint.kind) {
    case 'metric':
      return {
        kind: 'metric',
        metric: breakpoint.metric,
        crossing: breakpoint.crossing,
        value: breakpoint.value
      }
    case 'merge':
      return breakpoint.minOrder > 0
        ? { kind: 'merge', minOrder: breakpoint.minOrder }
        : { kind: 'merge' }
    default:
      return { kind: breakpoint.kind }
  }
}

const nextFrame = (task: () => void): number =>
  typeof requestAnimationFrame === 'function'
    ? requestAnimationFrame(task)
    : (setTimeout(task, 16) as unknown as number)
const cancelFrame = (frame: number): void =>
  typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(frame) : clearTimeout(frame)

/**
 * Where Replay stands: the step every pane shows (-1: before the first
 * request), which configurations are shown and which one the structures and
 * the log follow, playback, and the breakpoint. Searches (next failure, run
 * to the breakpoint) ask every shown configuration and stop at the nearest.
 */
export const useReplayStore = defineStore('replay', () => {
  const lab = useLab()
  const run = useRunStore()
  const step = ref(-1)
  /** The step a held key asked for, and the frame that will show it (stepHeld). */
  let heldTarget: number | null = null
  let heldFrame: number | null = null
  /** When a held key's step was last shown. */
  let heldShownAt = Number.NEGATIVE_INFINITY
  /**
   * The steps a held key will show next, in order, which the panes ask for
   * before they come: two, so one late answer does not hold a step back.
   */
  const ahead = shallowRef<readonly number[]>(NO_STEPS)
  const shown = ref<number[]>([])
  const focus = ref(0)
  const playing = ref(false)
  const speed = ref(10)
  const breakpoint = ref<Breakpoint>({
    kind: 'merge',
    minOrder: 0,
    metric: 'externalFragmentation',
    crossing: 'above',
    value: 0.5
  })
  /** Playback stops at the breakpoint while armed. */
  const armed = ref(false)
  /** The metric the charts and the scrubber's sparkline show. */
  const chartMetric = ref<MetricName>('externalFragmentation')
  const searching = ref(false)
  const notice = shallowRef<SearchNotice | null>(null)
  let searchGeneration = 0

  const lastStep = computed(() => run.lastStep)
  const shownConfigs = computed(() =>
    run.recorded.filter((config) => shown.value.includes(config.config))
  )
  const focusConfig = computed(
    () => run.recorded.find((config) => config.config === focus.value) ?? run.recorded[0] ?? null
  )

  // A new run starts at its beginning with every configuration shown.
  watch(
    () => [run.runId, run.state] as const,
    ([, state], previous) => {
      if (state !== 'ready') return
      if (previous && previous[0] === run.runId && previous[1] === 'ready') return
      pause()
      cancelHeld()
      step.value = -1
      shown.value = run.recorded.map((config) => config.config)
      focus.value = run.recorded[0]?.config ?? 0
      notice.value = null
    },
    { immediate: true }
  )

  function clampStep(target: number): number {
    return Math.max(-1, Math.min(lastStep.value, Math.round(target)))
  }

  function seek(target: number): void {
    cancelHeld()
    if (ahead.value.length > 0) ahead.value = NO_STEPS
    const next = clampStep(target)
    if (next === step.value) return
    step.value = next
    markStep(next)
    askAheadAtRest()
  }

  /**
   * Once the step has rested a moment, the step after it is asked ahead: a
   * key press or Play most likely comes next, and its first step is then
   * drawn from answers at hand like every later one.
   */
  let restTimer: ReturnType<typeof setTimeout> | undefined
  function askAheadAtRest(): void {
    clearTimeout(restTimer)
    restTimer = setTimeout(() => {
      if (playing.value || heldFrame !== null || ahead.value.length > 0) return
      ahead.value = stepsAfter(step.value, 1)
    }, REST_MS)
  }

  function stepBy(count: number): void {
    seek(step.value + count)
  }

  /**
   * A held key's repeats: each moves the step it asks for at once. A repeat
   * after a quiet frame is shown at once, so the panes' questions leave now
   * rather than a frame later; repeats that come sooner (the window fell
   * behind and they queued up) are shown together at the next animation
   * frame, costing one update, not one each, and the panes catch up instead
   * of drawing every step they were already past.
   */
  function stepHeld(count: number): void {
    const from = heldTarget ?? step.value
    const next = clampStep(from + count)
    if (next === from) return
    markStep(next)
    const now = performance.now()
    if (heldFrame === null && now - heldShownAt >= FRAME_MS) {
      heldShownAt = now
      showHeld(next, count)
      return
    }
    heldTarget = next
    heldFrame ??= nextFrame(() => {
      heldFrame = null
      const target = heldTarget
      heldTarget = null
      heldShownAt = performance.now()
      if (target !== null) showHeld(target, count)
    })
  }

  /** Show a held key's step, and name the one its next repeat will ask for. */
  function showHeld(target: number, count: number): void {
    step.value = target
    ahead.value = stepsAfter(target, count)
  }

  /** The next AHEAD_STEPS steps `count` apart after `from`, within the run. */
  function stepsAfter(from: number, count: number): number[] {
    const steps: number[] = []
    for (let i = 1; i <= AHEAD_STEPS; i++) {
      const next = clampStep(from + i * count)
      if (next !== from && !steps.includes(next)) steps.push(next)
    }
    return steps
  }

  function cancelHeld(): void {
    if (heldFrame !== null) cancelFrame(heldFrame)
    heldFrame = null
    heldTarget = null
  }

  function toStart(): void {
    seek(-1)
  }

  function toEnd(): void {
    seek(lastStep.value)
  }

  function play(): void {
    if (lastStep.value < 0) return
    if (step.value >= lastStep.value) seek(-1)
    playing.value = true
  }

  function pause(): void {
    playing.value = false
  }

  function togglePlay(): void {
    if (playing.value) pause()
    else play()
  }

  function setSpeed(value: number): void {
    speed.value = Math.max(MIN_SPEED, Math.min(MAX_SPEED, Math.round(value)))
  }

  function slower(): void {
    setSpeed([...SPEED_STEPS].reverse().find((s) => s < speed.value) ?? MIN_SPEED)
  }

  function faster(): void {
    setSpeed(SPEED_STEPS.find((s) => s > speed.value) ?? MAX_SPEED)
  }

  function toggleShown(config: number): void {
    shown.value = shown.value.includes(config)
      ? shown.value.filter((c) => c !== config)
      : [...shown.value, config].sort((a, b) => a - b)
  }

  /**
   * The nearest step after (or before) the current one where `condition`
   * holds in any shown configuration; null when none has one. Each
   * configuration is asked in parallel; a newer search makes this one moot.
   */
  async function nearest(
    condition: FindCondition,
    direction: 'forward' | 'backward',
    from = direction === 'forward' ? step.value + 1 : step.value - 1
  ): Promise<{ step: number; config: ConfigMeta; stride: number } | null | undefined> {
    const mine = ++searchGeneration
    const configs = shownConfigs.value.filter((config) => conditionApplies(condition, config))
    if (from < 0 || from > lastStep.value || configs.length === 0) return null
    searching.value = true
    try {
      const answers = await Promise.all(
        configs.map(async (config) => {
          if (direction === 'forward' && from >= config.count) return null
          const found = await lab.invoke('timeline:find', {
            runId: run.runId!,
            config: config.config,
            from: Math.min(from, config.count - 1),
            direction,
            condition
          })
          return found.step === null ? null : { step: found.step, config, stride: found.stride }
        })
      )
      if (mine !== searchGeneration) return undefined
      let best: { step: number; config: ConfigMeta; stride: number } | null = null
      for (const answer of answers) {
        if (!answer) continue
        if (!best || (direction === 'forward' ? answer.step < best.step : answer.step > best.step))
          best = answer
      }
      return best
    } finally {
      if (mine === searchGeneration) searching.value = false
    }
  }

  async function jump(condition: FindCondition, direction: 'forward' | 'backward'): Promise<void> {
    pause()
    try {
      const found = await nearest(condition, direction)
      if (found === undefined) return
      if (found === null) {
        notice.value = { kind: 'notFound', label: focusConfig.value?.name ?? '' }
        return
      }
      seek(found.step)
      notice.value = {
        kind: 'found',
        step: found.step,
        label: found.config.name,
        stride: found.stride
      }
    } catch (error) {
      notice.value = { kind: 'failed', reason: describeFailure(error) }
    }
  }

  function nextFailure(): Promise<void> {
    return jump({ kind: 'failure' }, 'forward')
  }

  function previousFailure(): Promise<void> {
    return jump({ kind: 'failure' }, 'backward')
  }

  function runToBreakpoint(direction: 'forward' | 'backward'): Promise<void> {
    return jump(breakpointCondition(breakpoint.value), direction)
  }

  return {
    step,
    ahead,
    shown,
    focus,
    playing,
    speed,
    breakpoint,
    armed,
    chartMetric,
    searching,
    notice,
    lastStep,
    shownConfigs,
    focusConfig,
    seek,
    stepBy,
    stepHeld,
    toStart,
    toEnd,
    play,
    pause,
    togglePlay,
    setSpeed,
    slower,
    faster,
    toggleShown,
    nearest,
    nextFailure,
    previousFailure,
    runToBreakpoint
  }
})
