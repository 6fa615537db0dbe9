import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { setActivePinia } from 'pinia'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { TWO_CONFIG_RUN } from '@renderer/test-support/replay-fixture'
import { useMapImage } from './use-map-image'

type Asked = { questions: { kind: string; step?: number }[] }
const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('useMapImage', () => {
  it('asks for the map a held key shows next, and draws that step from it without asking again', async () => {
    const bridge = new FakeLabBridge()
    bridge.scripted.add(TWO_CONFIG_RUN)
    setActivePinia(piniaWithLab(bridge))
    const query = { exact: false, width: 16 } as const
    const key = ref({ runId: 'run-7', config: 0, step: 3, query })
    const ahead = ref<(typeof key.value)[]>([])
    const scope = effectScope()
    const { image } = scope.run(() => useMapImage(key, ref(false), ahead))!
    await settle()
    expect(image.value?.step).toBe(3)

    ahead.value = [{ ...key.value, step: 4 }]
    await settle()
    const asked = () =>
      (bridge.callsTo('timeline:step') as Asked[]).flatMap((call) =>
        call.questions.filter((q) => q.kind === 'map').map((q) => q.step)
      )
    expect(asked()).toContain(4)
    const before = asked().length

    key.value = { ...key.value, step: 4 }
    await nextTick()
    await settle()
    expect(image.value?.step).toBe(4)
    expect(asked()).toHaveLength(before)
    scope.stop()
  })
})
