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

/** In-band blocks carry a header word, two free-list link words and a footer word. */
export const INBAND_MIN_BLOCK = 16
/** In-band tags are 32-bit words, so every in-band size is a multiple of this. */
export const INBAND_WORD = 4

export const HEAP_DEFAULTS = {
  arena: 1024 * 1024,
  base: 0,
  header: 8,
  align: 8,
  order: 'addr',
  coalesce: true,
  meta: 'inband',
  page: 4096
} as const

/** The arena lives in a typed array indexed by Int32 offsets. */
export const MAX_ARENA_BYTES = 1024 * 1024 * 1024

/** One heap configuration, decoded from option values. */
export interface HeapConfig {
  readonly policy: FitPolicyCode
  readonly arenaBytes: number
  readonly baseAddress: number
  readonly headerBytes: number
  readonly align: number
  readonly order: ListOrderCode
  readonly coalesce: boolean
  readonly meta: MetaMode
  readonly pageBytes: number
  /** Smallest block that may exist: smaller remainders go to the request as slack. */
  readonly minBlock: number
}

export function heapConfigOf(policy: FitPolicyCode, values: OptionValues): HeapConfig {
  const meta: MetaMode = values.meta === 'side' ? 'side' : 'inband'
  const headerBytes = numberOr(values.header, HEAP_DEFAULTS.header)
  const orderIndex = LIST_ORDER_NAMES.indexOf(
    stringOr(values.order, HEAP_DEFAULTS.order) as (typeof LIST_ORDER_NAMES)[number]
  )
  return {
    policy,
    arenaBytes: numberOr(values.arena, HEAP_DEFAULTS.arena),
    baseAddress: numberOr(values.base, HEAP_DEFAULTS.base),
    headerBytes,
    align: numberOr(values.align, HEAP_DEFAULTS.align),
    order: (orderIndex < 0 ? ListOrder.Address : orderIndex) as ListOrderCode,
    coalesce: typeof values.coalesce === 'boolean' ? values.coalesce : HEAP_DEFAULTS.coalesce,
    meta,
    pageBytes: numberOr(values.page, HEAP_DEFAULTS.page),
    minBlock: minBlockFor(meta, headerBytes)
  }
}

export function minBlockFor(meta: MetaMode, headerBytes: number): number {
  return Math.max(meta === 'inband' ? INBAND_MIN_BLOCK : 1, headerBytes)
}

function numberOr(value: number | string | boolean | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback
}

function stringOr(value: number | string | boolean | undefined, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}
