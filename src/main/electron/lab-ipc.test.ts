import { describe, expect, it, vi } from 'vitest'
import { LAB_CHANNELS } from '@shared/api'

const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) =>
      handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel)
  }
}))

const { LabIpc } = await import('./lab-ipc')
const { LabService } = await import('../service/lab-service')
const { openStore } = await import('../store/open-store')

const RENDERER = 'file:///app/out/renderer/'

function fakeContents() {
  return { isDestroyed: () => false, send: vi.fn(), once: vi.fn() }
}

function setUp() {
  handlers.clear()
  const ipc = new LabIpc(new LabService(openStore(':memory:'), 'electron'), RENDERER)
  ipc.register()
  const window = fakeContents()
  ipc.trust(window as never)
  return { ipc, window }
}

const topFrame = (url: string) => ({ url, parent: null })

describe('LabIpc', () => {
  it('registers one handler per LabApi channel', () => {
    setUp()
    expect([...handlers.keys()].sort()).toEqual([...LAB_CHANNELS].sort())
  })

  it('serves a call from the trusted window', async () => {
    const { window } = setUp()
    const reply = await handlers.get('settings:get')!(
      { sender: window, senderFrame: topFrame(`${RENDERER}index.html`) },
      {}
    )
    expect(reply).toMatchObject({ ok: true })
  })

  it('refuses a call from a web contents it does not know', async () => {
    setUp()
    const stranger = fakeContents()
    const reply = await handlers.get('settings:get')!(
      { sender: stranger, senderFrame: topFrame(`${RENDERER}index.html`) },
      {}
    )
    expect(reply).toMatchObject({
      ok: false,
      error: { message: 'call from an unknown window refused' }
    })
  })

  it('refuses a call from a page that is not the app, even in the trusted window', async () => {
    const { window } = setUp()
    const reply = await handlers.get('settings:get')!(
      { sender: window, senderFrame: topFrame('https://example.com/') },
      {}
    )
    expect(reply).toMatchObject({ ok: false })
  })

  it('refuses a call from a subframe', async () => {
    const { window } = setUp()
    const frame = { url: `${RENDERER}index.html`, parent: topFrame(`${RENDERER}index.html`) }
    const reply = await handlers.get('settings:get')!({ sender: window, senderFrame: frame }, {})
    expect(reply).toMatchObject({ ok: false })
  })

  it('validates input before the service sees it', async () => {
    const { window } = setUp()
    const reply = await handlers.get('settings:set')!(
      { sender: window, senderFrame: topFrame(`${RENDERER}index.html`) },
      { language: 42 }
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('forwards pushed events to the trusted window', async () => {
    const { window } = setUp()
    await handlers.get('settings:set')!(
      { sender: window, senderFrame: topFrame(`${RENDERER}index.html`) },
      { theme: 'dark' }
    )
    expect(window.send).toHaveBeenCalledWith('lab:event', {
      event: 'settings:changed',
      payload: { language: 'en', theme: 'dark' }
    })
  })
})
