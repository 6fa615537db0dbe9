import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Op } from '@shared/scenario/program'
import { RequestOutcome } from '../outcome'
import { buildProgram } from '../testing/program-builder'
import { NaiveHeap } from './naive-heap'
import { createHeapTarget, runProgram } from './testing/heap-driver'
import { requestsArbitrary } from './testing/random-requests'

describe('the naive baseline heap', () => {
  it('makes the same choices as first-fit with an address-ordered list and coalescing', () => {
    const allocFree = requestsArbitrary(80).map((steps) =>
      steps.filter(([op]) => op !== Op.Realloc)
    )
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 300 }), allocFree, (arena, steps) => {
        const program = buildProgram(steps)
        const values = { arena, base: 0, header: 0, align: 1, meta: 'side', order: 'addr' }
        const { target } = createHeapTarget('first-fit', values, program)
        const expected = runProgram(target, program)
        const naive = new NaiveHeap(arena, program.handles.length, 0, 1)
        const out = new RequestOutcome()
        for (let i = 0; i < program.count; i++) {
          naive.execute(program.code[i * 3], program.code[i * 3 + 1], -1, program.sizes[i], out)
          naive.check()
          expect([out.status, out.addr, out.granted, out.merges]).toEqual([
            expected[i].status,
            expected[i].addr,
            expected[i].granted,
            expected[i].merges
          ])
        }
      }),
      { numRuns: 100 }
    )
  })
})
