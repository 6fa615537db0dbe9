import { z } from 'zod'
import {
  LabErrorSchema,
  WEB_EVENTS_PATH,
  WEB_INVOKE_PATH,
  WEB_SOCKET_CALL_MAX_BYTES,
  WEB_TOKEN_PARAM,
  labEvents,
  type LabEventName,
  type LabResult
} from '@shared/api'
import type { EncodedBodyBridge } from './encoded-body'
import { WebHostError } from './web-host-error'

/** The parts of `window.location` the bridge reads. */
export interface WebBridgeLocation {
  readonly protocol: string
  readonly host: string
  readonly search: string
}

/** What the bridge wants to hear from its event socket. */
export interface EventSocketHandlers {
  opened(): void
  received(data: unknown): void
  closed(): void
}

/** What the bridge may do with its open socket. */
export interface SocketLink {
  /** Send a text frame; false when the socket is not open (nothing was sent). */
  send(text: string): boolean
}

export interface WebBridgeEnvironment {
  fetch: (url: string, init: RequestInit) => Promise<Response>
  /** Opens a WebSocket to `url` and reports its life to `handlers`. */
  openSocket: (url: string, handlers: EventSocketHandlers) => SocketLink
  /** Runs `task` after `delayMs`; the reconnect backoff goes through it. */
  schedule: (task: () => void, delayMs: number) => void
}

const FIRST_RECONNECT_DELAY_MS = 500
const MAX_RECONNECT_DELAY_MS = 15_000

const LabResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: LabErrorSchema })
])

const EventFrameSchema = z.object({ event: z.string(), payload: z.unknown() })
const ReplyFrameSchema = z.object({ reply: z.number(), result: LabResultSchema })

/** A call sent over the socket, waiting for its reply. */
interface PendingCall {
  readonly channel: string
  readonly settle: (result: LabResult<unknown>) => void
  readonly fail: (error: WebHostError) => void
}

function defaultEnvironment(): WebBridgeEnvironment {
  return {
    fetch: (url, init) => globalThis.fetch(url, init),
    openSocket: (url, handlers) => {
      const socket = new WebSocket(url)
      socket.onopen = () => handlers.opened()
      socket.onmessage = (message) => handlers.received(message.data)
      socket.onclose = () => handlers.closed()
      return {
        send(text) {
          if (socket.readyState !== WebSocket.OPEN) return false
          socket.send(text)
          return true
        }
      }
    },
    schedule: (task, delayMs) => {
      globalThis.setTimeout(task, delayMs)
    }
  }
}

/**
 * The LabBridge of the browser host (protocol documented beside
 * WEB_INVOKE_PATH in @shared/api). One WebSocket, authenticated by the
 * launch secret from the page's own `?token=`, is opened on the first call or
 * subscription and reopened with backoff if it drops: pushed events arrive on
 * it, and while it is open calls go over it too, each a frame out and a
 * frame back. Until it opens, and for a call too large for a frame, the call
 * is POSTed with the secret as a bearer credential.
 */
