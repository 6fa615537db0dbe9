// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { LabError } from '@shared/api'
import { EncodedFakeLabBridge, FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { until, workbenchStores } from '@renderer/test-support/workbench-stores'

const disposers: (() => void)[] = []
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose()
})

function open(bridge: FakeLabBridge) {
  const made = workbenchStores(bridge)
  disposers.push(() => {
    made.draft.$dispose()
    made.scenario.$dispose()
  })
  return made
}

describe('useDraftStore', () => {
  it('saves the scenario and the configurations within a second of a change', async () => {
    const bridge = new FakeLabBridge()
    const { draft, scenario, configs } = open(bridge)
    await draft.ensureRestored()
    const before = Date.now()
    scenario.document.dispatch({ changes: { from: 0, insert: 'alloc a 10\n' } })
    configs.add(['buddy:frames=64'])
    await until(() => bridge.draft !== null)
    expect(Date.now() - before).toBeLessThan(1000)
    expect(bridge.draft!.draft).toEqual({
      scenario: { encoding: 'text', text: 'alloc a 10\n' },
      configs: ['buddy:frames=64'],
      fileName: null
    })
    expect(draft.status).toBe('saved')
  })

  it('sends a draft as a body the worker wrote, where the host takes one', async () => {
    const bridge = new EncodedFakeLabBridge()
    const { draft, scenario } = open(bridge)
    await draft.ensureRestored()
    scenario.document.dispatch({ changes: { from: 0, insert: 'alloc a 10\n' } })
    await until(() => bridge.draft !== null)
    expect(bridge.encodedBodies.map((body) => body.channel)).toEqual(['draft:save'])
    expect(bridge.draft!.draft.scenario).toEqual({ encoding: 'text', text: 'alloc a 10\n' })
  })

  it('puts the draft back at the next start, as it was', async () => {
    const bridge = new FakeLabBridge()
    bridge.draft = {
      draft: {
        scenario: { encoding: 'text', text: 'alloc kept 5\n' },
        configs: ['first-fit', 'buddy'],
        fileName: 'kept.alloc'
      },
      savedAt: 1_700_000_000_000
    }
    const { draft, scenario, configs } = open(bridge)
    await draft.ensureRestored()
    expect(scenario.document.state.doc.toString()).toBe('alloc kept 5\n')
    expect(configs.specs).toEqual(['first-fit', 'buddy'])
    expect(scenario.fileName).toBe('kept.alloc')
    expect(draft.restoredAt).toBe(1_700_000_000_000)
    // Restoring is not a change: nothing is written back.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(bridge.callsTo('draft:save')).toEqual([])
  })

  it('writes nothing before the saved draft is back, so it never overwrites it', async () => {
    const bridge = new FakeLabBridge()
    const { scenario } = open(bridge)
    scenario.document.dispatch({ changes: { from: 0, insert: 'alloc early 1\n' } })
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(bridge.callsTo('draft:save')).toEqual([])
  })

  it('says why a draft cannot be saved, and saves at the next change once it can', async () => {
    const bridge = new FakeLabBridge()
    const { draft, scenario } = open(bridge)
    await draft.ensureRestored()
    bridge.failChannel(
      'draft:save',
      new LabError('read-only', 'workbench.draft.readOnly', { detail: 'EROFS' })
    )
    scenario.document.dispatch({ changes: { from: 0, insert: 'alloc a 1\n' } })
    await until(() => draft.status === 'failed')
    expect(draft.error).toMatchObject({
      key: 'workbench.draft.readOnly',
      params: { detail: 'EROFS' }
    })
    bridge.recover('draft:save')
    scenario.document.dispatch({ changes: { from: 0, insert: '# fixed\n' } })
    await until(() => draft.status === 'saved')
    expect(bridge.draft?.draft.scenario).toEqual({ encoding: 'text', text: '# fixed\nalloc a 1\n' })
  })

  it('keeps a large scenario compressed and restores it exactly', async () => {
    const bridge = new FakeLabBridge()
    const text = 'alloc a 4096\nfree a\n'.repeat(20_000)
    const first = open(bridge)
    await first.draft.ensureRestored()
    first.scenario.document.dispatch({ changes: { from: 0, insert: text } })
    await until(() => bridge.draft !== null, 5000)
    expect(bridge.draft!.draft.scenario.encoding).toBe('gzip-base64')
    const second = open(bridge)
    await second.draft.ensureRestored()
    expect(second.scenario.document.state.doc.toString()).toBe(text)
  })

  it('says why a stored draft could not be restored', async () => {
    const bridge = new FakeLabBridge()
    bridge.draft = {
      draft: {
        scenario: { encoding: 'gzip-base64', data: btoa('not gzip'), length: 5 },
        configs: [],
        fileName: null
      },
      savedAt: 1
    }
    const { draft } = open(bridge)
    await draft.ensureRestored()
    expect(draft.status).toBe('failed')
    expect(draft.failedAction).toBe('restore')
    expect(draft.error).toMatchObject({ key: 'workbench.draft.corrupt' })
  })
})
