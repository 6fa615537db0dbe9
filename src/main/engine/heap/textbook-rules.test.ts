import { describe, expect, it } from 'vitest'
import { Op } from '@shared/scenario/program'
import { HEADER_BYTES } from '../frame-pool'
import { RequestOutcome } from '../outcome'
import { MetricsSnapshot } from '../target'
import type { ProgramStep } from '../testing/program-builder'
import { buildProgram } from '../testing/program-builder'
import { HEAP_STATE_SLOTS } from './heap-layout'
import { createHeapTarget, listOf, runSteps, type StepRecord } from './testing/heap-driver'

/*
 * The rules beyond the classic four, worked by hand before the code ran, as
 * in textbook-examples.test.ts. Free lists are written "addr:size" in list
 * order (an implicit list: free blocks by address).
 */

const textbook = { arena: 100, base: 1000, header: 0, align: 1, meta: 'side' }

function summary(r: StepRecord): string {
  const status = ['ok', 'no-memory', 'fragmented', 'invalid', 'no-op'][r.status]
  return `${status} addr=${r.addr} examined=${r.examined} list=[${listOf(r.freeList)}]`
}

describe('a size-sorted list re-sorted at every free (sort=resort, the side-table default)', () => {
  // a 10 @1000, b 10 @1010, c 20 @1020, d 10 @1040; tail 1050:50 (no coalescing).
  // free b -> [1010:10 1050:50]; free c -> [1010:10 1020:20 1050:50]
  // f 15: 1010:10 no, 1020:20 yes; the remainder 1035:5 keeps c's place -> [1010:10 1035:5 1050:50]
  const steps: ProgramStep[] = [
    [Op.Alloc, 'a', 10],
    [Op.Alloc, 'b', 10],
    [Op.Alloc, 'c', 20],
    [Op.Alloc, 'd', 10],
    [Op.Free, 'b', 0],
    [Op.Free, 'c', 0],
    [Op.Alloc, 'f', 15],
    [Op.Free, 'a', 0]
  ]
  const lastTwo = (sort?: string): string[] =>
    runSteps(
      'first-fit',
      { ...textbook, order: 'size-asc', coalesce: false, ...(sort ? { sort } : {}) },
      steps
    )
      .records.slice(6)
      .map(summary)

  it('sorts the list again before placing the freed block', () => {
    expect(lastTwo()).toEqual([
      'ok addr=1020 examined=2 list=[1010:10 1035:5 1050:50]',
      // free a (1000:10): sorted first -> [1035:5 1010:10 1050:50]; then 5 no, 10 no (equal
      // sizes keep arrival order), 50 stops: 3 entries compared
      'ok addr=1000 examined=3 list=[1035:5 1010:10 1000:10 1050:50]'
    ])
  })

  it('with sort=insert places the freed block only, leaving the remainder where the split put it', () => {
    expect(lastTwo('insert')[1]).toBe(
      'ok addr=1000 examined=3 list=[1010:10 1035:5 1000:10 1050:50]'
    )
  })
})

describe('a split that keeps any remainder (split=any, the side-table default)', () => {
  // arena 30 at 0, header 4, align 1: a 10 -> 14 @0, rest 14:16; b 11 -> 15 @14 leaves 1 byte.
  const steps: ProgramStep[] = [
    [Op.Alloc, 'a', 10],
    [Op.Alloc, 'b', 11]
  ]
  const values = { arena: 30, base: 0, header: 4, align: 1, meta: 'side' }

  it('leaves a one-byte remainder on the list, smaller than a header', () => {
    const { records, target } = runSteps('first-fit', values, steps)
    expect(records.map((r) => [r.addr, r.granted, listOf(r.freeList)])).toEqual([
      [0, 14, '14:16'],
      [14, 15, '29:1']
    ])
    const runs: string[] = []
    target.walk((start, length, state, handle) =>
      runs.push(`${start}+${length}:${state}:${handle}`)
    )
    // a: 4 header + 10 used; b: 4 header + 11 used; the 1-byte remainder is all header
    expect(runs).toEqual(['0+4:2:0', '4+10:1:0', '14+4:2:1', '18+11:1:1', '29+1:2:-1'])
    const metrics = new MetricsSnapshot()
    target.metrics(metrics)
    // headers 4 + 4, and the remainder carries only its 1 byte
    expect(metrics.metadataBytes).toBe(9)
  })

  it('with split=min-block gives a remainder below the minimum block to the request as slack', () => {
    const { records } = runSteps('first-fit', { ...values, split: 'min-block' }, steps)
    expect(records.map((r) => [r.addr, r.granted, listOf(r.freeList)])).toEqual([
      [0, 14, '14:16'],
      [14, 16, '']
    ])
  })
})

