import { describe, expect, it } from 'vitest'
import { LabError, type LabChannel } from '@shared/api'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { TWO_CONFIG_RUN } from '@renderer/test-support/replay-fixture'
import { useTimelineCacheStore } from './timeline-cache'

function cache() {
  const bridge = new FakeLabBridge()
  bridge.scripted.add(TWO_CONFIG_RUN)
  return { bridge, cache: useTimelineCacheStore(piniaWithLab(bridge)) }
}

type Asked = { runId: string; questions: { kind: string; config: number }[] }

describe('useTimelineCacheStore', () => {
  it('asks the maps of a step in one timeline:step call and each engine’s questions in another', async () => {
    const { bridge, cache: timeline } = cache()
    const [map0, map1, both] = await Promise.all([
      timeline.map({ runId: 'run-7', config: 0, step: 3, width: 32 }),
      timeline.map({ runId: 'run-7', config: 1, step: 3 }),
      timeline.step({ runId: 'run-7', config: 0, step: 3 })
    ])
    const calls = bridge.callsTo('timeline:step') as Asked[]
    expect(calls.map((call) => call.questions.map((q) => `${q.kind}:${q.config}`))).toEqual([
      ['map:0', 'map:1'],
      ['events:0', 'structures:0']
    ])
    expect(map0.pixels!.width).toBe(32)
    expect(map1.ranges).not.toBeNull()
    expect(both.events.map((e) => e.step)).toEqual([0, 1, 2, 3])
    expect(both.structures.step).toBe(3)
    expect(bridge.callsTo('timeline:map')).toEqual([])
  })

  it('keeps one call in flight per lane and sends what was asked meanwhile together in the next', async () => {
    let release = (): void => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    let sent = 0
    class HeldBridge extends FakeLabBridge {
      override async invoke(channel: LabChannel, input: unknown) {
        if (channel === 'timeline:step' && sent++ === 0) await held
        return super.invoke(channel, input)
      }
    }
    const bridge = new HeldBridge()
    bridge.scripted.add(TWO_CONFIG_RUN)
    const timeline = useTimelineCacheStore(piniaWithLab(bridge))
    const first = timeline.map({ runId: 'run-7', config: 0, step: 1, width: 8 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const later = [
      timeline.map({ runId: 'run-7', config: 0, step: 2, width: 8 }),
      timeline.map({ runId: 'run-7', config: 1, step: 2, width: 8 })
    ]
    // An engine's question does not wait for the maps' call in flight.
    const structures = await timeline.structures({ runId: 'run-7', config: 1, step: 2 })
    expect(structures.step).toBe(2)
    expect(sent).toBe(2)
    release()
    await Promise.all([first, ...later])
    const calls = bridge.callsTo('timeline:step') as Asked[]
    // The held call is recorded when it goes on, after the engine's.
    expect(calls.map((call) => call.questions.map((q) => `${q.kind}:${q.config}`))).toEqual([
      ['structures:1'],
      ['map:0'],
      ['map:0', 'map:1']
    ])
  })

  it('fails only the question the service refused, with the service’s error', async () => {
    const { cache: timeline } = cache()
    const [map, structures] = await Promise.allSettled([
      timeline.map({ runId: 'run-7', config: 0, step: 1 }),
      timeline.structures({ runId: 'run-7', config: 5, step: 1 })
    ])
    expect(map.status).toBe('fulfilled')
    expect(structures.status).toBe('rejected')
    const reason = (structures as PromiseRejectedResult).reason as LabError
    expect(reason).toBeInstanceOf(LabError)
    expect(reason.code).toBe('not-found')
  })

  it('asks a step ahead once, hands it over when the step comes, and only then tells followers of it', async () => {
    const { bridge, cache: timeline } = cache()
    await timeline.step({ runId: 'run-7', config: 0, step: 3 })
    timeline.stepAhead({ runId: 'run-7', config: 0, step: 4 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    // Asked ahead: the follower still sees the step shown.
    expect(timeline.latestStructures('run-7', 0)?.step).toBe(3)
    const shown = await timeline.step({ runId: 'run-7', config: 0, step: 4 })
    await Promise.resolve()
    expect(shown.structures.step).toBe(4)
    expect(shown.events.map((e) => e.step)).toEqual([4])
    expect(timeline.latestStructures('run-7', 0)?.step).toBe(4)
    const calls = bridge.callsTo('timeline:step') as Asked[]
    // The step ahead went once, starting its events after the step shown: the engine only goes on.
    expect(calls).toHaveLength(2)
    expect(calls[1]!.questions).toEqual([
      { kind: 'events', config: 0, from: 4, count: 1 },
      { kind: 'structures', config: 0, step: 4 }
    ])
  })
})
