import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { MAX_EVENT_WINDOW, MAX_FIND_LIMIT, type TimelineEvent } from '@shared/run-schemas'
import type { RequestStatus } from '@shared/vocabulary/request-statuses'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { LatestWins } from '@renderer/replay/latest-wins'
import { STEP_HISTORY, useTimelineCacheStore } from '@renderer/stores/timeline-cache'

export interface EventFilter {
  readonly ops: readonly string[]
  readonly statuses: readonly RequestStatus[]
  readonly handle: string
}

export function filterActive(filter: EventFilter): boolean {
  return filter.ops.length > 0 || filter.statuses.length > 0 || filter.handle.trim() !== ''
}

export interface EventRowsSource {
  readonly runId: string
  readonly config: number
  /** Requests in this configuration's timeline. */
  readonly count: number
}

/**
 * Past this many requests the engine's checkpoints are far apart (going back
 * is slow): the log then leaves the rows around the current step to the
 * step's own question and draws none after it while following.
 */
export const LONG_RUN = 20_000

/** Rows kept beyond what is on screen, so a small scroll needs no request. */
const MARGIN = 60

/**
 * The event log's rows for a virtual list: only the rows on screen (and a
 * margin) are fetched and kept. Unfiltered, row i is step i. Filtered, the
 * service counts the matches and says which steps rows i..j are
 * (timeline:find with skip and limit), and only those events are fetched.
 * The row of the current step (or, filtered, the last match up to it) is
 * `currentIndex`, for the list to keep in view.
 */