describe('coalescing list neighbours (merge=list, malloc.py -C) with insert-front', () => {
  it('merges only entries that follow each other in the list and touch in memory', () => {
    // a 1000:10, b 1010:10, c 1020:10, tail 1030:70.
    // free a: [1000:10 1030:70]: 1010 is not 1030, no merge
    // free c: [1020:10 1000:10 1030:70]: c touches the tail in memory, but they are not list
    //   neighbours: no merge (physical coalescing would make 1020:80)
    // free b: [1010:10 1020:10 1000:10 1030:70]: 1010 + 10 = 1020 merges -> [1010:20 1000:10 1030:70]
    const { records } = runSteps(
      'first-fit',
      { ...textbook, order: 'front', coalesce: true, merge: 'list' },
      [
        [Op.Alloc, 'a', 10],
        [Op.Alloc, 'b', 10],
        [Op.Alloc, 'c', 10],
        [Op.Free, 'a', 0],
        [Op.Free, 'c', 0],
        [Op.Free, 'b', 0]
      ]
    )
    expect(records.slice(3).map((r) => [r.merges, listOf(r.freeList)])).toEqual([
      [0, '1000:10 1030:70'],
      [0, '1020:10 1000:10 1030:70'],
      [1, '1010:20 1000:10 1030:70']
    ])
  })
})

describe('list neighbours left touching by an allocation (merge=list, insert-back)', () => {
  it('stay apart until the next free merges them, as malloc.py -C does', () => {
    // a 1000:10, b 1010:10, c 1020:20, d 1040:10, the rest 1050:50.
    // free a: [1050:50 1000:10]; free c: [1050:50 1000:10 1020:20];
    // free b: [1050:50 1000:10 1020:20 1010:10] — in list order nothing touches.
    // e 20 (best fit) takes 1020:20 exactly: 1000:10 and 1010:10 are now list
    //   neighbours that touch, and stay so: only a free merges.
    // free d: [1050:50 1000:10 1010:10 1040:10] -> 1000 + 10 = 1010 merges: [1050:50 1000:20 1040:10]
    const { records } = runSteps(
      'best-fit',
      { ...textbook, order: 'back', coalesce: true, merge: 'list' },
      [
        [Op.Alloc, 'a', 10],
        [Op.Alloc, 'b', 10],
        [Op.Alloc, 'c', 20],
        [Op.Alloc, 'd', 10],
        [Op.Free, 'a', 0],
        [Op.Free, 'c', 0],
        [Op.Free, 'b', 0],
        [Op.Alloc, 'e', 20],
        [Op.Free, 'd', 0]
      ]
    )
    expect(records.slice(4).map((r) => [r.addr, r.merges, listOf(r.freeList)])).toEqual([
      [1000, 0, '1050:50 1000:10'],
      [1020, 0, '1050:50 1000:10 1020:20'],
      [1010, 0, '1050:50 1000:10 1020:20 1010:10'],
      [1020, 0, '1050:50 1000:10 1010:10'],
      [1040, 1, '1050:50 1000:20 1040:10']
    ])
  })
})

