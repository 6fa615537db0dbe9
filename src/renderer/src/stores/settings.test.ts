import { describe, expect, it } from 'vitest'
import { LabError, type LabChannel, type LabResult } from '@shared/api'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { useSettingsStore } from './settings'
import { useNoticeStore } from './notices'

function storesOver(bridge: FakeLabBridge) {
  const pinia = piniaWithLab(bridge)
  return { settings: useSettingsStore(pinia), notices: useNoticeStore(pinia) }
}

/** A host that applies settings:set in order but sends each answer only when the test releases it. */
class SlowSettingsBridge extends FakeLabBridge {
  readonly pending: { release: () => void }[] = []

  override invoke(channel: LabChannel, input: unknown): Promise<LabResult<unknown>> {
    const answer = super.invoke(channel, input)
    if (channel !== 'settings:set') return answer
    return new Promise((resolve) => {
      this.pending.push({ release: () => resolve(answer) })
    })
  }
}

describe('useSettingsStore', () => {
  it('starts from the settings the host keeps', async () => {
    const bridge = new FakeLabBridge()
    bridge.settings = { language: 'zh-CN', theme: 'dark', presentation: false }
    const { settings } = storesOver(bridge)

    await settings.load()

    expect(settings.settings).toEqual({ language: 'zh-CN', theme: 'dark', presentation: false })
    expect(settings.loaded).toBe(true)
  })

  it('keeps the defaults and reports it when the settings cannot be loaded', async () => {
    const bridge = new FakeLabBridge()
    bridge.failChannel(
      'settings:get',
      new LabError('internal', 'service.internal', { detail: 'database is locked' })
    )
    const { settings, notices } = storesOver(bridge)

    await settings.load()

    expect(settings.settings).toEqual({ language: 'en', theme: 'system', presentation: false })
    expect(settings.loaded).toBe(true)
    expect(notices.notices).toMatchObject([
      {
        titleKey: 'app.notices.loadSettingsFailed',
        reason: { key: 'service.internal', params: { detail: 'database is locked' } }
      }
    ])
  })

  it('shows a change at once and sends only the changed key to the host', async () => {
    const bridge = new FakeLabBridge()
    const { settings } = storesOver(bridge)
    await settings.load()

    const saving = settings.update({ language: 'zh-CN' })
    expect(settings.settings.language).toBe('zh-CN')
    await saving

    expect(bridge.callsTo('settings:set')).toEqual([{ language: 'zh-CN' }])
    expect(bridge.settings).toEqual({ language: 'zh-CN', theme: 'system', presentation: false })
  })

  it('goes back to the saved value and reports it when the host refuses a change', async () => {
    const bridge = new FakeLabBridge()
    bridge.settings = { language: 'en', theme: 'light', presentation: false }
    const { settings, notices } = storesOver(bridge)
    await settings.load()
    bridge.failChannel(
      'settings:set',
      new LabError('internal', 'service.internal', { detail: 'disk full' })
    )

    await settings.update({ theme: 'dark' })

    expect(settings.settings).toEqual({ language: 'en', theme: 'light', presentation: false })
    expect(notices.notices).toMatchObject([
      {
        titleKey: 'app.notices.saveSettingsFailed',
        reason: { key: 'service.internal', params: { detail: 'disk full' } }
      }
    ])
  })

  it('keeps the latest choice when an earlier save is answered last', async () => {
    const bridge = new SlowSettingsBridge()
    const { settings } = storesOver(bridge)
    await settings.load()

    const first = settings.update({ theme: 'dark' })
    const second = settings.update({ theme: 'light' })
    bridge.pending[1]!.release()
    await second
    bridge.pending[0]!.release()
    await first

    expect(settings.settings.theme).toBe('light')
  })

  it('follows settings changed elsewhere, and stops listening once disposed', async () => {
    const bridge = new FakeLabBridge()
    const { settings } = storesOver(bridge)
    await settings.load()

    bridge.emit('settings:changed', { language: 'zh-CN', theme: 'dark', presentation: false })
    expect(settings.settings).toEqual({ language: 'zh-CN', theme: 'dark', presentation: false })

    settings.$dispose()
    expect(bridge.listenerCount('settings:changed')).toBe(0)
  })
})
