import { z } from 'zod'
import {
  LabErrorSchema,
  WEB_EVENTS_PATH,
  WEB_INVOKE_PATH,
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

export interface WebBridgeEnvironment {
  fetch: (url: string, init: RequestInit) => Promise<Response>
  /** Opens a WebSocket to `url` and reports its life to `handlers`. */
  openSocket: (url: string, handlers: EventSocketHandlers) => void
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

function defaultEnvironment(): WebBridgeEnvironment {
  return {
    fetch: (url, init) => globalThis.fetch(url, init),
    openSocket: (url, handlers) => {
      const socket = new WebSocket(url)
      socket.onopen = () => handlers.opened()
      socket.onmessage = (message) => handlers.received(message.data)
      socket.onclose = () => handlers.closed()
    },
    schedule: (task, delayMs) => {
      globalThis.setTimeout(task, delayMs)
    }
  }
}

/**
 * The LabBridge of the browser host (protocol documented beside
 * WEB_INVOKE_PATH in @shared/api): calls are POSTed with the launch secret
 * from the page's own `?token=`, pushed events arrive over one WebSocket that
 * is opened on the first subscription and reopened with backoff if it drops.
 */
export function createWebBridge(
  location: WebBridgeLocation,
  environment: WebBridgeEnvironment = defaultEnvironment()
): EncodedBodyBridge {
  const token = new URLSearchParams(location.search).get(WEB_TOKEN_PARAM)
  const listeners = new Map<LabEventName, Set<(payload: unknown) => void>>()
  let socketActive = false
  let reconnectDelayMs = FIRST_RECONNECT_DELAY_MS

  function invoke(channel: string, input: unknown): Promise<LabResult<unknown>> {
    return post(channel, JSON.stringify({ channel, input }))
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
    environment.openSocket(`${scheme}//${location.host}${WEB_EVENTS_PATH}?${query}`, {
      opened() {
        reconnectDelayMs = FIRST_RECONNECT_DELAY_MS
      },
      received: dispatch,
      closed() {
        socketActive = false
        const delayMs = reconnectDelayMs
        reconnectDelayMs = Math.min(reconnectDelayMs * 2, MAX_RECONNECT_DELAY_MS)
        environment.schedule(() => {
          if (hasListeners()) connect()
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
