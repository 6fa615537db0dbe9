import { onScopeDispose, ref, watch, type Ref } from 'vue'
import { useLab } from '@renderer/lab/use-lab'
import { LatestWins } from '@renderer/replay/latest-wins'

export type BlockOrigin =
  | { readonly state: 'idle' | 'looking' | 'unknown' }
  | { readonly state: 'found'; readonly step: number }

/** How long the pointer rests on a block before its origin is asked for. */
const REST_MS = 120

/**
 * "The step that made this block": the last request at or before the step
 * shown that gave the hovered handle memory (timeline:find, looking back).
 */
export function useBlockOrigin(
  target: Ref<{ runId: string; config: number; step: number; handle: string } | null>
) {
  const lab = useLab()
  const origin = ref<BlockOrigin>({ state: 'idle' })
  const limiter = new LatestWins<number | null>()
  let timer: ReturnType<typeof setTimeout> | undefined

  watch(
    target,
    (now) => {
      clearTimeout(timer)
      limiter.cancel()
      if (!now || now.step < 0) {
        origin.value = { state: 'idle' }
        return
      }
      origin.value = { state: 'looking' }
      timer = setTimeout(async () => {
        try {
          const result = await limiter.run(async () => {
            const found = await lab.invoke('timeline:find', {
              runId: now.runId,
              config: now.config,
              from: now.step,
              direction: 'backward',
              condition: { kind: 'placed' },
              handle: now.handle
            })
            return found.step
          })
          if (!result.fresh) return
          origin.value =
            result.value === null ? { state: 'unknown' } : { state: 'found', step: result.value }
        } catch {
          origin.value = { state: 'unknown' }
        }
      }, REST_MS)
    },
    { deep: true }
  )

  onScopeDispose(() => {
    clearTimeout(timer)
    limiter.close()
  })

  return origin
}