export function useEventRows(
  source: Ref<EventRowsSource | null>,
  filter: Ref<EventFilter>,
  step: Ref<number>,
  visible: Ref<{ first: number; count: number }>
) {
  const lab = useLab()
  const cache = useTimelineCacheStore()
  const events = shallowRef(new Map<number, TimelineEvent>())
  /** Filtered: row index → step, for the rows fetched. */
  const stepsByRow = shallowRef(new Map<number, number>())
  const total = ref(0)
  const currentIndex = ref(-1)
  const loading = ref(false)
  const failure = shallowRef<FailureReason | null>(null)
  const rowsLimiter = new LatestWins<{
    events: Map<number, TimelineEvent>
    steps: Map<number, number>
  }>()
  const totalLimiter = new LatestWins<number>()
  const currentLimiter = new LatestWins<TimelineEvent | undefined>()
  /** Steps asked for and not yet answered: asking again later would make the engine go back. */
  const pending = new Set<number>()
  const indexLimiter = new LatestWins<number>()

  const filtered = computed(() => filterActive(filter.value))
  const condition = computed(() => ({
    kind: 'request' as const,
    ...(filter.value.ops.length > 0 ? { ops: [...filter.value.ops] } : {}),
    ...(filter.value.statuses.length > 0 ? { statuses: [...filter.value.statuses] } : {})
  }))
  const handle = computed(() => filter.value.handle.trim())

  function findInput(from: number, direction: 'forward' | 'backward', limit: number, skip = 0) {
    const now = source.value!
    return {
      runId: now.runId,
      config: now.config,
      from,
      direction,
      condition: condition.value,
      ...(handle.value ? { handle: handle.value } : {}),
      limit,
      ...(skip > 0 ? { skip } : {})
    }
  }

  // The number of rows: every request, or the matches.
  watch(
    [source, filter],
    async () => {
      events.value = new Map()
      stepsByRow.value = new Map()
      failure.value = null
      const now = source.value
      if (!now) {
        total.value = 0
        return
      }
      if (!filtered.value) {
        totalLimiter.cancel()
        total.value = now.count
        return
      }
      try {
        const result = await totalLimiter.run(async () => {
          const found = await lab.invoke('timeline:find', findInput(0, 'forward', 1))
          return found.total ?? 0
        })
        if (result.fresh) total.value = result.value
      } catch (error) {
        failure.value = describeFailure(error)
      }
    },
    { immediate: true, deep: true }
  )

  // Which row the current step is.
  watch(
    [source, filter, step, total],
    async () => {
      const now = source.value
      if (!now || step.value < 0) {
        currentIndex.value = -1
        return
      }
      const own = Math.min(step.value, now.count - 1)
      if (!filtered.value) {
        indexLimiter.cancel()
        currentIndex.value = own
        return
      }
      try {
        const result = await indexLimiter.run(async () => {
          const found = await lab.invoke('timeline:find', findInput(own, 'backward', 1))
          return found.index ?? -1
        })
        if (result.fresh) currentIndex.value = result.value
      } catch (error) {
        failure.value = describeFailure(error)
      }
    },
    { immediate: true, deep: true }
  )

  // The rows on screen.
  watch(
    [visible, total, source, filter],
    async () => {
      const now = source.value
      if (!now || total.value === 0) return
      const first = Math.max(0, visible.value.first)
      const last = Math.min(total.value, visible.value.first + visible.value.count)
      if (last <= first) return
      const missing: number[] = []
      // In a long run the rows just above the current step come with the step's own question.
      const current = Math.min(step.value, now.count - 1)
      const owned = !filtered.value && now.count > LONG_RUN && step.value >= 0
      for (let row = first; row < last; row++) {
        if (owned && row <= current && row >= current - STEP_HISTORY) continue
        const at = filtered.value ? stepsByRow.value.get(row) : row
        if (at === undefined || (!events.value.has(at) && !pending.has(at))) missing.push(row)
      }
      if (missing.length === 0) return
      loading.value = true
      try {
        const result = await rowsLimiter.run(() =>
          filtered.value
            ? fetchMatches(missing[0]!, missing.at(-1)! + 1)
            : fetchSteps(missing[0]!, missing.at(-1)! + 1)
        )
        if (!result.fresh) return
        keep(result.value, first, last)
        failure.value = null
      } catch (error) {
        failure.value = describeFailure(error)
      } finally {
        loading.value = false
      }
    },
    { immediate: true, deep: true }
  )

  async function fetchSteps(
    from: number,
    to: number
  ): Promise<{ events: Map<number, TimelineEvent>; steps: Map<number, number> }> {
    const now = source.value!
    const count = Math.max(1, Math.min(MAX_EVENT_WINDOW, to - from))
    for (let at = from; at < from + count; at++) pending.add(at)
    try {
      const window = await cache.events({ runId: now.runId, config: now.config, from, count })
      const arrived = new Map(window.events.map((event) => [event.step, event]))
      // Kept as soon as they arrive, even if the step has moved on: asking again costs the service a replay.
      if (source.value === now) {
        const kept = new Map(events.value)
        for (const [at, event] of arrived) kept.set(at, event)
        events.value = kept
      }
      return { events: arrived, steps: new Map() }
    } finally {
      for (let at = from; at < from + count; at++) pending.delete(at)
    }
  }

  // The current step's event is asked for as soon as the step changes, in the same turn as the
  // structures at that step, so the service explains it before it reads the structures after it.
  watch(
    [step, source, filtered],
    async () => {
      const now = source.value
      if (!now || filtered.value || step.value < 0) return
      const at = Math.min(step.value, now.count - 1)
      if (events.value.has(at) || pending.has(at)) return
      try {
        await currentLimiter.run(async () => {
          pending.add(at)
          try {
            const answer = await cache.step({ runId: now.runId, config: now.config, step: at })
            if (source.value === now && answer.events.length > 0) {
              const kept = new Map(events.value)
              for (const event of answer.events) kept.set(event.step, event)
              events.value = kept
            }
            return answer.events.at(-1)
          } finally {
            pending.delete(at)
          }
        })
      } catch (error) {
        failure.value = describeFailure(error)
      }
    },
    { immediate: true }
  )

  async function fetchMatches(
    from: number,
    to: number
  ): Promise<{ events: Map<number, TimelineEvent>; steps: Map<number, number> }> {
    const now = source.value!
    const found = await lab.invoke(
      'timeline:find',
      findInput(0, 'forward', Math.min(MAX_FIND_LIMIT, to - from), from)
    )
    const steps = new Map(found.steps.map((at, i) => [from + i, at]))
    const wanted = found.steps
    const fetched = new Map<number, TimelineEvent>()
    if (wanted.length === 0) return { events: fetched, steps }
    const low = wanted[0]!
    const high = wanted.at(-1)!
    // Close matches come in one window; scattered ones one by one, never a window of unwanted rows.
    if (high - low < 4 * wanted.length && high - low < MAX_EVENT_WINDOW) {
      const window = await cache.events({
        runId: now.runId,
        config: now.config,
        from: low,
        count: high - low + 1
      })
      const set = new Set(wanted)
      for (const event of window.events) if (set.has(event.step)) fetched.set(event.step, event)
    } else {
      for (const at of wanted) {
        const window = await cache.events({
          runId: now.runId,
          config: now.config,
          from: at,
          count: 1
        })
        const event = window.events[0]
        if (event) fetched.set(at, event)
      }
    }
    return { events: fetched, steps }
  }

  /** Add what arrived and forget rows far off screen: the log never holds more than a few screens. */
  function keep(
    arrived: { events: Map<number, TimelineEvent>; steps: Map<number, number> },
    first: number,
    last: number
  ): void {
    const low = first - MARGIN
    const high = last + MARGIN
    const steps = new Map<number, number>()
    for (const [row, at] of [...stepsByRow.value, ...arrived.steps]) {
      if (row >= low && row < high) steps.set(row, at)
    }
    const rowOf = (at: number): number => {
      if (!filtered.value) return at
      for (const [row, s] of steps) if (s === at) return row
      return -1
    }
    const kept = new Map<number, TimelineEvent>()
    for (const [at, event] of [...events.value, ...arrived.events]) {
      const row = rowOf(at)
      if ((row >= low && row < high) || at === step.value) kept.set(at, event)
    }
    stepsByRow.value = steps
    events.value = kept
  }

  function rowEvent(row: number): TimelineEvent | undefined {
    const at = filtered.value ? stepsByRow.value.get(row) : row
    return at === undefined ? undefined : events.value.get(at)
  }

  onScopeDispose(() => {
    rowsLimiter.close()
    currentLimiter.close()
    totalLimiter.close()
    indexLimiter.close()
  })

  return { total, currentIndex, loading, failure, filtered, rowEvent, events }
}
