import type { OptionValues } from '../family'

/** How a fit is chosen from the free list. */
export const FitPolicy = {
  First: 0,
  Next: 1,
  Best: 2,
  Worst: 3
} as const
export type FitPolicyCode = (typeof FitPolicy)[keyof typeof FitPolicy]

/** Where a freed block enters the free list. */
export const ListOrder = {
  /** Sorted by address, lowest first. */
  Address: 0,
  /** Sorted by size, smallest first; equal sizes keep the order they arrived in. */
  SizeAscending: 1,
  /** Sorted by size, largest first; equal sizes keep the order they arrived in. */
  SizeDescending: 2,
  /** Insert at the head: the list is a stack (LIFO). */
  Front: 3,
  /** Insert at the tail: the list is a queue (FIFO). */
  Back: 4
} as const
export type ListOrderCode = (typeof ListOrder)[keyof typeof ListOrder]

export const LIST_ORDER_NAMES = ['addr', 'size-asc', 'size-desc', 'front', 'back'] as const
export const META_MODES = ['inband', 'side'] as const
export type MetaMode = (typeof META_MODES)[number]

/**
 * When a sorted list is put in order: `insert` places the freed block and
 * nothing else (a split remainder keeps its place, sorted or not); `resort`
 * sorts the whole list, stably, at every free, as OSTEP's malloc.py does;
 * `auto` is `resort` with side tables and `insert` in-band.
 */
export const SORT_RULES = ['auto', 'insert', 'resort'] as const
/**
 * Which remainders a split keeps free: `min-block` only those of at least the
 * minimum block (smaller ones stay with the request as slack); `any` every
 * remainder of one byte or more, as malloc.py does; `auto` is `any` with side
 * tables and `min-block` in-band.
 */
export const SPLIT_RULES = ['auto', 'min-block', 'any'] as const
/**
 * How coalescing finds partners: `physical` merges a freed block with its free
 * neighbours in memory; `list` walks the free list after every free and merges
 * each entry with the list entries after it that start where it ends
 * (malloc.py's -C), so blocks that touch but are not list neighbours stay apart.
 */
export const MERGE_RULES = ['physical', 'list'] as const
/**
 * What a search scans: `explicit` the free list; `implicit` every block, free
 * or allocated, in address order from the heap's start (CS:APP §9.9).
 */
export const LIST_KINDS = ['explicit', 'implicit'] as const
/** `in-place` shrinks and grows in place when it can; `move` is always malloc, copy, free. */
export const REALLOC_RULES = ['in-place', 'move'] as const

/** Smallest in-band block, in words: a header word, two free-list links and a footer word. */
export const INBAND_MIN_WORDS = 4
/** In-band tags are 32-bit words by default (`word=4`); CS:APP's 64-bit heap uses 8. */
export const INBAND_WORD = 4
export const INBAND_WORD_SIZES = [4, 8] as const
/** The smallest in-band block with the default word. */
export const INBAND_MIN_BLOCK = INBAND_MIN_WORDS * INBAND_WORD

export const HEAP_DEFAULTS = {
  arena: 1024 * 1024,
  base: 0,
  header: 8,
  align: 8,
  order: 'addr',
  coalesce: true,
  meta: 'inband',
  page: 4096,
  sort: 'auto',
  split: 'auto',
  merge: 'physical',
  list: 'explicit',
  realloc: 'in-place',
  word: INBAND_WORD,
  grow: 0,
  limit: 20 * 1024 * 1024,
  prologue: 0,
  epilogue: 0
} as const

/** The arena lives in a typed array indexed by Int32 offsets. */
export const MAX_ARENA_BYTES = 1024 * 1024 * 1024

