/**
 * The text of a file the user named, or where and why it is not text. A
 * binary file fed to `fmt --write` used to be decoded with replacement
 * characters and written back, destroying it; now such a file is refused
 * before anything looks at it.
 */

/** The first byte that shows the input is not UTF-8 text. */
export interface NotText {
  /** `nul`: a zero byte, which text never holds (a binary file); `utf8`: a byte sequence UTF-8 does not allow. */
  readonly kind: 'nul' | 'utf8'
  /** Offset of the byte from the start of the input, counting from 0. */
  readonly offset: number
  readonly byte: number
}

export type DecodedText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: NotText }

const REPLACEMENT = 0xfffd

/**
 * Decode `bytes` as UTF-8, refusing a zero byte or an invalid sequence. A
 * zero byte anywhere wins: it is the surest sign of a binary file, and
 * "binary" helps more than "not UTF-8" for, say, a PNG. A byte-order mark is
 * kept.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0)
  if (nul >= 0) return notText('nul', nul, bytes)
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    }
  } catch {
    return notText('utf8', firstInvalidOffset(bytes), bytes)
  }
}

/** A string that already went through a decoder (standard input in tests) can still hold a zero character. */
export function checkDecodedText(text: string): DecodedText {
  const nul = text.indexOf('\0')
  if (nul < 0) return { ok: true, text }
  return {
    ok: false,
    problem: { kind: 'nul', offset: Buffer.byteLength(text.slice(0, nul), 'utf8'), byte: 0 }
  }
}

function notText(kind: NotText['kind'], offset: number, bytes: Uint8Array): DecodedText {
  return { ok: false, problem: { kind, offset, byte: bytes[offset] ?? 0 } }
}

/**
 * The offset where decoding first went wrong. The lenient decoder puts U+FFFD
 * where a bad sequence starts; walking the decoded text while counting each
 * character's UTF-8 length finds that place, telling a genuine U+FFFD in the
 * file (bytes EF BF BD) from a replacement.
 */
function firstInvalidOffset(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  let offset = 0
  for (const c of text) {
    const code = c.codePointAt(0)!
    if (
      code === REPLACEMENT &&
      !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)
    ) {
      return offset
    }
    offset += Buffer.byteLength(c, 'utf8')
  }
  return offset
}
