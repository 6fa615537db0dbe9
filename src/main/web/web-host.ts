import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import {
  WEB_EVENTS_PATH,
  WEB_INVOKE_PATH,
  WEB_SOCKET_CALL_MAX_BYTES,
  WEB_TOKEN_PARAM,
  WebSocketCallSchema
} from '@shared/api'
import { MAX_SCENARIO_CHARS } from '@shared/run-schemas'
import { LabError } from '@shared/lab-error'
import type { LabService } from '../service/lab-service'
import { toLabErrorData } from '../service/lab-errors'
import { readJsonBody } from './json-body'
import { RequestGuard } from './request-guard'
import { SECURITY_HEADERS } from './security-headers'
import { openStaticFile, resolveStaticFile } from './static-files'

/** Largest API request body accepted: the longest scenario the API takes, with room for the rest. */
const MAX_BODY_BYTES = MAX_SCENARIO_CHARS + 1024 * 1024

/**
 * Largest WebSocket message a page may send us: a call (ws closes with 1009
 * above). Calls with more to send, a scenario to run, come by HTTP.
 */
const MAX_CLIENT_MESSAGE_BYTES = WEB_SOCKET_CALL_MAX_BYTES

/**
 * Events queued for one page that is not reading them. Past this the page is
 * cut off (it reconnects and catches up through the API) rather than letting
 * the host's memory grow without bound.
 */
const MAX_PENDING_EVENT_BYTES = 16 * 1024 * 1024

/** A request's headers must arrive within this, and the whole request within the next. */
const HEADERS_TIMEOUT_MS = 20_000
const REQUEST_TIMEOUT_MS = 120_000

/** What the browser host needs of the service: calls in, pushed events out. */
export type WebHostService = Pick<LabService, 'dispatch' | 'subscribe'>

export interface WebHostOptions {
  readonly service: WebHostService
  /** Folder with the built renderer (index.html and assets). */
  readonly rendererDir: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Fixed token for tests; a fresh random one otherwise. */
  readonly token?: string
  /**
   * Told about failures that are the host's own (a handler that threw, an
   * event that could not be sent), never about clients that misbehave or
   * leave. Defaults to one line on stderr.
   */
  readonly reportError?: (error: unknown) => void
  /** For tests: how many queued event bytes cut a page off (see MAX_PENDING_EVENT_BYTES). */
  readonly maxPendingEventBytes?: number
}

export interface WebHost {
  readonly url: string
  readonly port: number
  readonly token: string
  /** Open TCP connections, event sockets included: what a client that left would leak. */
  connectionCount(): Promise<number>
  close(): Promise<void>
}

/**
 * The browser host: serves the renderer and carries LabApi on 127.0.0.1
 * only: calls over HTTP or the page's WebSocket, pushed events over the
 * WebSocket.
 *
 * No client can take it down: every socket, request, response and WebSocket
 * has its `error` handled, so a bad frame, a malformed request, an upload cut
 * off half way or a handler that throws ends that one exchange and nothing
 * else. Everything a run holds lives in this process; losing it to one bad
 * page would lose every run.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const reportError = options.reportError ?? reportToStderr
  const maxPendingEventBytes = options.maxPendingEventBytes ?? MAX_PENDING_EVENT_BYTES
  const server = createServer({
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS
  })
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES })
  await listen(server, options.port ?? 0)
  const port = (server.address() as AddressInfo).port
  const guard = new RequestGuard(token, port)

  // A listening server's own error (rare: the system ran out of descriptors)
  // must not be an uncaught exception either; connections already open go on.
  server.on('error', reportError)
  server.on('clientError', answerMalformedRequest)

  server.on('request', (request, response) => {
    // A client that resets mid-body makes the request emit `error`; the body
    // reader sees it and the exchange is dropped below. The response can fail
    // the same way while we write to a socket that is gone.
    request.on('error', () => response.destroy())
    response.on('error', () => response.destroy())
    handleRequest(request, response, guard, options).catch((error: unknown) => {
      // A client that went away is not the host's failure; there is nobody to answer.
      if (response.destroyed || request.socket.destroyed) return void response.destroy()
      reportError(error)
      failRequest(response, error)
    })
  })

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the raw socket over without its own error listener.
    socket.on('error', () => socket.destroy())
    try {
      if (!upgradeAllowed(request, guard)) {
        return refuseConnection(socket, '403 Forbidden')
      }
      sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request))
    } catch (error) {
      reportError(error)
      socket.destroy()
    }
  })

  sockets.on('connection', (ws: WebSocket) => {
    // ws has already answered a bad frame with the right close code
    // (1002 protocol error, 1007 bad UTF-8, 1009 too large) and closes the
    // socket; the error only needs a listener so it is not thrown.
    ws.on('error', () => undefined)
    ws.on('message', (data, isBinary) => {
      answerSocketCall(ws, data, isBinary, options, maxPendingEventBytes).catch(reportError)
    })
  })

  const unsubscribe = options.service.subscribe((event, payload) => {
    try {
      const frame = JSON.stringify({ event, payload })
      for (const client of sockets.clients) sendEvent(client, frame, maxPendingEventBytes)
    } catch (error) {
      reportError(error)
    }
  })

  return {
    url: `http://127.0.0.1:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    port,
    token,
    connectionCount: () =>
      new Promise((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count)))
      ),
    close: async () => {
      unsubscribe()
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

function upgradeAllowed(request: IncomingMessage, guard: RequestGuard): boolean {
  const url = requestUrl(request)
  return (
    url !== undefined &&
    url.pathname === WEB_EVENTS_PATH &&
    guard.hostAllowed(request) &&
    request.headers.origin !== undefined &&
    guard.originAllowed(request) &&
    guard.tokenMatches(url.searchParams.get(WEB_TOKEN_PARAM))
  )
}

/** Queue one event or reply for a page, or cut the page off if it stopped reading long ago. */
function sendEvent(client: WebSocket, frame: string, maxPendingBytes: number): void {
  if (client.readyState !== client.OPEN) return
  if (client.bufferedAmount > maxPendingBytes) return client.terminate()
  client.send(frame)
}

