import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { MAX_MAP_WIDTH } from '@shared/run-schemas'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { LatestWins } from '@renderer/replay/latest-wins'
import { changedSpans, mapImageOf, type MapImage } from '@renderer/replay/map-image'
import type { MapQuery } from '@renderer/replay/map-viewport'
import { useTimelineCacheStore } from '@renderer/stores/timeline-cache'

export { MAX_MAP_WIDTH }

interface MapKey {
  readonly runId: string
  readonly config: number
  readonly step: number
  readonly query: MapQuery
}

const keyText = (key: MapKey): string =>
  `${key.runId}|${key.config}|${key.step}|${key.query.exact ? 'exact' : key.query.width}`

/** Maps kept for going back and forth a step without asking again. */
const KEEP = 6

/**
 * The memory map of one configuration at a step, fetched as the step and
 * zoom change: one request in flight, only the newest waiting, answers for
 * a step already left dropped. `changed` is what the step itself changed
 * (the map before it, compared): the same request again for the step
 * before, unless that map is already at hand; while playing, what changed
 * since the map drawn last.
 */
function sameQuery(a: MapImage, b: MapImage): boolean {
  if (a.kind !== b.kind) return false
  return a.kind === 'exact' || (b.kind === 'pixels' && a.dominant.length === b.dominant.length)
}

export function useMapImage(
  key: Ref<MapKey | null>,
  /** While playing, highlight what changed since the map drawn last instead of asking for the step before. */
  sinceLast: Ref<boolean> = ref(false),
  /** The maps a held key will show next, asked before they come so that each is drawn with the rest. */
  ahead: Ref<readonly MapKey[]> = ref([])
) {
  const cache = useTimelineCacheStore()
  const image = shallowRef<MapImage | null>(null)
  const changed = shallowRef<{ start: number; end: number }[]>([])
  const loading = ref(false)
  const failure = shallowRef<FailureReason | null>(null)
  const current = new LatestWins<MapImage>()
  const before = new LatestWins<MapImage>()
  /** Maps asked for or at hand, newest last (a map asked ahead is found here while still on its way). */
  const kept = new Map<string, Promise<MapImage>>()

  function fetch(target: MapKey): Promise<MapImage> {
    const text = keyText(target)
    const known = kept.get(text)
    if (known) return known
    const made = cache
      .map({
        runId: target.runId,
        config: target.config,
        step: target.step,
        ...(target.query.exact ? {} : { width: Math.min(MAX_MAP_WIDTH, target.query.width) })
      })
      .then(mapImageOf)
    kept.set(text, made)
    // A failed answer is not kept: asking again may succeed.
    made.catch(() => {
      if (kept.get(text) === made) kept.delete(text)
    })
    if (kept.size > KEEP) kept.delete(kept.keys().next().value!)
    return made
  }

  /** Steps arriving faster than this apart are a held key or a drag: no extra question for the step before. */
  const RAPID_MS = 250
  let lastAsked = Number.NEGATIVE_INFINITY
  let exactLater: ReturnType<typeof setTimeout> | undefined

  async function load(target: MapKey): Promise<void> {
    const now = performance.now()
    const rapid = now - lastAsked < RAPID_MS
    lastAsked = now
    clearTimeout(exactLater)
    loading.value = true
    try {
      const result = await current.run(() => fetch(target))
      if (!result.fresh) return
      failure.value = null
      const shownBefore = image.value
      image.value = result.value
      loading.value = false
      // The map shown just before is the step before (stepping forward), or playback moved on: compare with it.
      const adjacent =
        shownBefore?.step === result.value.step - 1 && sameQuery(shownBefore, result.value)
      if (adjacent) {
        changed.value = changedSpans(shownBefore, result.value)
        return
      }
      if (shownBefore && (sinceLast.value || rapid) && shownBefore.step < result.value.step) {
        // What changed since the map drawn last; once the steps stop, exactly what this one changed.
        changed.value = changedSpans(shownBefore, result.value)
        if (!sinceLast.value)
          exactLater = setTimeout(() => void showChanges(target, result.value), RAPID_MS)
        return
      }
      await showChanges(target, result.value)
    } catch (error) {
      failure.value = describeFailure(error)
      loading.value = false
    }
  }

  async function showChanges(target: MapKey, after: MapImage): Promise<void> {
    if (target.step < 0) {
      changed.value = []
      return
    }
    try {
      const previous = await before.run(() => fetch({ ...target, step: target.step - 1 }))
      if (previous.fresh && image.value === after)
        changed.value = changedSpans(previous.value, after)
    } catch {
      // Without the step before, nothing is highlighted; the map itself is right.
      changed.value = []
    }
  }

  watch(
    key,
    (target) => {
      if (!target) {
        current.cancel()
        before.cancel()
        image.value = null
        return
      }
      void load(target)
    },
    { immediate: true, deep: true }
  )

  watch(ahead, (targets) => {
    for (const target of targets) fetch(target).catch(() => undefined)
  })

  onScopeDispose(() => {
    clearTimeout(exactLater)
    current.close()
    before.close()
    kept.clear()
  })

  return { image, changed, loading, failure }
}