export function createWebBridge(
  location: WebBridgeLocation,
  environment: WebBridgeEnvironment = defaultEnvironment()
): EncodedBodyBridge {
  const token = new URLSearchParams(location.search).get(WEB_TOKEN_PARAM)
  const listeners = new Map<LabEventName, Set<(payload: unknown) => void>>()
  let socketActive = false
  let reconnectDelayMs = FIRST_RECONNECT_DELAY_MS

  let socket: SocketLink | null = null
  let socketOpen = false
  /** A call was made: the socket is wanted even with no one listening to events. */
  let calling = false
  let nextCall = 0
  const pending = new Map<number, PendingCall>()

  function invoke(channel: string, input: unknown): Promise<LabResult<unknown>> {
    calling = true
    connect()
    if (socketOpen && socket) {
      const call = nextCall++
      const text = JSON.stringify({ call, channel, input })
      if (fitsFrame(text)) {
        const answer = new Promise<LabResult<unknown>>((settle, fail) =>
          pending.set(call, { channel, settle, fail })
        )
        if (socket.send(text)) return answer
        pending.delete(call)
      }
    }
    return post(channel, JSON.stringify({ channel, input }))
  }

  /** At most WEB_SOCKET_CALL_MAX_BYTES in UTF-8 (up to 3 bytes a UTF-16 unit); counted only near the limit. */
  function fitsFrame(text: string): boolean {
    if (text.length * 3 <= WEB_SOCKET_CALL_MAX_BYTES) return true
    if (text.length > WEB_SOCKET_CALL_MAX_BYTES) return false
    return new TextEncoder().encode(text).length <= WEB_SOCKET_CALL_MAX_BYTES
  }

  async function post(channel: string, body: string | Blob): Promise<LabResult<unknown>> {
    if (!token) {
      throw new WebHostError('missing-token', `the page address has no ?${WEB_TOKEN_PARAM}=`)
    }
    let response: Response
    try {
      response = await environment.fetch(WEB_INVOKE_PATH, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
        cache: 'no-store'
      })
    } catch (error) {
      throw new WebHostError('unreachable', error instanceof Error ? error.message : String(error))
    }
    if (response.status === 401 || response.status === 403) {
      throw new WebHostError('refused', `${channel}: HTTP ${response.status}`, response.status)
    }
    // A host may send an error result with a 4xx/5xx status; its message is
    // worth more to the user than the status, so any LabResult body is used.
    const parsed = LabResultSchema.safeParse(await response.json().catch(() => undefined))
    if (!parsed.success) {
      throw new WebHostError('bad-response', `${channel}: HTTP ${response.status}`, response.status)
    }
    const result = parsed.data
    return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error }
  }

  function dispatch(data: unknown): void {
    if (typeof data !== 'string') return
    let frame: unknown
    try {
      frame = JSON.parse(data)
    } catch {
      return
    }
    const reply = ReplyFrameSchema.safeParse(frame)
    if (reply.success) {
      const call = pending.get(reply.data.reply)
      pending.delete(reply.data.reply)
      const result = reply.data.result
      call?.settle(
        result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error }
      )
      return
    }
    const parsed = EventFrameSchema.safeParse(frame)
    if (!parsed.success || !Object.hasOwn(labEvents, parsed.data.event)) return
    const subscribers = listeners.get(parsed.data.event as LabEventName)
    for (const listener of subscribers ?? []) listener(parsed.data.payload)
  }

  function connect(): void {
    if (!token || socketActive) return
    socketActive = true
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
    const query = `${WEB_TOKEN_PARAM}=${encodeURIComponent(token)}`
    socket = environment.openSocket(`${scheme}//${location.host}${WEB_EVENTS_PATH}?${query}`, {
      opened() {
        socketOpen = true
        reconnectDelayMs = FIRST_RECONNECT_DELAY_MS
      },
      received: dispatch,
      closed() {
        socketActive = false
        socketOpen = false
        socket = null
        // Whether the host answered them is unknown: they fail as a lost connection would.
        for (const [call, waiting] of pending) {
          pending.delete(call)
          waiting.fail(new WebHostError('unreachable', `${waiting.channel}: the connection closed`))
        }
        const delayMs = reconnectDelayMs
        reconnectDelayMs = Math.min(reconnectDelayMs * 2, MAX_RECONNECT_DELAY_MS)
        environment.schedule(() => {
          if (calling || hasListeners()) connect()
        }, delayMs)
      }
    })
  }

  function hasListeners(): boolean {
    for (const subscribers of listeners.values()) if (subscribers.size > 0) return true
    return false
  }

  return {
    invoke,
    invokeEncoded: (channel, body) => post(channel, body),
    on(event, listener) {
      const subscribers = listeners.get(event) ?? new Set()
      subscribers.add(listener)
      listeners.set(event, subscribers)
      connect()
      return () => {
        subscribers.delete(listener)
      }
    }
  }
}
