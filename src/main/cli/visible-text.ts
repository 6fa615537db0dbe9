/**
 * User-supplied text made safe to print. A scenario, a file name or an option
 * value can hold an escape sequence that recolours or rewrites the user's
 * terminal, a bell, a carriage return that hides what came before, or a
 * bidirectional override that shows a name in a different order than it is
 * stored. Every such character is shown as an escape instead: `\x1b` for one
 * below U+0100, `\u202e` above.
 *
 * Escaping is idempotent (escaped text holds no such character), so a message
 * built from escaped parts can safely be escaped again on its way out. The
 * price: a backslash is shown as itself, so a name that really contains the
 * four characters `\x1b` reads the same as one holding ESC. Doubling every
 * backslash instead would garble every Windows path in every message.
 */
import type { MessageParams } from '@shared/i18n/translate'

/**
 * C0 and C1 controls and DEL (\p{Cc}), line and paragraph separators, the
 * bidirectional marks, embeddings, overrides and isolates, and the invisible
 * zero-width space and byte-order mark.
 */
const INVISIBLE = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu

/** Which layout characters to leave alone: none (one value inside a message), line breaks (a whole message), or line breaks and tabs (a document). */
export type KeepLayout = 'none' | 'lines' | 'lines-and-tabs'

/** `text` with every invisible or terminal-controlling character shown as an escape. */
export function visibleText(text: string, keep: KeepLayout = 'none'): string {
  return text.replace(INVISIBLE, (c) => {
    if (c === '\n' && keep !== 'none') return c
    if (c === '\t' && keep === 'lines-and-tabs') return c
    return escapeOf(c)
  })
}

/** The params of a message with every string value escaped (numbers pass as they are). */
export function visibleParams(params: MessageParams | undefined): MessageParams | undefined {
  if (!params) return params
  const out: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === 'string' ? visibleText(value) : value
  }
  return out
}

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1 controls,
 * separators, bidirectional marks) written as `\uXXXX` escapes: still valid
 * JSON that parses to the same values, and harmless on a terminal. C0
 * controls are left alone: inside strings JSON.stringify has escaped them
 * already, so the ones left are the line breaks of its indentation.
 */
export function jsonWithoutControls(json: string): string {
  return json.replace(INVISIBLE, (c) => (c < ' ' ? c : `\\u${hex(c, 4)}`))
}

function escapeOf(c: string): string {
  const code = c.codePointAt(0)!
  return code < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`
}

function hex(c: string, digits: number): string {
  return c.codePointAt(0)!.toString(16).padStart(digits, '0')
}
