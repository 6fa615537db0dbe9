import { describe, expect, it } from 'vitest'
import { Op } from '@shared/scenario/program'
import { Status } from '../outcome'
import type { ProgramStep } from '../testing/program-builder'
import { listOf, runSteps, type StepRecord } from './testing/heap-driver'

/*
 * Every expectation in this file was worked out by hand, on paper, from the
 * rules in fit-heap.ts, before the code ran. The comments show the working.
 * Free lists are written "addr:size" in list order.
 */

const textbook = { arena: 100, base: 1000, header: 0, align: 1, meta: 'side' }

function summary(r: StepRecord): string {
  const status = ['ok', 'no-memory', 'fragmented', 'invalid', 'no-op'][r.status]
  return `${status} addr=${r.addr} examined=${r.examined} list=[${listOf(r.freeList)}]`
}

describe('the four fits on one 100-byte arena at 1000 (header 0, align 1, address order, coalescing)', () => {
  // Setup, the same for every policy: five blocks, then two holes.
  //   a 10 @1000, b 20 @1010, c 10 @1030, d 30 @1040, e 10 @1070; free tail 1080:20
  //   free b -> hole 1010:20 (neighbours a and c are in use: no merge)
  //   free d -> hole 1040:30 (neighbours c and e are in use: no merge)
  //   list (address order): [1010:20 1040:30 1080:20]
  const setup: ProgramStep[] = [
    [Op.Alloc, 'a', 10],
    [Op.Alloc, 'b', 20],
    [Op.Alloc, 'c', 10],
    [Op.Alloc, 'd', 30],
    [Op.Alloc, 'e', 10],
    [Op.Free, 'b', 0],
    [Op.Free, 'd', 0]
  ]
  const probe: ProgramStep[] = [
    [Op.Alloc, 'f', 18],
    [Op.Alloc, 'g', 25],
    [Op.Alloc, 'h', 20],
    [Op.Free, 'c', 0]
  ]
  const run = (family: string): string[] =>
    runSteps(family, { ...textbook, order: 'addr', coalesce: true }, [...setup, ...probe])
      .records.slice(setup.length)
      .map(summary)

  it('sets up the same two holes for every policy', () => {
    const { records } = runSteps('first-fit', { ...textbook, order: 'addr' }, setup)
    expect(records.map((r) => r.addr)).toEqual([1000, 1010, 1030, 1040, 1070, 1010, 1040])
    expect(listOf(records[6].freeList)).toBe('1010:20 1040:30 1080:20')
  })

  it('first-fit takes the first hole big enough', () => {
    expect(run('first-fit')).toEqual([
      // f 18: 1010:20 fits at once (1 examined); remainder 1028:2 keeps its place
      'ok addr=1010 examined=1 list=[1028:2 1040:30 1080:20]',
      // g 25: 1028:2 no, 1040:30 yes (2 examined); remainder 1065:5
      'ok addr=1040 examined=2 list=[1028:2 1065:5 1080:20]',
      // h 20: 1028:2 no, 1065:5 no, 1080:20 exact fit (3 examined); the entry leaves
      'ok addr=1080 examined=3 list=[1028:2 1065:5]',
      // free c (1030:10): next is g (in use), previous is the free 1028:2 -> merged 1028:12
      // (1 merge); inserted by address: 1065 > 1028 stops the scan after 1 entry
      'ok addr=1030 examined=1 list=[1028:12 1065:5]'
    ])
  })

  it('best-fit looks at every hole and takes the smallest that fits, ties to the first', () => {
    expect(run('best-fit')).toEqual([
      // f 18: candidates 1010:20, 1040:30, 1080:20; smallest is 20, first met 1010
      'ok addr=1010 examined=3 list=[1028:2 1040:30 1080:20]',
      // g 25: only 1040:30 fits
      'ok addr=1040 examined=3 list=[1028:2 1065:5 1080:20]',
      // h 20: only 1080:20 fits, exactly
      'ok addr=1080 examined=3 list=[1028:2 1065:5]',
      'ok addr=1030 examined=1 list=[1028:12 1065:5]'
    ])
  })

  it('worst-fit carves the largest hole and then fails although 52 bytes are free', () => {
    expect(run('worst-fit')).toEqual([
      // f 18: largest is 1040:30; remainder 1058:12 keeps its place
      'ok addr=1040 examined=3 list=[1010:20 1058:12 1080:20]',
      // g 25: largest is 20 (1010, first met) < 25; 20 + 12 + 20 = 52 free >= 25: fragmented
      'fragmented addr=-1 examined=3 list=[1010:20 1058:12 1080:20]',
      // h 20: largest 20, first met 1010, an exact fit
      'ok addr=1010 examined=3 list=[1058:12 1080:20]',
      // free c (1030:10): previous is h (in use), next is f (in use): no merge;
      // by address: 1058 > 1030 stops the scan after 1 entry
      'ok addr=1030 examined=1 list=[1030:10 1058:12 1080:20]'
    ])
  })

  it('next-fit resumes after its last allocation and wraps around', () => {
    // Setup leaves the rover on 1080:20, the remainder of e's allocation.
    expect(run('next-fit')).toEqual([
      // f 18: starts at 1080:20, fits at once; remainder 1098:2, rover on it
      'ok addr=1080 examined=1 list=[1010:20 1040:30 1098:2]',
      // g 25: 1098:2 no, wrap, 1010:20 no, 1040:30 yes; remainder 1065:5, rover on it
      'ok addr=1040 examined=3 list=[1010:20 1065:5 1098:2]',
      // h 20: 1065:5 no, 1098:2 no, wrap, 1010:20 exact; the rover moves to the
      // entry that followed it, 1065
      'ok addr=1010 examined=3 list=[1065:5 1098:2]',
      // free c (1030:10): h and g around it are in use; 1065 > 1030 after 1 entry
      'ok addr=1030 examined=1 list=[1030:10 1065:5 1098:2]'
    ])
  })

  it('next-fit leaves its rover where the working says', () => {
    const { records } = runSteps('next-fit', { ...textbook, order: 'addr' }, [...setup, ...probe])
    const rovers = records.slice(setup.length - 1).map((r) => r.rover)
    // after setup 1080; after f 1098; after g 1065; after h 1065; a free does not move it
    expect(rovers).toEqual([1080, 1098, 1065, 1065, 1065])
  })
})