describe('an implicit list (list=implicit) scans every block by address', () => {
  it('counts allocated blocks among those examined', () => {
    // arena 40: a 10 @1000 (1 block seen), b 10 @1010 (a, then the rest: 2),
    // c 10 @1020 (3), free b (no list work: 0), d 15: a, the 10-byte hole, c, 1030:10 — none
    // fits (4 examined), though 20 bytes are free: fragmented
    const { records } = runSteps('first-fit', { ...textbook, arena: 40, list: 'implicit' }, [
      [Op.Alloc, 'a', 10],
      [Op.Alloc, 'b', 10],
      [Op.Alloc, 'c', 10],
      [Op.Free, 'b', 0],
      [Op.Alloc, 'd', 15]
    ])
    expect(records.map(summary)).toEqual([
      'ok addr=1000 examined=1 list=[1010:30]',
      'ok addr=1010 examined=2 list=[1020:20]',
      'ok addr=1020 examined=3 list=[1030:10]',
      'ok addr=1010 examined=0 list=[1010:10 1030:10]',
      'fragmented addr=-1 examined=4 list=[1010:10 1030:10]'
    ])
  })

  it('keeps a next-fit rover on blocks, handing it to the block a freed one merges into', () => {
    // arena 30. a 10 @0: rover on the rest (10). b 10 from 10: rover 20. c 10 fills 20:10
    // exactly: no block follows, so the rover wraps to the first block (a, 0).
    // free a: the rover stays on a's block, now free. d 10 from the rover: a's hole, exactly;
    // the rover moves to the block after d, b (10), an allocated block.
    // free d: 0:10 is free again; the rover stays on b. free b: b merges into 0:10 below it,
    // so the rover moves to the merged block 0:20. e 5 from 0:20 leaves 5:15, the rover on it.
    const { records } = runSteps(
      'next-fit',
      { ...textbook, arena: 30, base: 0, list: 'implicit', coalesce: true },
      [
        [Op.Alloc, 'a', 10],
        [Op.Alloc, 'b', 10],
        [Op.Alloc, 'c', 10],
        [Op.Free, 'a', 0],
        [Op.Alloc, 'd', 10],
        [Op.Free, 'd', 0],
        [Op.Free, 'b', 0],
        [Op.Alloc, 'e', 5]
      ]
    )
    expect(records.map((r) => [r.addr, r.examined, r.rover, listOf(r.freeList)])).toEqual([
      [0, 1, 10, '10:20'],
      [10, 1, 20, '20:10'],
      [20, 1, 0, ''],
      [0, 0, 0, '0:10'],
      [0, 1, 10, ''],
      [0, 0, 10, '0:10'],
      [10, 0, 0, '0:20'],
      [0, 1, 5, '5:15']
    ])
  })

  it('hands the rover to the block that grew over it in place', () => {
    // arena 30, no coalescing. a 10 @0 (rover 10), b 10 @10 (rover 20), c 10 fills 20:10: the
    // rover wraps to a (0). free b, free c: two 10-byte holes. d 10 starts at a, takes the hole
    // 10:10 exactly; the rover moves to the block after d, the free 20:10.
    // realloc d to 20: d grows in place over all of 20:10, so the rover moves to d (10).
    const { records } = runSteps(
      'next-fit',
      { ...textbook, arena: 30, base: 0, list: 'implicit', coalesce: false },
      [
        [Op.Alloc, 'a', 10],
        [Op.Alloc, 'b', 10],
        [Op.Alloc, 'c', 10],
        [Op.Free, 'b', 0],
        [Op.Free, 'c', 0],
        [Op.Alloc, 'd', 10],
        [Op.Realloc, 'd', 20]
      ]
    )
    expect(records.map((r) => [r.addr, r.rover])).toEqual([
      [0, 10],
      [10, 20],
      [20, 0],
      [10, 0],
      [20, 0],
      [10, 20],
      [10, 10]
    ])
  })
})

/** CS:APP §9.9.12 on a 64-bit machine: the csapp-textbook preset's values. */
const csapp = {
  arena: 4128,
  base: 0,
  header: 16,
  align: 16,
  word: 8,
  meta: 'inband',
  list: 'implicit',
  coalesce: true,
  realloc: 'move',
  prologue: 24,
  epilogue: 8,
  grow: 4096,
  limit: 20 * 1024 * 1024
}

