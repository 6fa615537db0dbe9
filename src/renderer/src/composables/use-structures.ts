import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import type { LabOutput } from '@shared/api'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { LatestWins } from '@renderer/replay/latest-wins'

export type Structures = LabOutput<'timeline:structures'>

/** The allocator's own structures of one configuration at a step, newest request wins. */
export function useStructures(key: Ref<{ runId: string; config: number; step: number } | null>) {
  const lab = useLab()
  const structures = shallowRef<Structures | null>(null)
  const loading = ref(false)
  const failure = shallowRef<FailureReason | null>(null)
  const limiter = new LatestWins<Structures>()

  watch(
    key,
    async (target) => {
      if (!target) {
        limiter.cancel()
        structures.value = null
        return
      }
      loading.value = true
      try {
        const result = await limiter.run(() => lab.invoke('timeline:structures', target))
        if (!result.fresh) return
        structures.value = result.value
        failure.value = null
      } catch (error) {
        failure.value = describeFailure(error)
      }
      loading.value = false
    },
    { immediate: true, deep: true }
  )

  onScopeDispose(() => limiter.close())

  return { structures, loading, failure }
}
