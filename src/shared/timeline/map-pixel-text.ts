import { MAP_STATES, type MapStateName } from '../vocabulary/map-states'

/**
 * A downsampled map's pixels as they travel: one character per pixel, the
 * digit of its state's index in MAP_STATES ("0" free, "1" used, ...), and a
 * second string of "0"/"1" for pixels other states share. A 1024-pixel map
 * is 2 KB this way instead of 13 KB of JSON words, and a window that asks
 * one per pane at every step parses it in a fraction of the time.
 */
export const PIXEL_STATES_PATTERN = new RegExp(`^[0-${MAP_STATES.length - 1}]*$`)
export const PIXEL_MIXED_PATTERN = /^[01]*$/

const ZERO = 48

/** State codes (indexes in MAP_STATES) or mixed flags (0 or 1) as pixel text. */
export function pixelText(digits: ArrayLike<number>): string {
  // A chunk at a time: fromCharCode takes its arguments on the stack.
  const CHUNK = 4096
  const parts: string[] = []
  const chars = new Array<number>(Math.min(CHUNK, digits.length))
  for (let start = 0; start < digits.length; start += CHUNK) {
    const end = Math.min(digits.length, start + CHUNK)
    chars.length = end - start
    for (let i = start; i < end; i++) chars[i - start] = ZERO + digits[i]!
    parts.push(String.fromCharCode(...chars))
  }
  return parts.join('')
}

/** Pixel text back to the codes or flags it holds. */
export function pixelCodes(text: string): Uint8Array {
  const codes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i) - ZERO
  return codes
}

/** The state of pixel `index` of pixel text. */
export function pixelState(text: string, index: number): MapStateName {
  return MAP_STATES[text.charCodeAt(index) - ZERO] ?? 'free'
}
