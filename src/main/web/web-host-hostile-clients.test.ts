import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { LabService } from '../service/lab-service'
import { openStore } from '../store/open-store'
import { eventsPath, invoke, nextMessage, openEvents, send } from './testing/host-client'
import { frame, OPCODE, RawWebSocket } from './testing/raw-websocket'
import { startWebHost, type WebHost, type WebHostService } from './web-host'

const TOKEN = 'hostile-test-token'
const MIB = 1024 * 1024

let rendererDir: string
let service: LabService
let host: WebHost
/** Failures the host reported as its own; a hostile client must never cause one. */
const reported: unknown[] = []
let theme: 'dark' | 'light' = 'light'

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'alloclab-hostile-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>AllocLab</title>')
  if (existsSync('/proc/self/mem'))
    symlinkSync('/proc/self/mem', join(rendererDir, 'unreadable.js'))
  service = new LabService(openStore(':memory:'), 'browser')
  host = await startWebHost({
    service,
    rendererDir,
    token: TOKEN,
    reportError: (error) => reported.push(error)
  })
})
afterAll(async () => {
  await host.close()
  service.close()
})
afterEach(() => {
  expect(reported).toEqual([])
})

/** The next API call is answered and a fresh event socket still hears what happens. */
async function expectHealthy(target: WebHost = host): Promise<void> {
  const reply = await invoke(target, { channel: 'settings:get', input: {} })
  expect(reply.status).toBe(200)
  expect(JSON.parse(reply.body)).toMatchObject({ ok: true })
  const events = await openEvents(target)
  const message = nextMessage(events)
  theme = theme === 'dark' ? 'light' : 'dark'
  await invoke(target, { channel: 'settings:set', input: { theme } })
  expect(JSON.parse(await message)).toMatchObject({ event: 'settings:changed', payload: { theme } })
  await closeEvents(events)
}

function closeEvents(events: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    events.once('close', () => resolve())
    events.close()
  })
}

/** Nothing a client left behind stays open on the host. */
async function expectNoLeftoverConnections(target: WebHost = host): Promise<void> {
  await expect.poll(() => target.connectionCount(), { timeout: 5000 }).toBe(0)
}

function u16(value: number): Buffer {
  const bytes = Buffer.alloc(2)
  bytes.writeUInt16BE(value)
  return bytes
}

const hello = Buffer.from('hello')

/** Each bad frame, and the close code RFC 6455 (section 7.4.1) says the host answers with. */
const BAD_FRAMES: readonly (readonly [string, Buffer, number])[] = [
  [
    'a text frame announcing more than 1 MiB',
    frame({ opcode: OPCODE.text, declaredLength: MIB + 1 }),
    1009
  ],
  [
    'a fragmented message that grows past 1 MiB',
    Buffer.concat([
      frame({ opcode: OPCODE.text, fin: false, payload: Buffer.alloc(600 * 1024, 0x61) }),
      frame({ opcode: OPCODE.continuation, payload: Buffer.alloc(600 * 1024, 0x61) })
    ]),
    1009
  ],
  [
    'text that is not valid UTF-8',
    frame({ opcode: OPCODE.text, payload: Buffer.from([0xc3, 0x28]) }),
    1007
  ],
  ['an unmasked client frame', frame({ opcode: OPCODE.text, payload: hello, masked: false }), 1002],
  ['a reserved data opcode (0x3)', frame({ opcode: 0x3, payload: hello }), 1002],
  ['a reserved control opcode (0xB)', frame({ opcode: 0xb }), 1002],
  [
    'RSV1 set with no extension agreed',
    frame({ opcode: OPCODE.text, reserved: 0b100, payload: hello }),
    1002
  ],
  ['RSV2 set', frame({ opcode: OPCODE.text, reserved: 0b010, payload: hello }), 1002],
  ['RSV3 set', frame({ opcode: OPCODE.binary, reserved: 0b001, payload: hello }), 1002],
  [
    'a ping longer than 125 bytes',
    frame({ opcode: OPCODE.ping, payload: Buffer.alloc(126) }),
    1002
  ],
  ['a fragmented ping', frame({ opcode: OPCODE.ping, fin: false }), 1002],
  [
    'a continuation with nothing to continue',
    frame({ opcode: OPCODE.continuation, payload: hello }),
    1002
  ],
  [
    'a close frame with a one-byte body',
    frame({ opcode: OPCODE.close, payload: Buffer.from([3]) }),
    1002
  ],
  [
    'a close frame with a reserved status code',
    frame({ opcode: OPCODE.close, payload: u16(999) }),
    1002
  ],
  [
    'a close reason that is not UTF-8',
    frame({ opcode: OPCODE.close, payload: Buffer.concat([u16(1000), Buffer.from([0xff])]) }),
    1007
  ],
  ['bytes that are no frame at all', Buffer.from('this is not a WebSocket frame'), 1002]
]

