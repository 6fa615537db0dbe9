import { afterEach, describe, expect, it, vi } from 'vitest'
import { LabError } from '@shared/lab-error'
import { flushPromises } from '@vue/test-utils'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { TWO_CONFIG_RUN } from '@renderer/test-support/replay-fixture'
import { useRunStore } from './run'

function store(bridge = new FakeLabBridge()) {
  bridge.scripted.add(TWO_CONFIG_RUN)
  return { bridge, run: useRunStore(piniaWithLab(bridge)) }
}

afterEach(() => vi.useRealTimers())

describe('useRunStore', () => {
  it('opens a run with each configuration’s kind and geometry', async () => {
    const { run } = store()
    await run.open('run-7')
    expect(run.state).toBe('ready')
    expect(run.title).toBe('First fit meets a buddy')
    expect(run.lastStep).toBe(7)
    expect(
      run.configs.map((c) => [c.name, c.kind, c.poolBytes, c.baseAddress, c.pageBytes, c.unitBytes])
    ).toEqual([
      ['first-fit', 'heap', 100, 1000, 0, 1],
      ['buddy', 'pages', 128, 0, 16, 16]
    ])
    expect(run.configs.every((c) => c.recorded && c.count === 8)).toBe(true)
    expect(run.lastOpened).toEqual({ runId: 'run-7', title: 'First fit meets a buddy' })
  })

  it('says so when the run is not kept, and opens it on a retry once it is', async () => {
    const bridge = new FakeLabBridge()
    const run = useRunStore(piniaWithLab(bridge))
    await run.open('run-7')
    expect(run.state).toBe('failed')
    expect(run.failure).toMatchObject({ key: 'timeline.runNotFound', params: { runId: 'run-7' } })
    bridge.scripted.add(TWO_CONFIG_RUN)
    await run.retry()
    expect(run.state).toBe('ready')
  })

  it('waits for a run still going and opens it when it finishes', async () => {
    const bridge = new FakeLabBridge()
    bridge.scripted.add({ ...TWO_CONFIG_RUN, status: 'running' })
    const run = useRunStore(piniaWithLab(bridge))
    await run.open('run-7')
    expect(run.state).toBe('running')
    bridge.scripted.add(TWO_CONFIG_RUN)
    bridge.emit('run:finished', { runId: 'run-7', status: 'done' })
    await flushPromises()
    expect(run.state).toBe('ready')
  })

  it('opens a run that finished while its finishing event never reached the window', async () => {
    vi.useFakeTimers()
    const bridge = new FakeLabBridge()
    bridge.scripted.add({ ...TWO_CONFIG_RUN, status: 'running' })
    const run = useRunStore(piniaWithLab(bridge))
    await run.open('run-7')
    await vi.advanceTimersByTimeAsync(1500)
    expect(run.state).toBe('running')
    bridge.scripted.add(TWO_CONFIG_RUN)
    await vi.advanceTimersByTimeAsync(1500)
    expect(run.state).toBe('ready')
    vi.useRealTimers()
  })

  it('holds the open run as viewed, renews the lease, and shows a run the service let go', async () => {
    vi.useFakeTimers()
    const { bridge, run } = store()
    await run.open('run-7')
    expect(bridge.callsTo('run:view')).toEqual([{ runId: 'run-7' }])
    await vi.advanceTimersByTimeAsync(30_000)
    expect(bridge.callsTo('run:view')).toHaveLength(2)
    bridge.failChannel(
      'run:view',
      new LabError('gone', 'timeline.runEvicted', { runId: 'run-7', limit: '1 GiB' })
    )
    await vi.advanceTimersByTimeAsync(30_000)
    expect(run.state).toBe('failed')
    expect(run.failure).toMatchObject({ key: 'timeline.runEvicted' })
    run.close()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(bridge.callsTo('run:view')).toHaveLength(3)
  })
})
