import type { CompiledProgram } from '@shared/scenario/program'
import type { FramePool } from '../frame-pool'
import { INBAND_MIN_BLOCK, INBAND_WORD, type HeapConfig } from './heap-config'
import { HEAP_STATE_SLOTS, HeapState, SIDE_RECORD_WORDS, sideRecordCapacity } from './heap-layout'
import { InvariantFailure } from '../invariant-failure'

// Module-local alias: transpiled imports are getter calls, too dear per request.
const S = HeapState

/** Word offsets inside a side record. The first three match an in-band block's. */
const Field = {
  /** Block size in bytes. */
  SIZE: 0,
  LIST_NEXT: 1,
  LIST_PREV: 2,
  /** Offset of the block's first byte from the arena start. */
  START: 3,
  PHYS_PREV: 4,
  PHYS_NEXT: 5,
  STATE: 6
} as const

/** Side-record states. */
const Record = {
  Allocated: 0,
  Free: 1,
  /** Merged away; waits on the record stack (linked through LIST_NEXT) for reuse. */
  Released: 2
} as const

/**
 * Where block metadata lives, in either of two layouts, behind one set of
 * small accessors the fit algorithm is written against. Both layouts keep a
 * block in an Int32Array of words and name it by the index of its first word,
 * with its size word first and its free-list links next, so the accessors the
 * list scans use (size, next, prev) are the same code for both.
 *
 * In-band, as a real malloc (CS:APP's explicit free list): the words are the
 * arena's bytes in the frame pool, and every block carries boundary tags.
 * Block ids are Int32 indexes (byte offset / 4) whatever the tag word size.
 *
 *   Int32 0           header: block size in bytes | 1 if allocated
 *   Int32 1, 2        free blocks only: next and prev free-list links, as
 *                     block ids (-1 = none)
 *   last tag word     footer: a copy of the header, so free can find the previous block
 *
 * Tag words are 4 bytes, or 8 with `word=8` (CS:APP's 64-bit heap): then a
 * tag is the low half of its 8-byte word (sizes stay below 2^31), and the
 * next link sits in the header word's high half. The header option counts
 * both tag words: a block's first header - word bytes are its front overhead
 * and its last word the footer. Sizes are multiples of 4, so bit 0 of a tag is
 * free for the allocated flag. Blocks tile the arena from `prologue` bytes
 * after its start to `epilogue` bytes before the current heap end.
 *
 * Side (textbook mode): the words are a table of fixed-size records (see
 * Field) and the arena holds no bytes, so any unit size works (a 100-byte
 * arena, align 1, no header). Header bytes are counted in block sizes but not
 * stored. A split keeps the chosen record for the remainder, so its list
 * links stay put.
 *
 * Both layouts live in one class on purpose: every heap then has the same
 * hidden class and the hot loops stay monomorphic whichever layouts a process
 * has run before (a subclass per layout halved throughput after both ran).
 */
export class HeapBlocks {
  readonly config: HeapConfig
  protected readonly state: Int32Array
  protected readonly inband: boolean
  protected readonly arenaBytes: number
  protected readonly baseAddress: number
  protected readonly headerBytes: number
  protected readonly minBlock: number
  /** Overhead bytes before the payload and after it, as the memory map shows them. */
  protected readonly frontTagBytes: number
  protected readonly backTagBytes: number
  /** The arena (in-band) or the record table (side). */
  private readonly words: Int32Array
  /** The arena's bytes, for moving payloads (empty in side mode). */
  private readonly bytes: Uint8Array
  /** Strips the allocated bit from an in-band tag; side sizes have no flag bits. */
  private readonly sizeMask: number
  /** In-band: Int32 words per tag word (1, or 2 with word=8). */
  private readonly tagWords: number
  /** In-band: the id of the first block (the prologue's end). */
  private readonly firstId: number
  /** Byte offset where blocks end: the heap end minus the epilogue (a copy of state HEAP_END). */
  protected blocksEnd: number

  /** Carves, in order: the state words, then the arena or the record table (see heap-layout.ts). */
  protected constructor(pool: FramePool, config: HeapConfig, program: CompiledProgram) {
    this.config = config
    this.inband = config.meta === 'inband'
    this.arenaBytes = config.arenaBytes
    this.baseAddress = config.baseAddress
    this.headerBytes = config.headerBytes
    this.minBlock = config.minBlock
    this.frontTagBytes = this.inband ? config.headerBytes - config.wordBytes : config.headerBytes
    this.backTagBytes = this.inband ? config.wordBytes : 0
    this.state = pool.int32(HEAP_STATE_SLOTS)
    this.words = pool.int32(
      this.inband
        ? Math.ceil(config.limitBytes / INBAND_WORD)
        : sideRecordCapacity(config, program) * SIDE_RECORD_WORDS
    )
    this.bytes = new Uint8Array(
      this.words.buffer,
      this.words.byteOffset,
      this.inband ? config.limitBytes : 0
    )
    this.sizeMask = this.inband ? -4 : -1
    this.tagWords = config.wordBytes / INBAND_WORD
    this.firstId = config.prologueBytes >> 2
    this.blocksEnd = config.arenaBytes - config.epilogueBytes
  }

