import type { IncomingMessage } from 'node:http'

export type JsonBody =
  | { readonly ok: true; readonly value: object }
  /** `status` is the HTTP status that fits: 400 for a bad body, 413 for one too large. */
  | { readonly ok: false; readonly status: 400 | 413; readonly message: string }

/**
 * Read a request body of at most `maxBytes` as one JSON object. A declared
 * Content-Length over the limit is refused before a byte is read, and a body
 * that grows past it stops being read at once, so an oversized upload costs
 * the host at most `maxBytes` of memory. A client that goes away mid-body
 * makes this reject with the stream's error; the caller drops that exchange.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  const type = request.headers['content-type'] ?? ''
  if (!type.startsWith('application/json'))
    return { ok: false, status: 400, message: 'body must be application/json' }
  const tooLarge = {
    ok: false,
    status: 413,
    message: `body larger than ${maxBytes} bytes`
  } as const
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return tooLarge
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBytes) return tooLarge
    chunks.push(chunk as Buffer)
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, status: 400, message: 'body must be a JSON object {channel, input}' }
    }
    return { ok: true, value }
  } catch (error) {
    return {
      ok: false,
      status: 400,
      message: `body is not valid JSON: ${(error as Error).message}`
    }
  }
}
