import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useThrottled } from './use-throttled'

describe('useThrottled', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('follows at once when not throttled, at most every interval with the newest value when throttled', async () => {
    const source = ref(0)
    const throttled = ref(false)
    const scope = effectScope()
    const shown = scope.run(() =>
      useThrottled(
        () => source.value,
        () => throttled.value,
        100
      )
    )!
    source.value = 1
    await nextTick()
    expect(shown.value).toBe(1)

    throttled.value = true
    await nextTick()
    source.value = 2
    await nextTick()
    source.value = 3
    await nextTick()
    expect(shown.value).toBe(1)
    vi.advanceTimersByTime(100)
    expect(shown.value).toBe(3)

    // Throttling ends: the newest value shows at once.
    source.value = 4
    await nextTick()
    throttled.value = false
    await nextTick()
    expect(shown.value).toBe(4)
    scope.stop()
  })
})