describe('the browser host facing a hostile WebSocket client', () => {
  it.each(BAD_FRAMES)(
    'closes only that connection, with the right code, after %s',
    async (_name, bytes, closeCode) => {
      const client = await RawWebSocket.open(host.port, eventsPath(host))
      client.write(bytes)
      expect(await client.closeOutcome()).toEqual({ closeCode })
      await expectHealthy()
      await expectNoLeftoverConnections()
    }
  )

  it.each([
    ['a frame cut off after its header', frame({ opcode: OPCODE.text, declaredLength: 100 })],
    ['a frame cut off after one byte', Buffer.from([0x81])],
    [
      'a frame cut off inside its payload',
      frame({ opcode: OPCODE.text, payload: hello }).subarray(0, 8)
    ]
  ])('lets go of a client that gives up after %s', async (_name, bytes) => {
    const client = await RawWebSocket.open(host.port, eventsPath(host))
    client.write(bytes)
    client.end()
    await client.closeOutcome()
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('survives a bad frame sent in the same packet as the upgrade request', async () => {
    const handshake = Buffer.from(upgradeHead(eventsPath(host)))
    const bad = frame({ opcode: OPCODE.text, payload: hello, masked: false })
    const answer = await rawExchange(host.port, Buffer.concat([handshake, bad])).closed
    expect(answer).toMatch(/^HTTP\/1\.1 101 /)
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('survives a client that resets the connection in the middle of a frame', async () => {
    const client = await RawWebSocket.open(host.port, eventsPath(host))
    client.write(frame({ opcode: OPCODE.binary, declaredLength: 5000 }).subarray(0, 4))
    client.destroy()
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('survives any bytes at all after a valid upgrade (bounded fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 96 }), async (bytes) => {
        const client = await RawWebSocket.open(host.port, eventsPath(host))
        client.write(Buffer.from(bytes))
        client.end()
        await client.closeOutcome()
        const reply = await invoke(host, { channel: 'settings:get', input: {} })
        expect(reply.status).toBe(200)
      }),
      { numRuns: 60, seed: 1306 }
    )
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('cuts off a page that stops reading its events, and only that page', async () => {
    let broadcast: (event: string, payload: unknown) => void = () => undefined
    const listening: WebHostService = {
      dispatch: (channel, input) => service.dispatch(channel, input),
      subscribe: (listener) => {
        broadcast = listener as typeof broadcast
        return service.subscribe(listener)
      }
    }
    const small = await startWebHost({
      service: listening,
      rendererDir,
      token: TOKEN,
      maxPendingEventBytes: MIB,
      reportError: (error) => reported.push(error)
    })
    try {
      const stalled = await RawWebSocket.open(small.port, eventsPath(small))
      stalled.pause()
      const reader = await openEvents(small)
      const big = 'x'.repeat(MIB)
      // The kernel buffers several MiB for the stalled page before the host's own queue grows.
      for (let i = 0; i < 64 && (await small.connectionCount()) === 2; i++) {
        const heard = nextMessage(reader)
        broadcast('settings:changed', { filler: big, i })
        expect(JSON.parse(await heard)).toMatchObject({ payload: { i } })
      }
      expect(await small.connectionCount()).toBe(1)
      const heard = nextMessage(reader)
      broadcast('settings:changed', { after: true })
      expect(JSON.parse(await heard)).toMatchObject({ payload: { after: true } })
      await closeEvents(reader)
      stalled.destroy()
      await expectNoLeftoverConnections(small)
    } finally {
      await small.close()
    }
  })
})

interface RawExchange {
  readonly socket: Socket
  /** Everything the host sent, once it closed the connection. */
  readonly closed: Promise<string>
}

/** A raw TCP exchange with the host: write `bytes`, collect everything until the connection closes. */
function rawExchange(port: number, bytes: string | Buffer): RawExchange {
  const socket = connect(port, '127.0.0.1')
  let received = ''
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
  socket.on('error', () => undefined)
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)))
  socket.write(bytes)
  return { socket, closed }
}

function postHead(port: number, contentLength: number): string {
  return [
    'POST /api/invoke HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/json',
    `Authorization: Bearer ${TOKEN}`,
    `Content-Length: ${contentLength}`,
    'Connection: close',
    '',
    ''
  ].join('\r\n')
}

function upgradeHead(target: string): string {
  return [
    `GET ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${host.port}`,
    `Origin: http://127.0.0.1:${host.port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    '',
    ''
  ].join('\r\n')
}

describe('the browser host facing a hostile HTTP client', () => {
  it('answers a request that is not HTTP with 400 and goes on', async () => {
    const answer = await rawExchange(host.port, 'THIS IS NOT HTTP\r\n\r\n').closed
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('answers headers that are far too large with 431 and goes on', async () => {
    const big = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`
    expect(await rawExchange(host.port, big).closed).toMatch(/^HTTP\/1\.1 431 /)
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('refuses a request target no URL parser accepts, for a page or an upgrade', async () => {
    const page = `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`
    expect(await rawExchange(host.port, page).closed).toMatch(/^HTTP\/1\.1 400 /)
    expect(await rawExchange(host.port, upgradeHead('http://[')).closed).toMatch(/^HTTP\/1\.1 403 /)
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('stays healthy when a client aborts an upload mid-body', async () => {
    const upload = rawExchange(
      host.port,
      postHead(host.port, 100_000) + '{"channel": "settings:set", '
    )
    setTimeout(() => upload.socket.destroy(), 50)
    await upload.closed
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('stays healthy when a client stops sending mid-body and closes its side', async () => {
    const upload = rawExchange(
      host.port,
      postHead(host.port, 100_000) + '{"channel": "settings:get"'
    )
    upload.socket.end()
    await upload.closed
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('still answers an upload that arrives slowly, piece by piece', async () => {
    const body = JSON.stringify({ channel: 'settings:get', input: {} })
    const upload = rawExchange(host.port, postHead(host.port, Buffer.byteLength(body)))
    for (const piece of [body.slice(0, 5), body.slice(5, 20), body.slice(20)]) {
      await new Promise((resolve) => setTimeout(resolve, 60))
      upload.socket.write(piece)
    }
    const answer = await upload.closed
    expect(answer).toMatch(/^HTTP\/1\.1 200 /)
    expect(answer).toContain('"ok":true')
  })

  it('refuses a declared body over the limit with 413 before reading it, and closes', async () => {
    const answer = await rawExchange(host.port, postHead(host.port, 1024 * MIB)).closed
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(answer).toContain('body larger than')
    await expectHealthy()
    await expectNoLeftoverConnections()
  })

  it('closes a refused upgrade instead of leaving it half open', async () => {
    const answer = await rawExchange(host.port, upgradeHead('/api/events?token=wrong')).closed
    expect(answer).toMatch(/^HTTP\/1\.1 403 /)
    await expectNoLeftoverConnections()
  })

  it.skipIf(!existsSync('/proc/self/mem'))(
    'survives a page file that fails while it is being sent (needs Linux /proc/self/mem)',
    async () => {
      await send(host, '/unreadable.js').catch(() => undefined)
      await expectHealthy()
      await expectNoLeftoverConnections()
    }
  )

  it('survives a client that leaves while its call is still running', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    let started: () => void = () => undefined
    const callStarted = new Promise<void>((resolve) => (started = resolve))
    const slow: WebHostService = {
      dispatch: async (channel, input) => {
        if (channel === 'app:info') {
          started()
          await held
        }
        return service.dispatch(channel, input)
      },
      subscribe: (listener) => service.subscribe(listener)
    }
    const slowHost = await startWebHost({
      service: slow,
      rendererDir,
      token: TOKEN,
      reportError: (error) => reported.push(error)
    })
    try {
      const body = JSON.stringify({ channel: 'app:info', input: {} })
      const left = rawExchange(
        slowHost.port,
        postHead(slowHost.port, Buffer.byteLength(body)) + body
      )
      await callStarted
      left.socket.destroy()
      await left.closed
      release()
      await expectHealthy(slowHost)
      await expectNoLeftoverConnections(slowHost)
    } finally {
      await slowHost.close()
    }
  })
})

describe('the browser host when its own code fails', () => {
  it('answers 500 for a call whose handler throws, reports it, and goes on', async () => {
    const own: unknown[] = []
    const broken: WebHostService = {
      dispatch: (channel, input) => {
        if (channel === 'settings:get') throw new Error('handler bug')
        return service.dispatch(channel, input)
      },
      subscribe: (listener) => service.subscribe(listener)
    }
    const brokenHost = await startWebHost({
      service: broken,
      rendererDir,
      token: TOKEN,
      reportError: (error) => own.push(error)
    })
    try {
      const reply = await invoke(brokenHost, { channel: 'settings:get', input: {} })
      expect(reply.status).toBe(500)
      expect(JSON.parse(reply.body)).toMatchObject({
        ok: false,
        error: { code: 'internal', key: 'service.internal', params: { detail: 'handler bug' } }
      })
      expect(own).toHaveLength(1)
      const next = await invoke(brokenHost, { channel: 'app:info', input: {} })
      expect(next.status).toBe(200)
      await expectNoLeftoverConnections(brokenHost)
    } finally {
      await brokenHost.close()
    }
  })
})
