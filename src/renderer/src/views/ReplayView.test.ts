// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { mountRenderer, type MountedRenderer } from '@renderer/test-support/mount-renderer'
import { TWO_CONFIG_RUN } from '@renderer/test-support/replay-fixture'
import { useReplayStore } from '@renderer/stores/replay'

let mounted: MountedRenderer | undefined

// jsdom draws nothing; canvases here only need to exist (the browser e2e checks what they show).
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() =>
    null) as typeof HTMLCanvasElement.prototype.getContext
})

afterEach(() => {
  mounted?.unmount()
  mounted = undefined
})

async function open(path: string): Promise<MountedRenderer> {
  const bridge = new FakeLabBridge()
  bridge.scripted.add(TWO_CONFIG_RUN)
  mounted = await mountRenderer(bridge, path)
  await flushPromises()
  return mounted
}

describe('the Replay view', () => {
  it('without a run, says how to get one and links to the Workbench', async () => {
    const { root } = await open('/replay')
    expect(root.get('h2').text()).toBe('Choose a run to replay')
    expect(
      root.find('a[href="#/workbench"]').exists() || root.find('a[href="/workbench"]').exists()
    ).toBe(true)
  })

  it('opens a run with its transport, its panes and the Replay section marked current', async () => {
    const { root } = await open('/replay/run-7')
    expect(root.get('[data-testid="nav-replay"]').attributes('aria-current')).toBe('page')
    expect(root.get('button[aria-label="Play"]').attributes('aria-keyshortcuts')).toBe('Space')
    expect(root.findAll('canvas[role="img"]').map((c) => c.attributes('aria-label'))).toEqual([
      'Memory map of first-fit',
      'Memory map of buddy'
    ])
    expect(root.text()).toContain('First fit meets a buddy · 8 requests · 2 configurations')
  })

  it('steps with the arrow keys and jumps to the next failure with ]', async () => {
    const { root, renderer } = await open('/replay/run-7')
    const replay = useReplayStore(renderer.pinia)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }))
    expect(replay.step).toBe(1)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ']' }))
    await flushPromises()
    expect(replay.step).toBe(2)
    await flushPromises()
    expect((root.get('input[type="number"]').element as HTMLInputElement).value).toBe('2')
  })

  it('opens the shortcuts overlay with ?, listing the keys', async () => {
    const { root } = await open('/replay/run-7')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '?', shiftKey: true }))
    await flushPromises()
    const dialog = root.get('dialog')
    expect(dialog.attributes('open')).toBeDefined()
    expect(dialog.text()).toContain('Previous or next failure')
  })

  it('filters the event log by request over the whole run, answered by the service', async () => {
    const { root } = await open('/replay/run-7')
    const requestFilter = root
      .findAll('select')
      .find((select) => select.find('option[value="free-pages"]').exists())!
    await requestFilter.setValue('free')
    await flushPromises()
    expect(root.text()).toContain('2 of 8 events match')
  })
})
