/**
 * Bytes that look random (nothing compresses them) and are the same for the
 * same (version, config): what the save-loop child writes and the fault
 * tests check it against. xorshift32, seeded from both numbers.
 */
export function seededBytes(version: number, config: number, length: number): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4))
  let state = (version * 7919 + config * 104729 + 1) >>> 0
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    words[i] = state >>> 0
  }
  return Buffer.from(words.buffer, 0, length)
}
