import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Op } from '@shared/scenario/program'
import { buildProgram } from '../testing/program-builder'
import { createHeapTarget, runProgram } from './testing/heap-driver'
import {
  COMBINATIONS,
  geometryArbitrary,
  referenceConfigOf,
  requestsArbitrary,
  ruleCaseArbitrary
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

describe('the heap agrees with the reference model under every rule option', () => {
  it.each([
    ['sizes of every kind', false],
    ['three sizes, so that exact fits are common', true]
  ])('agrees for random sort, split, merge, list, realloc and growth settings, %s', (_, few) => {
    fc.assert(
      fc.property(ruleCaseArbitrary(), requestsArbitrary(80, few), (rule, steps) => {
        const program = buildProgram(steps)
        const { target } = createHeapTarget(rule.family, rule.values, program)
        const records = runProgram(target, program, () => target.check())
        const model = new ReferenceHeap(rule.reference)
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
        expect(target.heap.heapBytes).toBe(model.heapBytes())
      }),
      { numRuns: 1500 }
    )
  })
})
