import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Decides whether a request may reach the API. The server listens on
 * 127.0.0.1 only, but a web page in the user's browser could still aim
 * requests at it (DNS rebinding, cross-site fetches), so the Host must be
 * ours, any Origin must be ours, and the per-launch token must match.
 */
export class RequestGuard {
  private readonly token: Buffer
  private readonly hosts: ReadonlySet<string>
  private readonly origins: ReadonlySet<string>

  constructor(token: string, port: number) {
    this.token = Buffer.from(token)
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
    this.origins = new Set([...this.hosts].map((h) => `http://${h}`))
  }

  /** Host header names this server (checked for every request, pages included). */
  hostAllowed(request: IncomingMessage): boolean {
    return this.hosts.has(request.headers.host ?? '')
  }

  /** No Origin (same-origin GET, curl) or exactly ours. */
  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin
    return origin === undefined || this.origins.has(origin)
  }

  tokenMatches(candidate: string | null | undefined): boolean {
    if (!candidate) return false
    const given = Buffer.from(candidate)
    return given.length === this.token.length && timingSafeEqual(given, this.token)
  }

  bearerToken(request: IncomingMessage): string | undefined {
    const header = request.headers.authorization ?? ''
    return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined
  }
}
