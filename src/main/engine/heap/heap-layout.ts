import { Op, CODE_STRIDE, type CompiledProgram } from '@shared/scenario/program'
import { FramePool } from '../frame-pool'
import { INBAND_WORD, type HeapConfig } from './heap-config'

/**
 * Int32 slots of a heap's state word block, the first region it carves.
 * Everything a second thread needs to attach lives here or in later regions.
 */
export const HeapState = {
  /** Free-list head and tail: block ids, -1 when the list is empty. */
  HEAD: 0,
  TAIL: 1,
  /** Next-fit's roving pointer: the list entry the next search starts at, -1 = the head. */
  ROVER: 2,
  /** Entries on the free list (= free blocks). */
  FREE_COUNT: 3,
  FREE_BYTES: 4,
  /** Bytes in allocated blocks: requests plus headers, alignment and slack. */
  ALLOCATED_BYTES: 5,
  REQUESTED_BYTES: 6,
  LIVE_HANDLES: 7,
  HIGH_WATER: 8,
  PEAK_REQUESTED: 9,
  /** Blocks tiling the arena, free and allocated. */
  BLOCK_COUNT: 10,
  /** Side mode: the record of the block at offset 0. */
  FIRST_BLOCK: 11,
  /** Side mode: records ever taken from the record array. */
  RECORDS_USED: 12,
  /** Side mode: top of the stack of records released by merges, -1 when empty. */
  RECORD_FREE_TOP: 13,
  /** Bytes the heap has now (the break): the arena size, or more once a growing heap grew. */
  HEAP_END: 14,
  /** 1 when a sorted list that is re-sorted at every free has entries out of order. */
  UNSORTED: 15
} as const
export const HEAP_STATE_SLOTS = 16

/** Int32 handle tables every heap carves, in this order, after the arena or record table. */
export const HANDLE_TABLES = ['handleBlock', 'handleRequested', 'handleCache'] as const

/** Side mode: Int32 words per block record (see Field in heap-blocks.ts). */
export const SIDE_RECORD_WORDS = 8

/**
 * Side-record capacity. Each request that can split a block (alloc, realloc,
 * page, cache and kmalloc requests) adds at most one block, or two when the
 * heap grows on the way, and no block is smaller than the smallest remainder
 * a split keeps, so both bounds hold at every instant.
 */
export function sideRecordCapacity(config: HeapConfig, program: CompiledProgram): number {
  let splitting = 0
  for (let i = 0; i < program.count; i++) {
    const op = program.code[i * CODE_STRIDE]
    if (
      op === Op.Alloc ||
      op === Op.Realloc ||
      op === Op.PageAlloc ||
      op === Op.CacheAlloc ||
      op === Op.Kmalloc
    ) {
      splitting++
    }
  }
  const perRequest = config.growBytes > 0 ? 2 : 1
  const smallest = Math.min(config.minBlock, config.minRemainder)
  return Math.max(1, Math.min(1 + splitting * perRequest, Math.floor(config.limitBytes / smallest)))
}

/** Byte sizes of every region a heap carves, in carve order: state, block metadata, handles. */
export function heapRegionBytes(config: HeapConfig, program: CompiledProgram): number[] {
  const handles = program.handles.length
  const regions = [HEAP_STATE_SLOTS * 4]
  if (config.meta === 'side') {
    regions.push(sideRecordCapacity(config, program) * SIDE_RECORD_WORDS * 4)
  } else {
    regions.push(Math.ceil(config.limitBytes / INBAND_WORD) * INBAND_WORD)
  }
  for (let i = 0; i < HANDLE_TABLES.length; i++) regions.push(handles * 4)
  return regions
}

export function heapPoolBytes(config: HeapConfig, program: CompiledProgram): number {
  return FramePool.bytesFor(heapRegionBytes(config, program))
}
