import { onScopeDispose, shallowRef, watch, type Ref } from 'vue'

/**
 * `source` as a ref that, while `throttled()` holds, changes at most once
 * every `everyMs` milliseconds (the newest value last); otherwise at once.
 * A panel read rather than watched (a list of lines) follows playback this
 * way at the pace anyone reads it, and the frames go to what moves.
 */
export function useThrottled<T>(
  source: () => T,
  throttled: () => boolean,
  everyMs: number
): Readonly<Ref<T>> {
  const value = shallowRef(source())
  let last = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined

  function take(): void {
    clearTimeout(timer)
    timer = undefined
    last = performance.now()
    value.value = source()
  }

  watch([source, throttled], ([, now]) => {
    if (!now) return take()
    if (timer !== undefined) return
    const wait = last + everyMs - performance.now()
    if (wait <= 0) take()
    else timer = setTimeout(take, wait)
  })
  onScopeDispose(() => clearTimeout(timer))
  return value
}