/** The WebSocket close code for a message that is not a call (RFC 6455: policy violation). */
const NOT_A_CALL = 1008

/**
 * A call that came over the page's WebSocket: answered on the same socket,
 * the reply carrying the call's number. A message that is not a call closes
 * that socket only; the page reconnects and its calls go on by HTTP.
 */
async function answerSocketCall(
  ws: WebSocket,
  data: RawData,
  isBinary: boolean,
  options: WebHostOptions,
  maxPendingBytes: number
): Promise<void> {
  let message: unknown
  try {
    message = isBinary ? undefined : JSON.parse(rawText(data))
  } catch {
    message = undefined
  }
  const call = WebSocketCallSchema.safeParse(message)
  if (!call.success) return ws.close(NOT_A_CALL, 'not a call')
  const result = await options.service.dispatch(call.data.channel, call.data.input)
  sendEvent(ws, JSON.stringify({ reply: call.data.call, result }), maxPendingBytes)
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data as ArrayBuffer).toString('utf8')
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  guard: RequestGuard,
  options: WebHostOptions
): Promise<void> {
  if (!guard.hostAllowed(request)) return sendText(response, 403, 'Forbidden: unknown Host')
  if (!guard.originAllowed(request)) return sendText(response, 403, 'Forbidden: foreign Origin')
  const url = requestUrl(request)
  if (!url) return sendText(response, 400, 'Bad request target')

  if (url.pathname === WEB_INVOKE_PATH) {
    if (request.method !== 'POST') return sendText(response, 405, 'Use POST')
    if (!guard.tokenMatches(guard.bearerToken(request))) {
      return sendJson(response, 401, {
        ok: false,
        error: toLabErrorData(new LabError('invalid-input', 'service.badToken'))
      })
    }
    const body = await readJsonBody(request, MAX_BODY_BYTES)
    if (!body.ok) {
      // Whatever is left of a refused body is not worth reading on this connection.
      const extra: Record<string, string> = body.status === 413 ? { Connection: 'close' } : {}
      return sendJson(
        response,
        body.status,
        {
          ok: false,
          error: toLabErrorData(
            new LabError('invalid-input', 'service.badRequestBody', { detail: body.message })
          )
        },
        extra
      )
    }
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
  // pipeline destroys both ends if either fails (file unreadable, client gone) and reports it.
  await pipeline(openStaticFile(file), response)
}

/** The request target as a URL; undefined for one `new URL` cannot parse (`GET http://[ HTTP/1.1`). */
function requestUrl(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', 'http://127.0.0.1')
  } catch {
    return undefined
  }
}

/** A handler failed: answer 500 if the headers are still ours to send, else cut the response off. */
function failRequest(response: ServerResponse, error: unknown): void {
  if (response.headersSent) return void response.destroy()
  try {
    sendJson(response, 500, { ok: false, error: toLabErrorData(error) })
  } catch {
    response.destroy()
  }
}

/** How to answer what Node's parser refused; anything else it refuses is a 400. */
const MALFORMED_REQUEST_STATUS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout'
}

/**
 * Node's parser refused what a client sent (not HTTP, headers too large, too
 * slow): answer in HTTP if nothing was sent on the socket yet, as Node's
 * default does, and close that connection only.
 */
function answerMalformedRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable || (socket as Socket).bytesWritten > 0) {
    return void socket.destroy()
  }
  refuseConnection(socket, MALFORMED_REQUEST_STATUS[error.code ?? ''] ?? '400 Bad Request')
}

/**
 * Answer with a bare status line and close. destroySoon, not end: the server
 * keeps half-open sockets, and a client that never closes its side must not
 * hold the connection.
 */
function refuseConnection(socket: Duplex, status: string): void {
  const net = socket as Socket
  net.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
  net.destroySoon()
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string>> = {}
): void {
  const text = JSON.stringify(value)
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
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

function reportToStderr(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`alloclab web: ${text}\n`)
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
