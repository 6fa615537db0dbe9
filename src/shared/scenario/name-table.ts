/**
 * Names (handles, caches) to dense ids, looked up straight from a span of the
 * source text. A Map would need a fresh substring per lookup and hash it each
 * time; this table hashes the characters in place and compares against the
 * stored name, so only a name seen for the first time becomes a string.
 */
export class NameTable {
  /** Id to name. */
  readonly names: string[] = []
  private hashes = new Int32Array(64)
  /** Open addressing: id + 1 per slot, 0 when empty. Size is a power of two. */
  private slots = new Int32Array(256)

  get size(): number {
    return this.names.length
  }

  /** The id of `text[start, end)`, or -1 when the name is not in the table. */
  find(text: string, start: number, end: number): number {
    const hash = hashSpan(text, start, end)
    const mask = this.slots.length - 1
    const length = end - start
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!
      if (entry === 0) return -1
      const id = entry - 1
      if (this.hashes[id] === hash) {
        const name = this.names[id]!
        if (name.length === length && text.startsWith(name, start)) return id
      }
    }
  }

  /** The id of `text[start, end)`, adding the name when it is new. */
  intern(text: string, start: number, end: number): number {
    const found = this.find(text, start, end)
    return found >= 0 ? found : this.add(text.slice(start, end))
  }

  /** The id of `name`, or -1. */
  lookup(name: string): number {
    return this.find(name, 0, name.length)
  }

  private add(name: string): number {
    const id = this.names.length
    this.names.push(name)
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2)
      grown.set(this.hashes)
      this.hashes = grown
    }
    this.hashes[id] = hashSpan(name, 0, name.length)
    // Keep the table at most half full so probe runs stay short.
    if ((id + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2)
    else this.place(id)
    return id
  }

  private place(id: number): void {
    const mask = this.slots.length - 1
    let slot = this.hashes[id]! & mask
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask
    this.slots[slot] = id + 1
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size)
    for (let id = 0; id < this.names.length; id++) this.place(id)
  }
}

/** FNV-1a over UTF-16 code units. */
function hashSpan(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash
}
