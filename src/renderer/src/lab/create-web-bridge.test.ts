import { describe, expect, it, vi } from 'vitest'
import { WEB_EVENTS_PATH, WEB_INVOKE_PATH } from '@shared/api'
import {
  createWebBridge,
  type EventSocketHandlers,
  type WebBridgeEnvironment,
  type WebBridgeLocation
} from './create-web-bridge'
import { WebHostError } from './web-host-error'

const PAGE: WebBridgeLocation = {
  protocol: 'http:',
  host: '127.0.0.1:5173',
  search: '?token=s3cr%2Bet'
}

interface FakeHost {
  environment: WebBridgeEnvironment
  fetch: ReturnType<typeof vi.fn<WebBridgeEnvironment['fetch']>>
  sockets: { url: string; handlers: EventSocketHandlers; open: boolean; sent: string[] }[]
  scheduled: { task: () => void; delayMs: number }[]
}

function fakeHost(answer: () => Promise<Response>): FakeHost {
  const fetch = vi.fn<WebBridgeEnvironment['fetch']>(answer)
  const sockets: FakeHost['sockets'] = []
  const scheduled: FakeHost['scheduled'] = []
  return {
    fetch,
    sockets,
    scheduled,
    environment: {
      fetch,
      openSocket: (url, handlers) => {
        const socket = { url, handlers, open: false, sent: [] as string[] }
        sockets.push(socket)
        const opened = handlers.opened.bind(handlers)
        handlers.opened = () => {
          socket.open = true
          opened()
        }
        return { send: (text) => socket.open && socket.sent.push(text) > 0 }
      },
      schedule: (task, delayMs) => scheduled.push({ task, delayMs })
    }
  }
}

function json(body: unknown, status = 200): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify(body), { status }))
}

async function failureOf(promise: Promise<unknown>): Promise<WebHostError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  if (!(error instanceof WebHostError))
    throw new Error(`expected a WebHostError, got ${String(error)}`)
  return error
}