describe('a growing heap (CS:APP’s mm_malloc and extend_heap)', () => {
  // The heap: 8 bytes of padding, a 16-byte prologue, one free block 24:4096, the epilogue.
  // a 4000 -> 16 * ceil(4016 / 16) = 4016 @24; the remainder 4040:80 is split off (80 >= 32).
  // b 100 -> 128: a, then 4040:80 (2 examined) — nothing fits, so the heap grows by
  //   max(128, 4096) = 4096 (heap 8224); the new block 4120:4096 merges with 4040:80 (1 merge)
  //   into 4040:4176, and b takes its front: b @4040, the rest 4168:4048.
  // c 5000 -> 5024: a, b, 4168:4048 (3 examined); grows by 5024 (heap 13248), merges into
  //   4168:9072; c @4168, the rest 9192:4048.
  // realloc a to 10 -> 32: malloc first (a, b, c, then 9192:4048 fits: 4 examined) @9192,
  //   copy 10 bytes, then free a's old block 24:4016 (neighbours in use: no merge).
  const steps: ProgramStep[] = [
    [Op.Alloc, 'a', 4000],
    [Op.Alloc, 'b', 100],
    [Op.Alloc, 'c', 5000],
    [Op.Realloc, 'a', 10]
  ]

  it('grows by the larger of the block and the chunk, coalescing with a free last block', () => {
    const { records, target } = runSteps('first-fit', csapp, steps)
    expect(records.map((r) => [summary(r), r.granted, r.splits, r.merges, r.copied])).toEqual([
      ['ok addr=24 examined=1 list=[4040:80]', 4016, 1, 0, 0],
      ['ok addr=4040 examined=2 list=[4168:4048]', 128, 1, 1, 0],
      ['ok addr=4168 examined=3 list=[9192:4048]', 5024, 1, 1, 0],
      ['ok addr=9192 examined=4 list=[24:4016 9224:4016]', 32, 1, 0, 10]
    ])
    const metrics = new MetricsSnapshot()
    target.metrics(metrics)
    expect([metrics.poolBytes, metrics.highWater, target.heap.heapBytes]).toEqual([
      13248, 13248, 13248
    ])
  })

  it('fails once growing would pass the limit, and says whether memory was short', () => {
    const { records } = runSteps('first-fit', { ...csapp, limit: 8224 }, steps.slice(0, 3))
    // c needs 5024; the heap may not grow past 8224 and only 4048 bytes are free
    expect(summary(records[2]!)).toBe('no-memory addr=-1 examined=3 list=[4168:4048]')
  })

  it('keeps 8-byte tag words: the header and the footer hold size | allocated in their low half', () => {
    const program = buildProgram(steps.slice(0, 1))
    const { target, pool } = createHeapTarget('first-fit', csapp, program)
    const words = new Int32Array(pool.buffer, HEADER_BYTES + HEAP_STATE_SLOTS * 4, 4128 / 4)
    // the free block 24:4096: header word at byte 24, footer word at byte 24 + 4096 - 8
    expect([words[24 / 4], words[(24 + 4096 - 8) / 4]]).toEqual([4096, 4096])
    target.execute(Op.Alloc, 0, -1, 4000, new RequestOutcome())
    // a 24:4016 allocated, the rest 4040:80 free
    expect([words[24 / 4], words[(24 + 4016 - 8) / 4]]).toEqual([4016 | 1, 4016 | 1])
    expect([words[4040 / 4], words[(4040 + 80 - 8) / 4]]).toEqual([80, 80])
    target.check()
  })

  it('shows the prologue, the epilogue and the memory past the break in its map', () => {
    const { target } = runSteps('first-fit', { ...csapp, limit: 16384 }, steps.slice(0, 1))
    const runs: string[] = []
    target.walk((start, length, state, handle) =>
      runs.push(`${start}+${length}:${state}:${handle}`)
    )
    // states: 0 free, 1 used, 2 overhead, 3 slack, 5 unobtained
    // the padding and prologue, a (8-byte header, 4000 used, footer), the free rest with
    // its tags, the epilogue beside the rest's footer, then nothing obtained up to the limit
    expect(runs).toEqual([
      '0+24:2:-1',
      '24+8:2:0',
      '32+4000:1:0',
      '4032+8:2:0',
      '4040+8:2:-1',
      '4048+64:0:-1',
      '4112+16:2:-1',
      '4128+12256:5:-1'
    ])
  })
})
