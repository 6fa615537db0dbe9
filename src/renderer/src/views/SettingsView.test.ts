// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { LabError } from '@shared/api'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { mountRenderer, type MountedRenderer } from '@renderer/test-support/mount-renderer'

const opened: MountedRenderer[] = []

async function openSettings(bridge: FakeLabBridge): Promise<MountedRenderer> {
  const mounted = await mountRenderer(bridge, '/settings')
  opened.push(mounted)
  return mounted
}

afterEach(() => {
  for (const mounted of opened.splice(0)) mounted.unmount()
  document.documentElement.removeAttribute('lang')
  document.documentElement.removeAttribute('data-theme')
})

describe('the settings view', () => {
  it('shows the language and theme the host has stored', async () => {
    const bridge = new FakeLabBridge()
    bridge.settings = { language: 'en', theme: 'dark', presentation: false }
    const { root } = await openSettings(bridge)

    expect(root.get<HTMLSelectElement>('[data-testid="settings-language"]').element.value).toBe(
      'en'
    )
    expect(root.get<HTMLSelectElement>('[data-testid="settings-theme"]').element.value).toBe('dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
  })

  it('switches the whole window to Chinese at once and asks the host to remember it', async () => {
    const bridge = new FakeLabBridge()
    const { root } = await openSettings(bridge)

    await root.get('[data-testid="settings-language"]').setValue('zh-CN')
    await flushPromises()

    expect(root.get('[data-testid="nav-settings"]').text()).toBe('设置')
    expect(root.get('[data-testid="view-settings"] h1').text()).toBe('设置')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(document.title).toBe('设置 · AllocLab')
    expect(bridge.callsTo('settings:set')).toEqual([{ language: 'zh-CN' }])
  })

  it('opens in the chosen language after a reload, because the host kept it', async () => {
    const bridge = new FakeLabBridge()
    const first = await openSettings(bridge)
    await first.root.get('[data-testid="settings-language"]').setValue('zh-CN')
    await flushPromises()
    first.unmount()
    opened.splice(0)

    const { root } = await openSettings(bridge)

    expect(root.get('[data-testid="nav-library"]').text()).toBe('实验库')
    expect(root.get<HTMLSelectElement>('[data-testid="settings-language"]').element.value).toBe(
      'zh-CN'
    )
  })

  it('names each language in itself, whatever the current language', async () => {
    const bridge = new FakeLabBridge()
    bridge.settings = { language: 'zh-CN', theme: 'system', presentation: false }
    const { root } = await openSettings(bridge)

    const options = root.findAll('[data-testid="settings-language"] option')

    expect(options.map((option) => option.text())).toEqual(['English', '简体中文'])
  })

  it('applies a theme to the page and saves it', async () => {
    const bridge = new FakeLabBridge()
    const { root } = await openSettings(bridge)

    await root.get('[data-testid="settings-theme"]').setValue('light')
    await flushPromises()

    expect(document.documentElement.dataset.theme).toBe('light')
    expect(bridge.settings.theme).toBe('light')
  })

  it('puts the old choice back and says why when saving fails', async () => {
    const bridge = new FakeLabBridge()
    const { root } = await openSettings(bridge)
    bridge.failChannel(
      'settings:set',
      new LabError('internal', 'service.internal', { detail: 'disk full' })
    )

    await root.get('[data-testid="settings-theme"]').setValue('dark')
    await flushPromises()

    expect(root.get<HTMLSelectElement>('[data-testid="settings-theme"]').element.value).toBe(
      'system'
    )
    expect(root.get('[data-testid="app-notice"]').text()).toContain('Could not save your settings')
    expect(root.get('[data-testid="app-notice"]').text()).toContain('disk full')
  })

  it('lists the details of this copy of AllocLab', async () => {
    const bridge = new FakeLabBridge()
    const { root } = await openSettings(bridge)

    const about = root.get('[data-testid="settings-about"]')

    expect(about.get('[data-testid="app-info-appVersion"]').text()).toBe('0.1.0')
    expect(about.get('[data-testid="app-info-host"]').text()).toBe(
      'Browser, served from this computer'
    )
    expect(about.get('[data-testid="app-info-databasePath"]').text()).toBe(
      '/home/student/.alloclab/alloclab.db'
    )
    expect(about.get('[data-testid="app-info-engine"]').text()).toBe('0.1.0 (frame pool layout 1)')
  })

  it('says the details are unavailable when the host could not give them', async () => {
    const bridge = new FakeLabBridge()
    bridge.failChannel(
      'app:info',
      new LabError('internal', 'service.internal', { detail: 'not ready' })
    )
    const { root } = await openSettings(bridge)

    expect(root.get('[data-testid="settings-about"]').text()).toContain(
      'Details about this copy are unavailable right now.'
    )
  })
})
