import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openStore } from '../store/open-store'
import { LabService } from '../service/lab-service'
import {
  invoke as invokeOn,
  send as sendTo,
  type Reply,
  type SendOptions
} from './testing/host-client'
import { startWebHost, type WebHost } from './web-host'

let host: WebHost
const TOKEN = 'test-token-123'

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'alloclab-web-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>AllocLab</title>')
  host = await startWebHost({
    service: new LabService(openStore(':memory:'), 'browser'),
    rendererDir: dir,
    token: TOKEN
  })
})
afterAll(async () => host.close())

function send(path: string, options: SendOptions = {}): Promise<Reply> {
  return sendTo(host, path, options)
}

function invoke(body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return invokeOn(host, body, headers)
}

describe('browser host', () => {
  it('prints a 127.0.0.1 URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`)
  })

  it('serves the page with cross-origin isolation and the CSP', async () => {
    const reply = await send('/')
    expect(reply.status).toBe(200)
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(reply.headers['cross-origin-embedder-policy']).toBe('require-corp')
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'")
    expect(reply.body).toContain('AllocLab')
  })

  it('answers an API call that carries the token', async () => {
    const reply = await invoke({ channel: 'settings:get', input: {} })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { language: 'en', theme: 'system', presentation: false }
    })
  })

  it('refuses an API call without the token', async () => {
    const reply = await invoke({ channel: 'settings:get', input: {} }, { authorization: '' })
    expect(reply.status).toBe(401)
  })

  it('refuses an API call with a wrong token', async () => {
    const reply = await invoke(
      { channel: 'settings:get', input: {} },
      { authorization: 'Bearer nope' }
    )
    expect(reply.status).toBe(401)
  })

  it('refuses a call from a foreign Origin even with the token', async () => {
    const reply = await invoke(
      { channel: 'settings:get', input: {} },
      { origin: 'http://evil.example' }
    )
    expect(reply.status).toBe(403)
  })

  it('refuses a request whose Host is not this server (DNS rebinding)', async () => {
    const reply = await send('/', { headers: { host: `evil.example:${host.port}` } })
    expect(reply.status).toBe(403)
  })

  it('does not serve files outside the renderer folder', async () => {
    const reply = await send('/..%2f..%2f..%2fetc%2fpasswd')
    expect(reply.status).toBe(404)
  })

  it('reports malformed JSON as a clear invalid-input error', async () => {
    const reply = await send('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{"channel": '
    })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body).error.message).toContain('not valid JSON')
  })

  it('validates the input of every call', async () => {
    const reply = await invoke({ channel: 'settings:set', input: { theme: 42 } })
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('pushes events over the WebSocket to a client with the token', async () => {
    const origin = `http://127.0.0.1:${host.port}`
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${TOKEN}`, {
      origin
    })
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    const message = new Promise<string>((resolve) =>
      socket.once('message', (data) => resolve(String(data)))
    )
    await invoke({ channel: 'settings:set', input: { theme: 'dark' } })
    expect(JSON.parse(await message)).toEqual({
      event: 'settings:changed',
      payload: { language: 'en', theme: 'dark', presentation: false }
    })
    socket.close()
  })

  it('refuses a WebSocket without the token or from a foreign Origin', async () => {
    for (const [url, origin] of [
      [`ws://127.0.0.1:${host.port}/api/events`, `http://127.0.0.1:${host.port}`],
      [`ws://127.0.0.1:${host.port}/api/events?token=${TOKEN}`, 'http://evil.example']
    ] as const) {
      const socket = new WebSocket(url, { origin })
      const outcome = await new Promise<string>((resolve) => {
        socket.once('open', () => resolve('open'))
        socket.once('error', () => resolve('refused'))
      })
      expect(outcome).toBe('refused')
    }
  })

  it('answers calls sent over the event socket, each reply carrying its call’s number', async () => {
    const origin = `http://127.0.0.1:${host.port}`
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${TOKEN}`, {
      origin
    })
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    const replies = new Map<number, unknown>()
    const done = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { reply?: number; result?: unknown }
        if (frame.reply !== undefined) replies.set(frame.reply, frame.result)
        if (replies.size === 2) resolve()
      })
    )
    socket.send(JSON.stringify({ call: 7, channel: 'settings:get', input: {} }))
    socket.send(JSON.stringify({ call: 8, channel: 'settings:get', input: { extra: 1 } }))
    await done
    expect(replies.get(7)).toMatchObject({ ok: true, value: { language: 'en' } })
    expect(replies.get(8)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    socket.close()
  })

  it('closes a socket that sends what is not a call, and goes on answering everyone else', async () => {
    const origin = `http://127.0.0.1:${host.port}`
    for (const junk of ['not json', JSON.stringify({ call: -1, channel: 'settings:get' }), '[]']) {
      const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${TOKEN}`, {
        origin
      })
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
      const closed = new Promise<number>((resolve) => socket.once('close', resolve))
      socket.send(junk)
      expect(await closed).toBe(1008)
    }
    const reply = await invoke({ channel: 'settings:get', input: {} })
    expect(reply.status).toBe(200)
  })
})
