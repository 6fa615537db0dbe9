import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'

/**
 * A WebSocket client made of a bare TCP socket, so a test can send frames no
 * well-behaved client library would produce: unmasked, oversized, with
 * reserved bits or opcodes, truncated, or plain garbage.
 */
export class RawWebSocket {
  private received = Buffer.alloc(0)
  private readonly waiters = new Set<() => void>()
  private ended = false

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk])
      this.wake()
    })
    socket.on('close', () => {
      this.ended = true
      this.wake()
    })
    // A reset from the host is one of the outcomes the tests look at, not a failure.
    socket.on('error', () => undefined)
  }

  /** Open a TCP connection and complete a valid upgrade to `path` (which carries the token). */
  static async open(port: number, path: string): Promise<RawWebSocket> {
    const socket = connect(port, '127.0.0.1')
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve).once('error', reject)
    })
    const client = new RawWebSocket(socket)
    socket.write(
      [
        `GET ${path} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Origin: http://127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        '',
        ''
      ].join('\r\n')
    )
    const head = await client.readHandshake()
    if (!head.startsWith('HTTP/1.1 101')) {
      socket.destroy()
      throw new Error(`upgrade refused: ${head.split('\r\n')[0]}`)
    }
    return client
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes)
  }

  /** Stop sending (half-close), as a client does when it gives up mid-frame. */
  end(): void {
    this.socket.end()
  }

  destroy(): void {
    this.socket.destroy()
  }

  /** Stop reading, so whatever the host sends piles up (a client that never reads). */
  pause(): void {
    this.socket.pause()
  }

  /**
   * What the host did after a bad frame: the status code of the close frame
   * it sent (undefined if it sent none), once the connection is gone.
   */
  async closeOutcome(timeoutMs = 5000): Promise<{ closeCode: number | undefined }> {
    await this.until(() => this.ended, timeoutMs, 'the host to close the connection')
    return { closeCode: firstCloseCode(this.received) }
  }

  private async readHandshake(): Promise<string> {
    await this.until(
      () => this.received.includes('\r\n\r\n') || this.ended,
      5000,
      'the upgrade answer'
    )
    const end = this.received.indexOf('\r\n\r\n')
    const head = this.received.subarray(0, end < 0 ? this.received.length : end).toString('latin1')
    this.received = end < 0 ? Buffer.alloc(0) : this.received.subarray(end + 4)
    return head
  }

  private until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check)
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
      }, timeoutMs)
      const check = (): void => {
        if (!done()) return
        clearTimeout(timer)
        this.waiters.delete(check)
        resolve()
      }
      this.waiters.add(check)
    })
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter()
  }
}

export interface FrameParts {
  readonly opcode: number
  readonly payload?: Buffer
  /** Defaults to true: one complete message. */
  readonly fin?: boolean
  /** RSV1..RSV3 as the three bits under FIN (0b100 is RSV1). */
  readonly reserved?: number
  /** Clients must mask; false sends the payload in the clear. */
  readonly masked?: boolean
  /** Announce this many payload bytes instead of the real length. */
  readonly declaredLength?: number
}

/** Encode one frame as RFC 6455 section 5.2 lays it out. */
export function frame(parts: FrameParts): Buffer {
  const payload = parts.payload ?? Buffer.alloc(0)
  const length = parts.declaredLength ?? payload.length
  const masked = parts.masked ?? true
  const first = ((parts.fin ?? true) ? 0x80 : 0) | ((parts.reserved ?? 0) << 4) | parts.opcode
  const maskBit = masked ? 0x80 : 0
  let header: Buffer
  if (length < 126) {
    header = Buffer.from([first, maskBit | length])
  } else if (length < 0x10000) {
    header = Buffer.alloc(4)
    header.writeUInt8(first, 0)
    header.writeUInt8(maskBit | 126, 1)
    header.writeUInt16BE(length, 2)
  } else {
    header = Buffer.alloc(10)
    header.writeUInt8(first, 0)
    header.writeUInt8(maskBit | 127, 1)
    header.writeBigUInt64BE(BigInt(length), 2)
  }
  if (!masked) return Buffer.concat([header, payload])
  const mask = randomBytes(4)
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!))
  return Buffer.concat([header, mask, body])
}

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9 } as const

/** The status code of the first close frame (server frames are never masked). */
function firstCloseCode(bytes: Buffer): number | undefined {
  let offset = 0
  while (offset + 2 <= bytes.length) {
    const opcode = bytes[offset]! & 0x0f
    let length = bytes[offset + 1]! & 0x7f
    let start = offset + 2
    if (length === 126) {
      length = bytes.readUInt16BE(start)
      start += 2
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(start))
      start += 8
    }
    if (opcode === OPCODE.close) return length >= 2 ? bytes.readUInt16BE(start) : undefined
    offset = start + length
  }
  return undefined
}