describe('free-list order rules, first-fit without coalescing on the 100-byte arena', () => {
  // a..e: five 10-byte blocks at 1000, 1010, 1020, 1030, 1040; tail 1050:50.
  // Then free b, d, a (in that order), alloc f 5, alloc g 10.
  const steps: ProgramStep[] = [
    [Op.Alloc, 'a', 10],
    [Op.Alloc, 'b', 10],
    [Op.Alloc, 'c', 10],
    [Op.Alloc, 'd', 10],
    [Op.Alloc, 'e', 10],
    [Op.Free, 'b', 0],
    [Op.Free, 'd', 0],
    [Op.Free, 'a', 0],
    [Op.Alloc, 'f', 5],
    [Op.Alloc, 'g', 10]
  ]
  const run = (order: string): string[] =>
    runSteps('first-fit', { ...textbook, order, coalesce: false }, steps)
      .records.slice(5)
      .map(summary)

  it('addr keeps the list sorted by address and pays a scan to insert', () => {
    expect(run('addr')).toEqual([
      // free b: 1050 > 1010 stops after 1 entry
      'ok addr=1010 examined=1 list=[1010:10 1050:50]',
      // free d: 1010 < 1030 goes on, 1050 stops: 2 entries
      'ok addr=1030 examined=2 list=[1010:10 1030:10 1050:50]',
      // free a: 1010 > 1000 stops at once; a and b touch but stay apart (no coalescing)
      'ok addr=1000 examined=1 list=[1000:10 1010:10 1030:10 1050:50]',
      // f 5: head 1000:10 fits; remainder 1005:5 keeps its place
      'ok addr=1000 examined=1 list=[1005:5 1010:10 1030:10 1050:50]',
      // g 10: 1005:5 no, 1010:10 exact
      'ok addr=1010 examined=2 list=[1005:5 1030:10 1050:50]'
    ])
  })

  it('front makes the list a stack (LIFO)', () => {
    expect(run('front')).toEqual([
      'ok addr=1010 examined=0 list=[1010:10 1050:50]',
      'ok addr=1030 examined=0 list=[1030:10 1010:10 1050:50]',
      'ok addr=1000 examined=0 list=[1000:10 1030:10 1010:10 1050:50]',
      // f 5: the most recently freed block, 1000:10
      'ok addr=1000 examined=1 list=[1005:5 1030:10 1010:10 1050:50]',
      // g 10: 1005:5 no, 1030:10 exact
      'ok addr=1030 examined=2 list=[1005:5 1010:10 1050:50]'
    ])
  })

  it('back makes the list a queue (FIFO)', () => {
    expect(run('back')).toEqual([
      'ok addr=1010 examined=0 list=[1050:50 1010:10]',
      'ok addr=1030 examined=0 list=[1050:50 1010:10 1030:10]',
      'ok addr=1000 examined=0 list=[1050:50 1010:10 1030:10 1000:10]',
      // f 5: the head is the old tail 1050:50; remainder 1055:45 keeps its place
      'ok addr=1050 examined=1 list=[1055:45 1010:10 1030:10 1000:10]',
      // g 10: 1055:45 fits at once
      'ok addr=1055 examined=1 list=[1065:35 1010:10 1030:10 1000:10]'
    ])
  })

  it('size-asc inserts after equal sizes, and a split does not re-sort the list', () => {
    expect(run('size-asc')).toEqual([
      // free b: 50 > 10 stops after 1 entry
      'ok addr=1010 examined=1 list=[1010:10 1050:50]',
      // free d: 10 is not > 10, go on; 50 stops: 2 entries
      'ok addr=1030 examined=2 list=[1010:10 1030:10 1050:50]',
      'ok addr=1000 examined=3 list=[1010:10 1030:10 1000:10 1050:50]',
      // f 5: head 1010:10; remainder 1015:5 keeps its (now unsorted) place
      'ok addr=1010 examined=1 list=[1015:5 1030:10 1000:10 1050:50]',
      'ok addr=1030 examined=2 list=[1015:5 1000:10 1050:50]'
    ])
  })

  it('size-desc puts the largest first', () => {
    expect(run('size-desc')).toEqual([
      // free b: 50 < 10? no; end of list after 1 entry
      'ok addr=1010 examined=1 list=[1050:50 1010:10]',
      'ok addr=1030 examined=2 list=[1050:50 1010:10 1030:10]',
      'ok addr=1000 examined=3 list=[1050:50 1010:10 1030:10 1000:10]',
      'ok addr=1050 examined=1 list=[1055:45 1010:10 1030:10 1000:10]',
      'ok addr=1055 examined=1 list=[1065:35 1010:10 1030:10 1000:10]'
    ])
  })
})