describe('createWebBridge calls', () => {
  it('posts the channel and input as JSON with the page token as a bearer credential', async () => {
    const host = fakeHost(() =>
      json({ ok: true, value: { language: 'en', theme: 'dark', presentation: false } })
    )
    const bridge = createWebBridge(PAGE, host.environment)

    const result = await bridge.invoke('settings:set', { theme: 'dark' })

    expect(result).toEqual({
      ok: true,
      value: { language: 'en', theme: 'dark', presentation: false }
    })
    expect(host.fetch).toHaveBeenCalledTimes(1)
    const [url, init] = host.fetch.mock.calls[0]!
    expect(url).toBe(WEB_INVOKE_PATH)
    expect(init.method).toBe('POST')
    expect(init.headers).toMatchObject({
      Authorization: 'Bearer s3cr+et',
      'Content-Type': 'application/json'
    })
    expect(JSON.parse(String(init.body))).toEqual({
      channel: 'settings:set',
      input: { theme: 'dark' }
    })
  })

  it('uploads a body made elsewhere as the very Blob it was given', async () => {
    const host = fakeHost(() => json({ ok: true, value: { savedAt: 1, storedBytes: 2 } }))
    const bridge = createWebBridge(PAGE, host.environment)
    const body = new Blob(['{"channel":"draft:save","input":{}}'])

    const result = await bridge.invokeEncoded('draft:save', body)

    expect(result).toEqual({ ok: true, value: { savedAt: 1, storedBytes: 2 } })
    const [, init] = host.fetch.mock.calls[0]!
    expect(init.body).toBe(body)
    expect(init.headers).toMatchObject({ Authorization: 'Bearer s3cr+et' })
  })

  it('hands error results back as values', async () => {
    const error = {
      code: 'invalid-input',
      key: 'service.invalidInput',
      params: { channel: 'settings:set', field: 'theme', detail: 'Invalid option' },
      message: 'settings:set: theme: Invalid option'
    }
    const host = fakeHost(() => json({ ok: false, error }))

    const result = await createWebBridge(PAGE, host.environment).invoke('settings:set', {})

    expect(result).toEqual({ ok: false, error })
  })

  it('hands back an error result even when it comes with a server error status', async () => {
    const error = {
      code: 'internal',
      key: 'service.internal',
      params: { detail: 'database is locked' },
      message: 'database is locked'
    }
    const host = fakeHost(() => json({ ok: false, error }, 500))

    const result = await createWebBridge(PAGE, host.environment).invoke('app:info', {})

    expect(result).toEqual({ ok: false, error })
  })

  it('calls a refused request by its HTTP status', async () => {
    const host = fakeHost(() => json({ message: 'forbidden' }, 403))

    const error = await failureOf(createWebBridge(PAGE, host.environment).invoke('app:info', {}))

    expect(error.failure).toBe('refused')
    expect(error.status).toBe(403)
  })

  it('treats an answer that is not a LabResult as a bad response', async () => {
    const notJson = fakeHost(() => Promise.resolve(new Response('<html>', { status: 200 })))
    const wrongShape = fakeHost(() => json({ value: 1 }))
    const serverError = fakeHost(() => json({ oops: true }, 500))

    for (const host of [notJson, wrongShape, serverError]) {
      const error = await failureOf(createWebBridge(PAGE, host.environment).invoke('app:info', {}))
      expect(error.failure).toBe('bad-response')
    }
  })

  it('reports a server that cannot be reached', async () => {
    const host = fakeHost(() => Promise.reject(new TypeError('Failed to fetch')))

    const error = await failureOf(createWebBridge(PAGE, host.environment).invoke('app:info', {}))

    expect(error.failure).toBe('unreachable')
  })

  it('makes no request at all when the page has no token', async () => {
    const host = fakeHost(() => json({ ok: true, value: {} }))
    const bridge = createWebBridge({ ...PAGE, search: '' }, host.environment)

    const error = await failureOf(bridge.invoke('app:info', {}))
    bridge.on('settings:changed', () => {})

    expect(error.failure).toBe('missing-token')
    expect(host.fetch).not.toHaveBeenCalled()
    expect(host.sockets).toEqual([])
  })
})

describe('createWebBridge events', () => {
  it('opens one socket on the same host with the token, on the first subscription', () => {
    const host = fakeHost(() => json({}))
    const bridge = createWebBridge(PAGE, host.environment)
    expect(host.sockets).toHaveLength(0)

    bridge.on('settings:changed', () => {})
    bridge.on('settings:changed', () => {})

    expect(host.sockets.map((socket) => socket.url)).toEqual([
      `ws://127.0.0.1:5173${WEB_EVENTS_PATH}?token=s3cr%2Bet`
    ])
  })

  it('uses a secure socket when the page came over https', () => {
    const host = fakeHost(() => json({}))
    createWebBridge({ ...PAGE, protocol: 'https:' }, host.environment).on(
      'settings:changed',
      () => {}
    )

    expect(host.sockets[0]?.url.startsWith('wss://127.0.0.1:5173/')).toBe(true)
  })

  it('hands each event frame to the listeners of that event', () => {
    const host = fakeHost(() => json({}))
    const bridge = createWebBridge(PAGE, host.environment)
    const listener = vi.fn()
    const unsubscribe = bridge.on('settings:changed', listener)
    const socket = host.sockets[0]!

    socket.handlers.received(
      JSON.stringify({ event: 'settings:changed', payload: { language: 'zh-CN' } })
    )
    socket.handlers.received(JSON.stringify({ event: 'run:progress', payload: 1 }))
    socket.handlers.received('not json')
    unsubscribe()
    socket.handlers.received(JSON.stringify({ event: 'settings:changed', payload: {} }))

    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith({ language: 'zh-CN' })
  })

  it('reconnects after a drop, waiting twice as long each time until a connection holds', () => {
    const host = fakeHost(() => json({}))
    createWebBridge(PAGE, host.environment).on('settings:changed', () => {})

    host.sockets[0]!.handlers.closed()
    host.scheduled[0]!.task()
    host.sockets[1]!.handlers.closed()
    host.scheduled[1]!.task()
    host.sockets[2]!.handlers.opened()
    host.sockets[2]!.handlers.closed()

    expect(host.scheduled.map((entry) => entry.delayMs)).toEqual([500, 1000, 500])
    expect(host.sockets).toHaveLength(3)
  })

  it('never waits longer than fifteen seconds between attempts', () => {
    const host = fakeHost(() => json({}))
    createWebBridge(PAGE, host.environment).on('settings:changed', () => {})

    for (let attempt = 0; attempt < 10; attempt++) {
      host.sockets[attempt]!.handlers.closed()
      host.scheduled[attempt]!.task()
    }

    expect(Math.max(...host.scheduled.map((entry) => entry.delayMs))).toBe(15_000)
  })

  it('does not reconnect once nobody is listening', () => {
    const host = fakeHost(() => json({}))
    const unsubscribe = createWebBridge(PAGE, host.environment).on('settings:changed', () => {})

    unsubscribe()
    host.sockets[0]!.handlers.closed()
    host.scheduled[0]!.task()

    expect(host.sockets).toHaveLength(1)
  })
})

