import { describe, expect, it, vi } from 'vitest'
import { LAB_CHANNELS } from '@shared/api'

import { LabService } from '../service/lab-service'
import { openStore } from '../store/open-store'
import { LabIpc, type IpcInvokeEvent, type IpcMainLike } from './lab-ipc'

type Handler = (event: IpcInvokeEvent, input: unknown) => unknown
const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
/** Stands in for Electron's ipcMain: remembers each handler by channel. */
const fakeIpcMain: IpcMainLike = {
  handle: (channel: string, fn: Handler) =>
    void handlers.set(channel, (event, input) =>
      Promise.resolve(fn(event as IpcInvokeEvent, input))
    ),
  removeHandler: (channel: string) => void handlers.delete(channel)
}

const RENDERER = 'file:///app/out/renderer/'

function fakeContents() {
  return { isDestroyed: () => false, send: vi.fn(), once: vi.fn() }
}

function setUp() {
  handlers.clear()
  const ipc = new LabIpc(fakeIpcMain, new LabService(openStore(':memory:'), 'electron'), RENDERER)
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
      error: { code: 'invalid-input', key: 'service.untrustedSender' }
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
      payload: { language: 'en', theme: 'dark', presentation: false }
    })
  })
})
