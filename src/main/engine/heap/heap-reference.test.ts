import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Op } from '@shared/scenario/program'
import { buildProgram } from '../testing/program-builder'
import { createHeapTarget, runProgram } from './testing/heap-driver'
import {
  COMBINATIONS,
  geometryArbitrary,
  referenceConfigOf,
  requestsArbitrary
} from './testing/random-requests'
import { ReferenceHeap, type ReferenceOutcome } from './testing/reference-heap'

describe('the heap agrees with the simple reference model on every request', () => {
  for (const combination of COMBINATIONS) {
    const { family, order, coalesce, meta } = combination
    it(`agrees for ${family}, order=${order}, coalesce=${coalesce ? 'on' : 'off'}, meta=${meta}`, () => {
      fc.assert(
        fc.property(geometryArbitrary(meta), requestsArbitrary(80), (geometry, steps) => {
          const program = buildProgram(steps)
          const { target } = createHeapTarget(
            family,
            { ...geometry, order, coalesce, meta },
            program
          )
          const records = runProgram(target, program)
          const model = new ReferenceHeap(referenceConfigOf(combination, geometry))
          steps.forEach(([op, name, size], i) => {
            const handle = program.handles.indexOf(name ?? '')
            const expected: ReferenceOutcome =
              op === Op.Alloc
                ? model.malloc(handle, size)
                : op === Op.Free
                  ? model.free(handle)
                  : model.realloc(handle, size)
            const { status, addr, granted, examined, splits, merges, copied } = records[i]
            expect({ step: i, status, addr, granted, examined, splits, merges, copied }).toEqual({
              step: i,
              ...expected
            })
            expect(records[i].freeList).toEqual(model.freeList())
            expect(records[i].rover).toBe(model.roverAddress())
          })
        }),
        { numRuns: 40 }
      )
    })
  }
})
