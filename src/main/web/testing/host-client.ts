import { request } from 'node:http'
import WebSocket from 'ws'

/** A well-behaved client of a running browser host, for tests. */
export interface HostAddress {
  readonly port: number
  readonly token: string
}

export interface Reply {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

export interface SendOptions {
  readonly method?: string
  readonly headers?: Record<string, string>
  readonly body?: string
}

/** One HTTP request on its own connection (no keep-alive agent, so connection counts stay exact). */
export function send(host: HostAddress, path: string, options: SendOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

export function invoke(
  host: HostAddress,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<Reply> {
  return send(host, '/api/invoke', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${host.token}`,
      ...headers
    },
    body: JSON.stringify(body)
  })
}

export function eventsPath(host: HostAddress): string {
  return `/api/events?token=${host.token}`
}

/** Open the event socket the way the page does. */
export async function openEvents(host: HostAddress): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}${eventsPath(host)}`, {
    origin: `http://127.0.0.1:${host.port}`
  })
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  return socket
}

export function nextMessage(socket: WebSocket): Promise<string> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(String(data))))
}
