// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { LabError } from '@shared/lab-error'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { mountRenderer, type MountedRenderer } from '@renderer/test-support/mount-renderer'
import { TWO_CONFIG_RUN } from '@renderer/test-support/replay-fixture'
import { useReplayStore } from '@renderer/stores/replay'

let mounted: MountedRenderer | undefined

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() =>
    null) as typeof HTMLCanvasElement.prototype.getContext
})

afterEach(() => {
  mounted?.unmount()
  mounted = undefined
  vi.useRealTimers()
  vi.restoreAllMocks()
})

async function open(bridge: FakeLabBridge, path = '/library'): Promise<MountedRenderer> {
  mounted = await mountRenderer(bridge, path)
  await flushPromises()
  return mounted
}

function button(
  root: MountedRenderer['root'],
  text: string,
  within: Pick<DOMWrapper<Element>, 'findAll' | 'text'> = root
) {
  const found = within.findAll('button').find((b) => b.text() === text)
  if (!found) throw new Error(`no button "${text}" in ${within.text()}`)
  return found
}

describe('the Library view', () => {
  it('with nothing saved, says how to get an experiment and offers only the import', async () => {
    const { root } = await open(new FakeLabBridge())
    expect(root.get('h2').text()).toBe('No experiments yet')
    expect(root.text()).toContain('Run a scenario in the Workbench')
    expect(root.find('input[type="search"]').exists()).toBe(false)
    expect(button(root, 'Import experiment file…').exists()).toBe(true)
  })

  it('lists experiments with their key metrics, newest first', async () => {
    const bridge = new FakeLabBridge()
    bridge.library.add('Older', { tags: ['heap'] })
    bridge.library.add('Newer', { notes: 'two fits' })
    const { root } = await open(bridge)
    const names = root.findAll('article h3').map((h) => h.text())
    expect(names).toEqual(['Newer', 'Older'])
    const first = root.get('article')
    expect(first.text()).toContain('two fits')
    expect(first.get('tbody tr').text()).toContain('first-fit:arena=100')
    expect(first.get('tbody tr').text()).toContain('50%')
    expect(root.text()).toContain('2 experiments')
    expect(root.get('[role="group"][aria-label="Tags"]').text()).toContain('heap (1)')
  })

  it('searches as the user types, after a pause', async () => {
    vi.useFakeTimers()
    const bridge = new FakeLabBridge()
    bridge.library.add('Buddy orders')
    bridge.library.add('Slab caches')
    const { root } = await open(bridge)
    await root.get('input[type="search"]').setValue('slab')
    expect(root.findAll('article')).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(250)
    await flushPromises()
    expect(root.findAll('article h3').map((h) => h.text())).toEqual(['Slab caches'])
    expect(bridge.callsTo('experiment:list').at(-1)).toMatchObject({ search: 'slab', offset: 0 })
  })

  it('deletes with an undo notice, and the undo brings the experiment back', async () => {
    const bridge = new FakeLabBridge()
    bridge.library.add('Keep me')
    const { root } = await open(bridge)
    await button(root, 'Delete').trigger('click')
    await flushPromises()
    expect(root.findAll('article')).toHaveLength(0)
    const message = root.get('[data-testid="library-message"]')
    expect(message.text()).toContain('“Keep me” was deleted.')
    await button(root, 'Undo', message).trigger('click')
    await flushPromises()
    expect(root.findAll('article h3').map((h) => h.text())).toEqual(['Keep me'])
    expect(root.get('[data-testid="library-message"]').text()).toContain('is back in the library')
  })

  it('says why an import failed and keeps the library as it was', async () => {
    const bridge = new FakeLabBridge()
    bridge.library.add('Already here')
    const { root } = await open(bridge)
    const picker = root.get('input[type="file"]')
    const file = new File(['not json'], 'broken.alloclab.json', { type: 'application/json' })
    Object.defineProperty(picker.element, 'files', { value: [file], configurable: true })
    await picker.trigger('change')
    await flushPromises()
    const message = root.get('[role="alert"]')
    expect(message.text()).toContain('Importing failed')
    expect(message.text()).toContain('The file is not JSON text')
    expect(root.findAll('article h3').map((h) => h.text())).toEqual(['Already here'])
  })

  it('renames through a dialog that refuses an empty name in words', async () => {
    const bridge = new FakeLabBridge()
    bridge.library.add('Old name')
    const { root } = await open(bridge)
    await button(root, 'Rename').trigger('click')
    await flushPromises()
    const dialog = root.get('dialog')
    await dialog.get('input').setValue('   ')
    await dialog.get('form').trigger('submit')
    expect(dialog.text()).toContain('Give the experiment a name.')
    expect(bridge.callsTo('experiment:rename')).toEqual([])
    await dialog.get('input').setValue('New name')
    await dialog.get('form').trigger('submit')
    await flushPromises()
    expect(bridge.callsTo('experiment:rename')).toEqual([{ id: 1, name: 'New name' }])
    expect(root.findAll('article h3').map((h) => h.text())).toEqual(['New name'])
  })

  it('edits the whole notes and the tags, tags split at either kind of comma', async () => {
    const bridge = new FakeLabBridge()
    bridge.library.add('Lab 3', { notes: 'First line.\nSecond line.', tags: ['old'] })
    const { root } = await open(bridge)
    await button(root, 'Notes and tags').trigger('click')
    await flushPromises()
    const dialog = root.get('dialog')
    expect(dialog.get('textarea').element.value).toBe('First line.\nSecond line.')
    expect(dialog.get('input').element.value).toBe('old')
    await dialog.get('textarea').setValue('Buddy fails first.')
    await dialog.get('input').setValue('lab 3， buddy, lab 3')
    await dialog.get('form').trigger('submit')
    await flushPromises()
    expect(bridge.callsTo('experiment:annotate')).toEqual([
      { id: 1, notes: 'Buddy fails first.', tags: ['lab 3', 'buddy'] }
    ])
    expect(root.text()).toContain('Saved the notes and tags of “Lab 3”.')
  })

  it('downloads the experiment file and the HTML report in the window’s language', async () => {
    const created: Blob[] = []
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob)
      return 'blob:fake'
    }
    URL.revokeObjectURL = () => {}
    const bridge = new FakeLabBridge()
    bridge.library.add('Fits')
    const { root } = await open(bridge)
    await button(root, 'Export file').trigger('click')
    await flushPromises()
    await button(root, 'HTML report').trigger('click')
    await flushPromises()
    expect(bridge.callsTo('report:html')).toEqual([{ id: 1, locale: 'en' }])
    expect(created.map((blob) => blob.type)).toEqual(['application/json', 'text/html'])
    expect(root.get('[data-testid="library-message"]').text()).toContain(
      'Fits.html was downloaded.'
    )
  })

  it('opens an experiment in Replay at the step and with the panes it was saved with', async () => {
    const bridge = new FakeLabBridge()
    bridge.scripted.add(TWO_CONFIG_RUN)
    bridge.library.add('Saved replay')
    const stored = bridge.library.experiments.get(1)!
    stored.open = { ...stored.open, runId: TWO_CONFIG_RUN.runId }
    stored.replayState = { version: 1, step: 4, shown: [1], focus: 1, chartMetric: 'freeBytes' }
    const { root, renderer } = await open(bridge)
    await button(root, 'Open').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(renderer.router.currentRoute.value.fullPath).toBe(`/replay/${TWO_CONFIG_RUN.runId}`)
    const replay = useReplayStore(renderer.pinia)
    expect(replay.step).toBe(4)
    expect(replay.shown).toEqual([1])
    expect(replay.focus).toBe(1)
    expect(replay.chartMetric).toBe('freeBytes')
    expect(root.find('[data-testid="engine-notice"]').exists()).toBe(false)
    // Saving it again updates the experiment it came from, with the replay as it now stands.
    replay.seek(6)
    await button(root, 'Save experiment').trigger('click')
    await flushPromises()
    expect(bridge.callsTo('experiment:save').at(-1)).toEqual({
      id: 1,
      replayState: {
        version: 1,
        step: 6,
        shown: [1],
        focus: 1,
        chartMetric: 'freeBytes',
        speed: 10
      }
    })
    expect(root.text()).toContain('Saved “Saved replay”.')
  })

  it('says when a run was recorded by another engine and re-runs it in one click', async () => {
    const bridge = new FakeLabBridge()
    bridge.scripted.add(TWO_CONFIG_RUN)
    bridge.library.add('From an older engine', { current: false })
    const stored = bridge.library.experiments.get(1)!
    stored.open = { ...stored.open, runId: TWO_CONFIG_RUN.runId }
    const { root, renderer } = await open(bridge)
    await button(root, 'Open').trigger('click')
    await flushPromises()
    await flushPromises()
    const notice = root.get('[data-testid="engine-notice"]')
    expect(notice.text()).toContain('recorded by engine 0.0.9 / 1')
    expect(notice.text()).toContain('runs engine 0.1.0 / 1')
    await button(root, 'Run again with this engine', notice).trigger('click')
    await flushPromises()
    expect(bridge.callsTo('experiment:rerun')).toEqual([{ id: 1 }])
    expect(renderer.router.currentRoute.value.fullPath).toBe('/replay/rerun-1')
  })

  it('shows a failed save in words and keeps the button to try again', async () => {
    const bridge = new FakeLabBridge()
    bridge.scripted.add(TWO_CONFIG_RUN)
    bridge.failChannel(
      'experiment:save',
      new LabError('invalid-input', 'experiments.runNotFinished', { runId: 'run-7' })
    )
    const { root } = await open(bridge, `/replay/${TWO_CONFIG_RUN.runId}`)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }))
    await flushPromises()
    expect(bridge.callsTo('experiment:save')).toEqual([
      {
        runId: 'run-7',
        name: 'First fit meets a buddy',
        keepTimelines: true,
        replayState: {
          version: 1,
          step: -1,
          shown: [0, 1],
          focus: 0,
          chartMetric: 'externalFragmentation',
          speed: 10
        }
      }
    ])
    expect(root.get('[role="alert"]').text()).toContain('Not saved: Run "run-7" is still running')
    expect(button(root, 'Save as experiment').attributes('disabled')).toBeUndefined()
  })

  it('saves from Replay without the timelines when unchecked, and exports the run’s report there', async () => {
    URL.createObjectURL = () => 'blob:fake'
    URL.revokeObjectURL = () => {}
    const bridge = new FakeLabBridge()
    bridge.scripted.add(TWO_CONFIG_RUN)
    const { root } = await open(bridge, `/replay/${TWO_CONFIG_RUN.runId}`)
    const keep = root.get<HTMLInputElement>('[data-testid="save-keep-timelines"]')
    expect(keep.element.checked).toBe(true)
    expect(root.text()).toContain('without them only summaries are kept')
    await keep.setValue(false)
    await button(root, 'Save as experiment').trigger('click')
    await flushPromises()
    expect(bridge.callsTo('experiment:save')).toEqual([
      expect.objectContaining({ runId: 'run-7', keepTimelines: false })
    ])
    expect(root.text()).toContain('summaries only (no timelines)')
    // Saved: a second save only keeps the replay state, so the choice is no longer asked.
    expect(root.find('[data-testid="save-keep-timelines"]').exists()).toBe(false)
    await button(root, 'Export report').trigger('click')
    await flushPromises()
    expect(bridge.callsTo('report:html')).toEqual([{ runId: 'run-7', locale: 'en', id: 1 }])
    expect(root.text()).toContain('First fit meets a buddy.html was downloaded.')
  })

  it('says plainly in Replay that an experiment saved without timelines has nothing to replay', async () => {
    const bridge = new FakeLabBridge()
    bridge.scripted.add(TWO_CONFIG_RUN)
    bridge.library.add('Summaries only', { timelinesKept: 0 })
    const stored = bridge.library.experiments.get(1)!
    stored.open = {
      ...stored.open,
      runId: TWO_CONFIG_RUN.runId,
      configs: stored.open.configs.map((config) => ({ ...config, timeline: 'dropped' }))
    }
    const { root, renderer } = await open(bridge)
    expect(root.get('article').text()).toContain('Summaries only: replay needs a re-run')
    await button(root, 'Open').trigger('click')
    await flushPromises()
    await flushPromises()
    const notice = root.get('[data-testid="timelines-notice"]')
    expect(notice.text()).toContain('Saved without timelines')
    expect(notice.text()).toContain('This experiment was saved with its summaries only')
    await button(root, 'Run it again to replay', notice).trigger('click')
    await flushPromises()
    expect(bridge.callsTo('experiment:rerun')).toEqual([{ id: 1 }])
    expect(renderer.router.currentRoute.value.fullPath).toBe('/replay/rerun-1')
  })

  it('names the configurations by family when only some were saved without timelines', async () => {
    const bridge = new FakeLabBridge()
    bridge.scripted.add(TWO_CONFIG_RUN)
    bridge.library.add('Half kept')
    const stored = bridge.library.experiments.get(1)!
    const [first] = stored.open.configs
    stored.open = {
      ...stored.open,
      runId: TWO_CONFIG_RUN.runId,
      configs: [
        { ...first!, timeline: 'kept' },
        { ...first!, config: 1, label: 'buddy:frames=8', family: 'buddy', timeline: 'dropped' }
      ]
    }
    const { root } = await open(bridge)
    await button(root, 'Open').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(root.get('[data-testid="timelines-notice"]').text()).toContain(
      'Configurations #2 buddy were saved with their summaries only'
    )
  })
})
