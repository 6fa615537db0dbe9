import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { WEB_EVENTS_PATH, WEB_INVOKE_PATH, WEB_TOKEN_PARAM } from '@shared/api'
import { MAX_SCENARIO_CHARS } from '@shared/run-schemas'
import { LabError } from '@shared/lab-error'
import type { LabService } from '../service/lab-service'
import { toLabErrorData } from '../service/lab-errors'
import { RequestGuard } from './request-guard'
import { SECURITY_HEADERS } from './security-headers'
import { openStaticFile, resolveStaticFile } from './static-files'

/** Largest API request body accepted: the longest scenario the API takes, with room for the rest. */
const MAX_BODY_BYTES = MAX_SCENARIO_CHARS + 1024 * 1024

export interface WebHostOptions {
  readonly service: LabService
  /** Folder with the built renderer (index.html and assets). */
  readonly rendererDir: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Fixed token for tests; a fresh random one otherwise. */
  readonly token?: string
}

export interface WebHost {
  readonly url: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

/**
 * The browser host: serves the renderer and carries LabApi over HTTP (calls)
 * and a WebSocket (pushed events) on 127.0.0.1 only.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const server = createServer()
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })
  await listen(server, options.port ?? 0)
  const port = (server.address() as AddressInfo).port
  const guard = new RequestGuard(token, port)

  server.on('request', (request, response) => {
    handleRequest(request, response, guard, options).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: toLabErrorData(new Error(message)) })
      else response.destroy()
    })
  })

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const allowed =
      url.pathname === WEB_EVENTS_PATH &&
      guard.hostAllowed(request) &&
      request.headers.origin !== undefined &&
      guard.originAllowed(request) &&
      guard.tokenMatches(url.searchParams.get(WEB_TOKEN_PARAM))
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request))
  })

  const unsubscribe = options.service.subscribe((event, payload) => {
    const frame = JSON.stringify({ event, payload })
    for (const client of sockets.clients as Set<WebSocket>) {
      if (client.readyState === client.OPEN) client.send(frame)
    }
  })

  return {
    url: `http://127.0.0.1:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe()
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  guard: RequestGuard,
  options: WebHostOptions
): Promise<void> {
  if (!guard.hostAllowed(request)) return sendText(response, 403, 'Forbidden: unknown Host')
  if (!guard.originAllowed(request)) return sendText(response, 403, 'Forbidden: foreign Origin')
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')

  if (url.pathname === WEB_INVOKE_PATH) {
    if (request.method !== 'POST') return sendText(response, 405, 'Use POST')
    if (!guard.tokenMatches(guard.bearerToken(request))) {
      return sendJson(response, 401, {
        ok: false,
        error: toLabErrorData(new LabError('invalid-input', 'service.badToken'))
      })
    }
    const body = await readJsonBody(request)
    if (!body.ok)
      return sendJson(response, 400, {
        ok: false,
        error: toLabErrorData(
          new LabError('invalid-input', 'service.badRequestBody', { detail: body.message })
        )
      })
    const { channel, input } = body.value as { channel?: unknown; input?: unknown }
    return sendJson(response, 200, await options.service.dispatch(channel, input))
  }

  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendText(response, 405, 'Method not allowed')
  const file = resolveStaticFile(options.rendererDir, url.pathname)
  if (!file) return sendText(response, 404, 'Not found')
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': file.size,
    'Cache-Control': 'no-cache'
  })
  if (request.method === 'HEAD') return void response.end()
  openStaticFile(file).pipe(response)
}

type BodyResult = { ok: true; value: object } | { ok: false; message: string }

async function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  const type = request.headers['content-type'] ?? ''
  if (!type.startsWith('application/json'))
    return { ok: false, message: 'body must be application/json' }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES)
      return { ok: false, message: `body larger than ${MAX_BODY_BYTES} bytes` }
    chunks.push(chunk as Buffer)
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, message: 'body must be a JSON object {channel, input}' }
    }
    return { ok: true, value }
  } catch (error) {
    return { ok: false, message: `body is not valid JSON: ${(error as Error).message}` }
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value)
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store'
  })
  response.end(text)
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text)
  })
  response.end(text)
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
}
