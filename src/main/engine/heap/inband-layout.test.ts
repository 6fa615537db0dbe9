import { describe, expect, it } from 'vitest'
import { Op } from '@shared/scenario/program'
import { HEADER_BYTES } from '../frame-pool'
import { RequestOutcome, Status } from '../outcome'
import { MetricsSnapshot } from '../target'
import { brokenInvariant } from '../testing/broken-invariant'
import { buildProgram, type ProgramStep } from '../testing/program-builder'
import { HEAP_STATE_SLOTS, HeapState } from './heap-layout'
import { createHeapTarget, listOf, runProgram } from './testing/heap-driver'

const inband = {
  arena: 128,
  base: 0,
  header: 8,
  align: 8,
  meta: 'inband',
  order: 'addr',
  coalesce: true
}

/** The arena region follows the heap's state words in the frame pool. */
const ARENA_OFFSET = HEADER_BYTES + HEAP_STATE_SLOTS * 4

describe('an in-band heap keeps boundary tags inside the arena', () => {
  // Worked by hand: 128-byte arena, header 8 (4 header + 4 footer), align 8, minimum block 16.
  //   a 5  -> 8 + 8 = 16 @0, rest 16:112
  //   b 20 -> 24 + 8 = 32 @16, rest 48:80
  //   c 1  -> 8 + 8 = 16 @48, rest 64:64
  //   free b -> [16:32 64:64], 1 entry compared
  //   d 16 -> 24 needed; 16:32 leaves 8 < 16, so d gets all 32 (8 bytes slack)
  //   e 48 -> 56 needed; 64:64 leaves 8, so e gets all 64; the list is empty
  //   f 0  -> at least the minimum block, 16; nothing is free: no memory
  //   free a -> [0:16]
  const steps: ProgramStep[] = [
    [Op.Alloc, 'a', 5],
    [Op.Alloc, 'b', 20],
    [Op.Alloc, 'c', 1],
    [Op.Free, 'b', 0],
    [Op.Alloc, 'd', 16],
    [Op.Alloc, 'e', 48],
    [Op.Alloc, 'f', 0],
    [Op.Free, 'a', 0]
  ]
  const program = buildProgram(steps)

  it('gives the addresses, sizes and free lists worked out on paper', () => {
    const { target } = createHeapTarget('first-fit', inband, program)
    const records = runProgram(target, program, () => target.check())
    expect(
      records.map((r) => [r.status, r.addr, r.granted, r.examined, listOf(r.freeList)])
    ).toEqual([
      [Status.Ok, 0, 16, 1, '16:112'],
      [Status.Ok, 16, 32, 1, '48:80'],
      [Status.Ok, 48, 16, 1, '64:64'],
      [Status.Ok, 16, 32, 1, '16:32 64:64'],
      [Status.Ok, 16, 32, 1, '64:64'],
      [Status.Ok, 64, 64, 1, ''],
      [Status.FailNoMemory, -1, 0, 0, ''],
      [Status.Ok, 0, 16, 0, '0:16']
    ])
  })

  it('writes header and footer words of size | allocated, and links free blocks by word index', () => {
    const { target, pool } = createHeapTarget('first-fit', inband, program)
    const words = new Int32Array(pool.buffer, ARENA_OFFSET, 32)
    const out = new RequestOutcome()
    const step = (i: number): void => {
      const code = program.code
      target.execute(code[i * 3], code[i * 3 + 1], code[i * 3 + 2], program.sizes[i], out)
    }
    for (let i = 0; i < 4; i++) step(i)
    // a (0:16 allocated): header word 0, footer word 3
    expect([words[0], words[3]]).toEqual([16 | 1, 16 | 1])
    // b (16:32 free): tags 32, next link to byte 64 (word 16), prev link -1
    expect([words[4], words[11], words[5], words[6]]).toEqual([32, 32, 64 / 4, -1])
    // c (48:16 allocated)
    expect([words[12], words[15]]).toEqual([17, 17])
    // the tail (64:64 free): its prev link points back at b (byte 16, word 4)
    expect([words[16], words[31], words[17], words[18]]).toEqual([64, 64, -1, 16 / 4])
  })

  it('shows tags as overhead and rounding as slack in the memory map', () => {
    const { target } = createHeapTarget('first-fit', inband, program)
    runProgram(target, program)
    const runs: string[] = []
    target.walk((start, length, state, handle) =>
      runs.push(`${start}+${length}:${state}:${handle}`)
    )
    // states: 0 free, 1 used, 2 overhead, 3 slack; handles a0 b1 c2 d3 e4 f5
    expect(runs).toEqual([
      '0+4:2:-1',
      '4+8:0:-1',
      '12+4:2:-1',
      '16+4:2:3',
      '20+16:1:3',
      '36+8:3:3',
      '44+4:2:3',
      '48+4:2:2',
      '52+1:1:2',
      '53+7:3:2',
      '60+4:2:2',
      '64+4:2:4',
      '68+48:1:4',
      '116+8:3:4',
      '124+4:2:4'
    ])
  })

  it('reports the metrics those blocks imply', () => {
    const { target } = createHeapTarget('first-fit', inband, program)
    runProgram(target, program)
    const metrics = new MetricsSnapshot()
    target.metrics(metrics)
    expect({ ...metrics }).toEqual({
      poolBytes: 128,
      requestedLive: 1 + 16 + 48,
      allocatedLive: 16 + 32 + 64,
      freeBytes: 16,
      freeBlocks: 1,
      largestFree: 16,
      metadataBytes: 8 * 4,
      highWater: 128,
      // a + c + d + e before a was freed
      peakRequested: 5 + 1 + 16 + 48,
      liveBlocks: 3
    })
  })
})