  /** Re-read the heap end from the state words (after formatting, or when attaching to a pool). */
  protected syncHeapEnd(): void {
    this.blocksEnd = this.state[S.HEAP_END] - this.config.epilogueBytes
  }

  // --- accessors: the same code for both layouts -----------------------------------

  protected blockSize(block: number): number {
    return this.words[block] & this.sizeMask
  }
  protected listNext(block: number): number {
    return this.words[block + 1]
  }
  protected listPrev(block: number): number {
    return this.words[block + 2]
  }
  protected setListNext(block: number, next: number): void {
    this.words[block + 1] = next
  }
  protected setListPrev(block: number, prev: number): void {
    this.words[block + 2] = prev
  }

  // --- accessors that differ by layout -------------------------------------------------

  /** Byte offset of the block's first byte from the arena start. */
  protected blockStart(block: number): number {
    return this.inband ? block << 2 : this.words[block + Field.START]
  }
  protected blockIsFree(block: number): boolean {
    return this.inband
      ? (this.words[block] & 1) === 0
      : this.words[block + Field.STATE] === Record.Free
  }
  /** Physically following block, -1 at the arena end. */
  protected physNext(block: number): number {
    if (!this.inband) return this.words[block + Field.PHYS_NEXT]
    const next = block + (this.words[block] >> 2)
    return next << 2 < this.blocksEnd ? next : -1
  }
  /** Physically preceding block, -1 at the first block; in-band reads its footer. */
  protected physPrev(block: number): number {
    if (!this.inband) return this.words[block + Field.PHYS_PREV]
    return block === this.firstId ? -1 : block - (this.words[block - this.tagWords] >> 2)
  }
  protected markAllocated(block: number): void {
    if (this.inband) this.writeTags(block, this.words[block] | 1)
    else this.words[block + Field.STATE] = Record.Allocated
  }
  protected markFree(block: number): void {
    if (this.inband) this.writeTags(block, this.words[block] & -2)
    else this.words[block + Field.STATE] = Record.Free
  }
  /** The block at the lowest address (offset `prologue`). */
  protected firstBlock(): number {
    return this.inband ? this.firstId : this.state[S.FIRST_BLOCK]
  }

  // --- reshaping blocks ----------------------------------------------------------------

  /** Format the empty arena as one free, unlisted block between prologue and epilogue, and return it. */
  protected formatArena(): number {
    const start = this.config.prologueBytes
    const size = this.blocksEnd - start
    if (this.inband) {
      this.writeTags(this.firstId, size)
      return this.firstId
    }
    const block = this.takeRecord()
    this.writeRecord(block, start, size, Record.Free, -1, -1)
    this.state[S.FIRST_BLOCK] = block
    return block
  }

  /**
   * sbrk: move the heap end up by `bytes` and return the new memory as one
   * unlisted allocated block after the last block (its header takes the old
   * epilogue's place, as CS:APP's extend_heap does); the caller frees it.
   */
  protected extendHeap(bytes: number): number {
    const start = this.blocksEnd
    this.blocksEnd += bytes
    this.state[S.HEAP_END] += bytes
    if (this.inband) {
      const block = start >> 2
      this.writeTags(block, bytes | 1)
      return block
    }
    let last = this.state[S.FIRST_BLOCK]
    for (let b = last; b !== -1; b = this.words[b + Field.PHYS_NEXT]) last = b
    const block = this.takeRecord()
    this.writeRecord(block, start, bytes, Record.Allocated, last, -1)
    this.words[last + Field.PHYS_NEXT] = block
    return block
  }

  /**
   * Split listed free block `entry`: its first `front` bytes become an
   * allocated block (returned); the rest stays free in the entry's list
   * position, and the rover follows it.
   */
  protected splitFront(entry: number, front: number): number {
    const w = this.words
    if (this.inband) {
      const size = w[entry] & -4
      const rest = entry + (front >> 2)
      // Relink first: the rest's header may land on the entry's link words.
      this.replaceListed(entry, rest)
      this.writeTags(rest, size - front)
      this.writeTags(entry, front | 1)
      return entry
    }
    const taken = this.takeRecord()
    const prev = w[entry + Field.PHYS_PREV]
    this.writeRecord(taken, w[entry + Field.START], front, Record.Allocated, prev, entry)
    if (prev === -1) this.state[S.FIRST_BLOCK] = taken
    else w[prev + Field.PHYS_NEXT] = taken
    w[entry + Field.PHYS_PREV] = taken
    w[entry + Field.START] += front
    w[entry + Field.SIZE] -= front
    return taken
  }