describe('coalescing with insert-front', () => {
  it('merges with both neighbours and puts the merged block at the head', () => {
    // a 1000:10, b 1010:10, c 1020:10, tail 1030:70.
    // free a: b in use, no merge -> [1000:10 1030:70]
    // free c: next 1030:70 is free -> 1020:80 (1 merge); b in use -> [1020:80 1000:10]
    // free b: next 1020:80 free -> 1010:90, previous 1000:10 free -> 1000:100 (2 merges)
    const { records } = runSteps('first-fit', { ...textbook, order: 'front', coalesce: true }, [
      [Op.Alloc, 'a', 10],
      [Op.Alloc, 'b', 10],
      [Op.Alloc, 'c', 10],
      [Op.Free, 'a', 0],
      [Op.Free, 'c', 0],
      [Op.Free, 'b', 0]
    ])
    expect(records.slice(3).map((r) => [r.merges, listOf(r.freeList)])).toEqual([
      [0, '1000:10 1030:70'],
      [1, '1020:80 1000:10'],
      [2, '1000:100']
    ])
  })

  it('moves the next-fit rover onto the block its entry merged into', () => {
    // a 1000:10, b 1010:10; rover on the remainder 1020:80.
    // free b: merges with 1020:80 -> 1010:90, and the rover follows it to 1010.
    // c 5: the search starts at 1010 and takes it: c @1010, rover on 1015:85.
    const { records } = runSteps('next-fit', { ...textbook, order: 'addr', coalesce: true }, [
      [Op.Alloc, 'a', 10],
      [Op.Alloc, 'b', 10],
      [Op.Free, 'b', 0],
      [Op.Alloc, 'c', 5]
    ])
    expect(records.map((r) => r.rover)).toEqual([1010, 1020, 1010, 1015])
    expect(records[3].addr).toBe(1010)
  })
})