describe('an in-band realloc that moves', () => {
  it('copies the payload bytes to the new block', () => {
    const program = buildProgram([
      [Op.Alloc, 'a', 8],
      [Op.Alloc, 'b', 8],
      [Op.Realloc, 'a', 20]
    ])
    const { target, pool } = createHeapTarget('first-fit', inband, program)
    const bytes = new Uint8Array(pool.buffer, ARENA_OFFSET, 128)
    const out = new RequestOutcome()
    target.execute(Op.Alloc, 0, -1, 8, out)
    target.execute(Op.Alloc, 1, -1, 8, out)
    // a's payload starts after its 4-byte header word
    bytes.set([1, 2, 3, 4, 5, 6, 7, 8], 4)
    target.execute(Op.Realloc, 0, -1, 20, out)
    // b (16:16) blocks growth in place; 20 -> 24 + 8 = 32 bytes at 32
    expect([out.status, out.addr, out.copied]).toEqual([Status.Ok, 32, 8])
    expect([...bytes.subarray(36, 44)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    target.check()
  })
})

describe('check on an in-band heap', () => {
  const program = buildProgram([
    [Op.Alloc, 'a', 8],
    [Op.Alloc, 'b', 8]
  ])

  it('names a footer that disagrees with its header', () => {
    const { target, pool } = createHeapTarget('first-fit', { ...inband, base: 4096 }, program)
    runProgram(target, program)
    const words = new Int32Array(pool.buffer, ARENA_OFFSET, 32)
    words[7] = 99 // b's footer (b is 16:16, footer at byte 28)
    expect(() => target.check()).toThrow(/header 17 but footer 99/)
    expect(() => target.check()).toThrow(/4112/)
  })

  it('notices a free-byte total that no longer matches the blocks', () => {
    const { target, pool } = createHeapTarget('first-fit', inband, program)
    runProgram(target, program)
    const state = new Int32Array(pool.buffer, HEADER_BYTES, HEAP_STATE_SLOTS)
    const recorded = state[HeapState.FREE_BYTES]! + 4
    state[HeapState.FREE_BYTES] = recorded
    const failure = brokenInvariant(() => target.check())
    expect(failure.key).toBe('heap.invariant.freeBytes')
    expect(failure.params).toEqual({ counted: recorded - 4, recorded })
  })

  it('notices two touching free blocks when coalescing is on', () => {
    const { target, pool } = createHeapTarget('first-fit', inband, program)
    runProgram(target, program)
    const words = new Int32Array(pool.buffer, ARENA_OFFSET, 32)
    // Mark b free by hand without merging it into the free tail after it.
    words[4] = 16
    words[7] = 16
    expect(() => target.check()).toThrow(/no two free blocks may touch/)
  })
})