/** One heap configuration, decoded from option values. */
export interface HeapConfig {
  readonly policy: FitPolicyCode
  /** The heap's size at the start (prologue and epilogue included). */
  readonly arenaBytes: number
  readonly baseAddress: number
  readonly headerBytes: number
  readonly align: number
  readonly order: ListOrderCode
  readonly coalesce: boolean
  readonly meta: MetaMode
  readonly pageBytes: number
  /** Smallest block a request gets. */
  readonly minBlock: number
  /** Smallest remainder a split keeps free: `minBlock`, or 1 with `split=any`. */
  readonly minRemainder: number
  /** A sorted order whose whole list is re-sorted, stably, at every free. */
  readonly resort: boolean
  /** Coalescing merges list neighbours that touch (malloc.py's -C) instead of memory neighbours. */
  readonly listMerge: boolean
  /** Searches scan every block in address order instead of the free list. */
  readonly implicit: boolean
  /** realloc is always malloc + copy + free. */
  readonly reallocMoves: boolean
  /** Bytes of one in-band tag word (4 or 8). */
  readonly wordBytes: number
  /** Bytes the heap grows by at least when no block fits (sbrk); 0 = a fixed arena. */
  readonly growBytes: number
  /** Most bytes a growing heap may reach; the arena size when it does not grow. */
  readonly limitBytes: number
  /** Bytes before the first block and after the last one (CS:APP's padding + prologue, epilogue). */
  readonly prologueBytes: number
  readonly epilogueBytes: number
}

export function heapConfigOf(policy: FitPolicyCode, values: OptionValues): HeapConfig {
  const meta: MetaMode = values.meta === 'side' ? 'side' : 'inband'
  const side = meta === 'side'
  const headerBytes = numberOr(values.header, HEAP_DEFAULTS.header)
  const wordBytes = side ? INBAND_WORD : numberOr(values.word, HEAP_DEFAULTS.word)
  const orderIndex = LIST_ORDER_NAMES.indexOf(
    stringOr(values.order, HEAP_DEFAULTS.order) as (typeof LIST_ORDER_NAMES)[number]
  )
  const order = (orderIndex < 0 ? ListOrder.Address : orderIndex) as ListOrderCode
  const implicit = stringOr(values.list, HEAP_DEFAULTS.list) === 'implicit'
  const sort = stringOr(values.sort, HEAP_DEFAULTS.sort)
  const split = stringOr(values.split, HEAP_DEFAULTS.split)
  const minBlock = minBlockFor(meta, headerBytes, wordBytes)
  const arenaBytes = numberOr(values.arena, HEAP_DEFAULTS.arena)
  const growBytes = numberOr(values.grow, HEAP_DEFAULTS.grow)
  return {
    policy,
    arenaBytes,
    baseAddress: numberOr(values.base, HEAP_DEFAULTS.base),
    headerBytes,
    align: numberOr(values.align, HEAP_DEFAULTS.align),
    // An implicit list keeps its free list only as bookkeeping: LIFO is the cheapest.
    order: implicit ? ListOrder.Front : order,
    coalesce: typeof values.coalesce === 'boolean' ? values.coalesce : HEAP_DEFAULTS.coalesce,
    meta,
    pageBytes: numberOr(values.page, HEAP_DEFAULTS.page),
    minBlock,
    minRemainder: (split === 'auto' ? side : split === 'any') ? 1 : minBlock,
    resort:
      !implicit &&
      (order === ListOrder.SizeAscending || order === ListOrder.SizeDescending) &&
      (sort === 'auto' ? side : sort === 'resort'),
    listMerge: !implicit && stringOr(values.merge, HEAP_DEFAULTS.merge) === 'list',
    implicit,
    reallocMoves: stringOr(values.realloc, HEAP_DEFAULTS.realloc) === 'move',
    wordBytes,
    growBytes,
    limitBytes: growBytes > 0 ? numberOr(values.limit, HEAP_DEFAULTS.limit) : arenaBytes,
    prologueBytes: numberOr(values.prologue, HEAP_DEFAULTS.prologue),
    epilogueBytes: numberOr(values.epilogue, HEAP_DEFAULTS.epilogue)
  }
}

export function minBlockFor(meta: MetaMode, headerBytes: number, wordBytes = INBAND_WORD): number {
  return Math.max(meta === 'inband' ? INBAND_MIN_WORDS * wordBytes : 1, headerBytes)
}

function numberOr(value: number | string | boolean | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback
}

function stringOr(value: number | string | boolean | undefined, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}
