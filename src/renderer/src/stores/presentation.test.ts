// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { LabError } from '@shared/api'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { PRESENTATION_STORAGE_KEY, usePresentationStore } from './presentation'
import { useNoticeStore } from './notices'
import { useSettingsStore } from './settings'

afterEach(() => localStorage.clear())

/** A window over `bridge` after its settings loaded: a new one over the same bridge is a reload. */
async function windowOver(bridge: FakeLabBridge) {
  const pinia = piniaWithLab(bridge)
  await useSettingsStore(pinia).load()
  const presentation = usePresentationStore(pinia)
  await presentation.carryOver()
  return { presentation, notices: useNoticeStore(pinia) }
}

const readOnly = new LabError('read-only', 'app.databaseErrors.readOnly', {})

describe('usePresentationStore', () => {
  it('keeps presentation mode as a setting the next window starts with', async () => {
    const bridge = new FakeLabBridge()
    const { presentation } = await windowOver(bridge)
    expect(presentation.on).toBe(false)

    await presentation.toggle()
    expect(presentation.on).toBe(true)
    expect(bridge.callsTo('settings:set')).toEqual([{ presentation: true }])
    expect((await windowOver(bridge)).presentation.on).toBe(true)
  })

  it('still changes the mode in this window when the host cannot keep it, and says so', async () => {
    const bridge = new FakeLabBridge()
    bridge.failChannel('settings:set', readOnly)
    const { presentation, notices } = await windowOver(bridge)

    await presentation.toggle()
    expect(presentation.on).toBe(true)
    expect(presentation.unsaved).toBe(true)
    expect(bridge.settings.presentation).toBe(false)
    expect(notices.notices).toMatchObject([
      {
        titleKey: 'classroom.presentation.notSaved',
        reason: { key: 'app.databaseErrors.readOnly' }
      }
    ])
    await presentation.toggle()
    expect(presentation.on).toBe(false)
  })

  it('carries the mode an older window kept in localStorage into the setting, once', async () => {
    localStorage.setItem(PRESENTATION_STORAGE_KEY, 'on')
    const bridge = new FakeLabBridge()
    const { presentation } = await windowOver(bridge)
    expect(presentation.on).toBe(true)
    expect(bridge.settings.presentation).toBe(true)
    expect(localStorage.getItem(PRESENTATION_STORAGE_KEY)).toBeNull()
  })

  it('drops an old "off" without writing, and keeps an old "on" it could not save', async () => {
    localStorage.setItem(PRESENTATION_STORAGE_KEY, 'off')
    const bridge = new FakeLabBridge()
    await windowOver(bridge)
    expect(bridge.callsTo('settings:set')).toEqual([])
    expect(localStorage.getItem(PRESENTATION_STORAGE_KEY)).toBeNull()

    localStorage.setItem(PRESENTATION_STORAGE_KEY, 'on')
    bridge.failChannel('settings:set', readOnly)
    const { presentation, notices } = await windowOver(bridge)
    expect(presentation.on).toBe(true)
    expect(localStorage.getItem(PRESENTATION_STORAGE_KEY)).toBe('on')
    expect(notices.notices).toEqual([])
  })
})
