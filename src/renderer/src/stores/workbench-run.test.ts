// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { LabError } from '@shared/api'
import { EncodedFakeLabBridge, FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { until, workbenchStores } from '@renderer/test-support/workbench-stores'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

async function ready(
  text = 'alloc a 10\nfree a\n',
  specs = ['first-fit', 'buddy'],
  bridge: FakeLabBridge = new FakeLabBridge()
) {
  const made = workbenchStores(bridge)
  dispose = () => {
    made.run.$dispose()
    made.scenario.$dispose()
  }
  made.scenario.document.dispatch({ changes: { from: 0, insert: text } })
  made.configs.add(specs)
  await until(() => !made.scenario.analysing && made.configs.allChecked)
  return { ...made, bridge }
}

describe('useRunStore', () => {
  it('says why it cannot run: problems in the scenario first, then missing allocators', async () => {
    const { run, scenario, configs } = await ready('alocc a 1\n', [])
    expect(run.blocked).toEqual({ key: 'workbench.run.blockedErrors', params: { count: 1 } })
    scenario.document.dispatch({ changes: { from: 0, to: 5, insert: 'alloc' } })
    await until(() => !scenario.analysing)
    expect(run.blocked?.key).toBe('workbench.run.blockedNoConfigs')
    configs.add(['buddy:frames=0'])
    await until(() => configs.allChecked)
    expect(run.blocked).toEqual({ key: 'workbench.run.blockedConfig', params: { index: 1 } })
  })

  it('starts the run with the whole text and the specs in their order, named after the scenario', async () => {
    const { run, bridge } = await ready('name Hole\nalloc a 10\n')
    await run.start()
    expect(run.phase).toBe('running')
    expect(bridge.runs.get(run.runId!)).toEqual({
      scenario: 'name Hole\nalloc a 10\n',
      allocators: ['first-fit', 'buddy'],
      title: 'Hole'
    })
    expect(run.rows.map((row) => [row.config, row.status])).toEqual([
      [0, 'queued'],
      [1, 'queued']
    ])
  })

  it('sends the run as a body the worker wrote, where the host takes one', async () => {
    const bridge = new EncodedFakeLabBridge()
    const { run } = await ready('name Hole\nalloc a 10\n', ['buddy'], bridge)
    await run.start()
    expect(run.phase).toBe('running')
    expect(bridge.encodedBodies.map((body) => body.channel)).toEqual(['run:start'])
    expect(JSON.parse(bridge.encodedBodies[0]!.text)).toEqual({
      channel: 'run:start',
      input: { allocators: ['buddy'], title: 'Hole', scenario: 'name Hole\nalloc a 10\n' }
    })
  })

  it('follows progress per configuration and shows a failure on its own row', async () => {
    const { run, bridge } = await ready()
    await run.start()
    const runId = run.runId!
    bridge.emit('run:progress', { runId, config: 0, done: 1, total: 2, elapsedMs: 5, rate: 200 })
    expect(run.rows[0]).toMatchObject({ status: 'running', done: 1, total: 2, rate: 200 })
    const error = {
      kind: 'outOfMemory',
      key: 'engine.worker.outOfMemory',
      params: { detail: 'heap' }
    }
    bridge.emit('run:ended', { runId, config: 1, status: 'failed', error })
    bridge.emit('run:ended', { runId, config: 0, status: 'done', error: null })
    bridge.emit('run:finished', { runId, status: 'failed' })
    expect(run.rows.map((row) => row.status)).toEqual(['done', 'failed'])
    expect(run.rows[1]!.error).toEqual(error)
    expect(run.phase).toBe('ended')
    expect(run.failedCount).toBe(1)
  })

  it('cancels the run it started', async () => {
    const { run, bridge } = await ready()
    await run.start()
    await run.cancel()
    expect(bridge.callsTo('run:cancel')).toEqual([{ runId: run.runId }])
    bridge.emit('run:ended', { runId: run.runId, config: 0, status: 'cancelled', error: null })
    bridge.emit('run:ended', { runId: run.runId, config: 1, status: 'cancelled', error: null })
    bridge.emit('run:finished', { runId: run.runId, status: 'cancelled' })
    expect(run.endStatus).toBe('cancelled')
    expect(run.rows.map((row) => row.status)).toEqual(['cancelled', 'cancelled'])
  })

  it('ignores events of other runs', async () => {
    const { run, bridge } = await ready()
    await run.start()
    bridge.emit('run:finished', { runId: 'run-99', status: 'done' })
    expect(run.phase).toBe('running')
  })

  it('keeps events that arrive before the start is answered, as a tiny run can end first', async () => {
    const { run, bridge } = await ready()
    const starting = run.start()
    await until(() => bridge.callsTo('run:start').length === 1)
    bridge.emit('run:ended', { runId: 'run-1', config: 0, status: 'done', error: null })
    bridge.emit('run:ended', { runId: 'run-1', config: 1, status: 'done', error: null })
    bridge.emit('run:finished', { runId: 'run-1', status: 'done' })
    await starting
    expect(run.runId).toBe('run-1')
    expect(run.phase).toBe('ended')
    expect(run.rows.map((row) => row.status)).toEqual(['done', 'done'])
  })

  it('names the configuration a refused start is about', async () => {
    const { run, bridge } = await ready()
    // The host refuses a spec the check let through (a host of another version, say).
    bridge.failChannel(
      'run:start',
      new LabError('invalid-input', 'engine.spec.outOfRange', {
        spec: 'buddy',
        key: 'frames',
        value: '0',
        min: '1',
        max: '4194304'
      })
    )
    await run.start()
    expect(run.phase).toBe('refused')
    expect(run.refusedConfig).toBe(1)
    expect(run.startError).toMatchObject({ key: 'engine.spec.outOfRange' })
  })

  it('stops listening once disposed', async () => {
    const { run, bridge } = await ready()
    run.$dispose()
    expect(bridge.listenerCount('run:progress')).toBe(0)
    expect(bridge.listenerCount('run:finished')).toBe(0)
  })
})