describe('realloc on the 100-byte arena (first-fit, address order, coalescing)', () => {
  // a 1000:10, b 1010:10, tail 1020:80.
  const steps: ProgramStep[] = [
    [Op.Alloc, 'a', 10],
    [Op.Alloc, 'b', 10],
    // b is in use after a: a moves. New block from 1020:80 -> a @1020 (1 examined),
    // 10 bytes copied, old 1000:10 freed (b in use: no merge), inserted before
    // 1035:65 after 1 entry: examined 1 + 1 = 2.
    [Op.Realloc, 'a', 15],
    // b shrinks in place to 5: tail 1015:5 split off and freed; a (1020) is in use;
    // previous (b) in use. Inserted: 1000 < 1015 on, 1035 > 1015 stop: 2 examined.
    [Op.Realloc, 'b', 5],
    // a grows in place: it needs 25 more and 1035:65 is free; remainder 1060:40
    // keeps the entry's place.
    [Op.Realloc, 'a', 40],
    // a grows by 40 into 1060:40 exactly: the whole block is taken.
    [Op.Realloc, 'a', 80],
    // 200 bytes: no fit after 2 entries, and only 15 bytes are free: no memory. b stays.
    [Op.Realloc, 'b', 200],
    // free b (1010:5): next 1015:5 free -> 1010:10, previous 1000:10 free -> 1000:20.
    [Op.Free, 'b', 0]
  ]

  it('moves, shrinks, grows in place and fails exactly as worked out', () => {
    const { records } = runSteps('first-fit', { ...textbook, order: 'addr', coalesce: true }, steps)
    expect(
      records.slice(2).map((r) => [summary(r), r.granted, r.copied, r.splits, r.merges])
    ).toEqual([
      ['ok addr=1020 examined=2 list=[1000:10 1035:65]', 15, 10, 1, 0],
      ['ok addr=1010 examined=2 list=[1000:10 1015:5 1035:65]', 5, 0, 1, 0],
      ['ok addr=1020 examined=0 list=[1000:10 1015:5 1060:40]', 40, 0, 1, 0],
      ['ok addr=1020 examined=0 list=[1000:10 1015:5]', 80, 0, 0, 0],
      ['no-memory addr=-1 examined=2 list=[1000:10 1015:5]', 0, 0, 0, 0],
      ['ok addr=1010 examined=0 list=[1000:20]', 5, 0, 0, 2]
    ])
  })
})

describe('headers, alignment and slack in side mode', () => {
  it('rounds to the alignment, adds the header, and hands small remainders over as slack', () => {
    // arena 64 at 0, header 4, align 8, minimum block 4.
    // a 5: 8 + 4 = 12 @0, tail 12:52
    // b 30: 32 + 4 = 36 @12, tail 48:16
    // c 9: 16 + 4 = 20 > 16: no fit; 16 free < 20: no memory
    // d 10: 16 + 4 = 20 > 16: no memory again; e 8: 8 + 4 = 12 @48, remainder 4 >= 4 stays: 60:4
    // f 0: 0 + 4 = 4 fits 60:4 exactly
    const { records, target } = runSteps(
      'first-fit',
      { arena: 64, base: 0, header: 4, align: 8, meta: 'side', order: 'addr' },
      [
        [Op.Alloc, 'a', 5],
        [Op.Alloc, 'b', 30],
        [Op.Alloc, 'c', 9],
        [Op.Alloc, 'd', 10],
        [Op.Alloc, 'e', 8],
        [Op.Alloc, 'f', 0]
      ]
    )
    expect(records.map((r) => [r.status, r.addr, r.granted])).toEqual([
      [Status.Ok, 0, 12],
      [Status.Ok, 12, 36],
      [Status.FailNoMemory, -1, 0],
      [Status.FailNoMemory, -1, 0],
      [Status.Ok, 48, 12],
      [Status.Ok, 60, 4]
    ])
    const runs: string[] = []
    target.walk((start, length, state, handle) =>
      runs.push(`${start}+${length}:${state}:${handle}`)
    )
    // a: header 4, 5 used, 3 slack; b: header 4, 30 used, 2 slack; e: 4, 8; f: 4
    // states: 1 used, 2 overhead, 3 slack; handles a0 b1 c2 d3 e4 f5
    expect(runs).toEqual([
      '0+4:2:0',
      '4+5:1:0',
      '9+3:3:0',
      '12+4:2:1',
      '16+30:1:1',
      '46+2:3:1',
      '48+4:2:4',
      '52+8:1:4',
      '60+4:2:5'
    ])
  })
})