describe('createWebBridge calls over the socket', () => {
  function openBridge() {
    const host = fakeHost(() => json({ ok: true, value: 'by http' }))
    const bridge = createWebBridge(PAGE, host.environment)
    void bridge.invoke('app:info', {})
    const socket = host.sockets[0]!
    socket.handlers.opened()
    host.fetch.mockClear()
    return { host, bridge, socket }
  }

  it('posts calls until the socket opens, which the first call opens', async () => {
    const host = fakeHost(() => json({ ok: true, value: 'by http' }))
    const result = await createWebBridge(PAGE, host.environment).invoke('app:info', {})
    expect(result).toEqual({ ok: true, value: 'by http' })
    expect(host.fetch).toHaveBeenCalledTimes(1)
    expect(host.sockets).toHaveLength(1)
  })

  it('sends each call as a numbered frame once the socket is open and settles it by its reply', async () => {
    const { host, bridge, socket } = openBridge()
    const first = bridge.invoke('app:info', {})
    const second = bridge.invoke('settings:set', { theme: 'dark' })
    const frames = socket.sent.map((text) => JSON.parse(text) as { call: number })
    expect(frames).toEqual([
      { call: 0, channel: 'app:info', input: {} },
      { call: 1, channel: 'settings:set', input: { theme: 'dark' } }
    ])
    // Replies may come in any order.
    socket.handlers.received(JSON.stringify({ reply: 1, result: { ok: true, value: 'second' } }))
    socket.handlers.received(
      JSON.stringify({
        reply: 0,
        result: { ok: false, error: { code: 'internal', message: 'no', key: 'x', params: {} } }
      })
    )
    expect(await second).toEqual({ ok: true, value: 'second' })
    expect(await first).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(host.fetch).not.toHaveBeenCalled()
  })

  it('fails the calls a closing socket leaves unanswered as a lost connection, then posts again', async () => {
    const { host, bridge, socket } = openBridge()
    const waiting = bridge.invoke('app:info', {})
    socket.handlers.closed()
    const error = await failureOf(waiting)
    expect(error.failure).toBe('unreachable')
    expect(await bridge.invoke('app:info', {})).toEqual({ ok: true, value: 'by http' })
    expect(host.fetch).toHaveBeenCalledTimes(1)
    // The socket is wanted again for calls, with nobody listening to events.
    host.scheduled[0]!.task()
    expect(host.sockets).toHaveLength(2)
  })

  it('posts a call too large for one frame even while the socket is open', async () => {
    const { host, bridge, socket } = openBridge()
    const result = await bridge.invoke('run:start', { scenario: 'x'.repeat(2 * 1024 * 1024) })
    expect(result).toEqual({ ok: true, value: 'by http' })
    expect(socket.sent).toEqual([])
    expect(host.fetch).toHaveBeenCalledTimes(1)
  })
})
