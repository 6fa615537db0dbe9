import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import type { LabOutput } from '@shared/api'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { LatestWins } from '@renderer/replay/latest-wins'
import { useTimelineCacheStore } from '@renderer/stores/timeline-cache'

export type Structures = LabOutput<'timeline:structures'>

export interface StructuresOptions {
  /**
   * Ask at most once in this many milliseconds, the newest step last (0:
   * every step). Panes that only draw edges from the structures use it, and
   * everything while playing fast, so the service's time and the window's
   * frames go to what the user is watching.
   */
  readonly throttleMs?: Ref<number> | number
  /**
   * Ask nothing and show what others asked (the newest answer for this
   * configuration): a map pane next to the structures panel of the same
   * configuration, whose own questions could only send the engine back.
   */
  readonly follow?: Ref<boolean>
  /** Ask with the step's event (the event log's configuration): see useTimelineCacheStore().step. */
  readonly withEvent?: boolean
  /** The steps a held key will show next, asked before they come (with withEvent only). */
  readonly ahead?: Ref<readonly { runId: string; config: number; step: number }[]>
}

/** The allocator's own structures of one configuration at a step, newest request wins. */
export function useStructures(
  key: Ref<{ runId: string; config: number; step: number } | null>,
  options: StructuresOptions = {}
) {
  const cache = useTimelineCacheStore()
  const structures = shallowRef<Structures | null>(null)
  const loading = ref(false)
  const failure = shallowRef<FailureReason | null>(null)
  const limiter = new LatestWins<Structures>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastLoad = Number.NEGATIVE_INFINITY
  let latest: { runId: string; config: number; step: number } | null = null
  const throttle = (): number => {
    const value = options.throttleMs ?? 0
    return typeof value === 'number' ? value : value.value
  }

  async function load(target: { runId: string; config: number; step: number }): Promise<void> {
    lastLoad = performance.now()
    loading.value = true
    try {
      const result = await limiter.run(() =>
        options.withEvent
          ? cache.step({ ...target }).then((answer) => answer.structures)
          : cache.structures({ ...target })
      )
      if (!result.fresh) return
      structures.value = result.value
      failure.value = null
    } catch (error) {
      failure.value = describeFailure(error)
    }
    loading.value = false
  }

  watch(
    () =>
      options.follow?.value && key.value
        ? cache.latestStructures(key.value.runId, key.value.config)
        : undefined,
    (followed) => {
      if (followed) structures.value = followed
    }
  )

  watch(
    [key, () => options.follow?.value ?? false],
    ([target, following]) => {
      latest = target
      if (following && target) {
        clearTimeout(timer)
        timer = undefined
        limiter.cancel()
        structures.value = cache.latestStructures(target.runId, target.config) ?? null
        return
      }
      if (!target) {
        clearTimeout(timer)
        timer = undefined
        limiter.cancel()
        structures.value = null
        return
      }
      const wait = lastLoad + throttle() - performance.now()
      if (wait <= 0) {
        clearTimeout(timer)
        timer = undefined
        void load(target)
      } else if (timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined
          if (latest) void load(latest)
        }, wait)
      }
    },
    { immediate: true, deep: true }
  )

  if (options.withEvent && options.ahead)
    watch(options.ahead, (targets) => {
      const now = key.value
      if (targets.length === 0 || !now) return
      // The step shown is asked first (or found already asked), whatever this panel's own question
      // waits behind: asked after the steps ahead, its events would send the engine back.
      void cache.step({ ...now }).catch(() => undefined)
      for (const target of targets) cache.stepAhead({ ...target })
    })

  onScopeDispose(() => {
    clearTimeout(timer)
    limiter.close()
  })

  return { structures, loading, failure }
}