  /** Cut allocated `block` to `keep` bytes; returns the tail as an unlisted allocated block. */
  protected splitBack(block: number, keep: number): number {
    const w = this.words
    if (this.inband) {
      const size = w[block] & -4
      const tail = block + (keep >> 2)
      this.writeTags(block, keep | 1)
      this.writeTags(tail, (size - keep) | 1)
      return tail
    }
    const tail = this.takeRecord()
    const next = w[block + Field.PHYS_NEXT]
    const start = w[block + Field.START] + keep
    this.writeRecord(tail, start, w[block + Field.SIZE] - keep, Record.Allocated, block, next)
    w[block + Field.SIZE] = keep
    w[block + Field.PHYS_NEXT] = tail
    if (next !== -1) w[next + Field.PHYS_PREV] = tail
    return tail
  }

  /** `block` absorbs its unlisted physical successor `next`, keeping its own allocated state. */
  protected absorbNext(block: number, next: number): void {
    const w = this.words
    if (this.inband) {
      const tag = w[block]
      this.writeTags(block, (tag & -4) + (w[next] & -4) + (tag & 1))
      return
    }
    const after = w[next + Field.PHYS_NEXT]
    w[block + Field.SIZE] += w[next + Field.SIZE]
    w[block + Field.PHYS_NEXT] = after
    if (after !== -1) w[after + Field.PHYS_PREV] = block
    w[next + Field.STATE] = Record.Released
    w[next + Field.LIST_NEXT] = this.state[S.RECORD_FREE_TOP]
    this.state[S.RECORD_FREE_TOP] = next
  }

  /** Move a payload when realloc moves a block; side mode has no payload bytes to move. */
  protected copyPayload(from: number, to: number, bytes: number): void {
    if (!this.inband) return
    const source = (from << 2) + this.frontTagBytes
    this.bytes.copyWithin((to << 2) + this.frontTagBytes, source, source + bytes)
  }

  /** Give `replacement` the list position (and the rover) of listed block `old`. */
  protected replaceListed(old: number, replacement: number): void {
    const st = this.state
    const prev = this.listPrev(old)
    const next = this.listNext(old)
    this.setListPrev(replacement, prev)
    this.setListNext(replacement, next)
    if (prev === -1) st[S.HEAD] = replacement
    else this.setListNext(prev, replacement)
    if (next === -1) st[S.TAIL] = replacement
    else this.setListPrev(next, replacement)
    if (st[S.ROVER] === old) st[S.ROVER] = replacement
  }

  // --- checking ------------------------------------------------------------------------

  /** Upper bound on blocks, so a corrupted walk cannot loop forever. */
  protected blockCapacity(): number {
    return this.inband
      ? Math.floor(this.config.limitBytes / INBAND_MIN_BLOCK)
      : this.words.length / SIDE_RECORD_WORDS
  }

  /** Layout-specific consistency of one block: tags agree, or the record is live. */
  protected checkBlock(block: number): void {
    const w = this.words
    if (this.inband) {
      const header = w[block]
      const footer = w[block + (header >> 2) - this.tagWords]
      if (header !== footer || (header & 2) !== 0) {
        throw new InvariantFailure('heap', 'tags', {
          addr: this.baseAddress + (block << 2),
          header,
          footer
        })
      }
      return
    }
    const used = this.state[S.RECORDS_USED] * SIDE_RECORD_WORDS
    if (block < 0 || block >= used || block % SIDE_RECORD_WORDS !== 0) {
      throw new InvariantFailure('heap', 'sideRecord', { record: block })
    }
    if (w[block + Field.STATE] === Record.Released) {
      throw new InvariantFailure('heap', 'releasedRecord', {
        addr: this.baseAddress + w[block + Field.START]
      })
    }
  }

  // --- internals -------------------------------------------------------------------------

  /** In-band header and footer carry the same word: size | allocated bit. */
  private writeTags(block: number, tag: number): void {
    this.words[block] = tag
    this.words[block + (tag >> 2) - this.tagWords] = tag
  }

  private writeRecord(
    record: number,
    start: number,
    size: number,
    state: number,
    physPrev: number,
    physNext: number
  ): void {
    const w = this.words
    w[record + Field.SIZE] = size
    w[record + Field.LIST_NEXT] = -1
    w[record + Field.LIST_PREV] = -1
    w[record + Field.START] = start
    w[record + Field.PHYS_PREV] = physPrev
    w[record + Field.PHYS_NEXT] = physNext
    w[record + Field.STATE] = state
  }

  /** A side record from the stack of released ones, else a never-used one. */
  private takeRecord(): number {
    const st = this.state
    const reused = st[S.RECORD_FREE_TOP]
    if (reused !== -1) {
      st[S.RECORD_FREE_TOP] = this.words[reused + Field.LIST_NEXT]
      return reused
    }
    const fresh = st[S.RECORDS_USED]
    // sideRecordCapacity proves this cannot happen; a silent typed-array overflow would be worse.
    if ((fresh + 1) * SIDE_RECORD_WORDS > this.words.length) {
      throw new RangeError('Heap side records exhausted')
    }
    st[S.RECORDS_USED] = fresh + 1
    return fresh * SIDE_RECORD_WORDS
  }
}
