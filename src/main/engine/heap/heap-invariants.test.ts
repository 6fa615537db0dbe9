import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildProgram } from '../testing/program-builder'
import { MapState, MetricsSnapshot } from '../target'
import type { HeapTarget } from './heap-target'
import { createHeapTarget, runProgram } from './testing/heap-driver'
import {
  COMBINATIONS,
  geometryArbitrary,
  requestsArbitrary,
  ruleCaseArbitrary
} from './testing/random-requests'

/**
 * The memory map must cover the arena (a growing heap: up to its limit) in
 * order and add up to the metrics: everything before the break is the heap,
 * everything after it not yet obtained.
 */
function checkMapAgreesWithMetrics(target: HeapTarget): void {
  const metrics = new MetricsSnapshot()
  target.metrics(metrics)
  const { prologueBytes, epilogueBytes } = target.heap.config
  let next = 0
  let used = 0
  let overhead = 0
  let unobtained = 0
  let inFreeBlocks = 0
  let inAllocatedBlocks = 0
  let previous = ''
  target.walk((start, length, state, handle) => {
    expect(start).toBe(next)
    expect(length).toBeGreaterThan(0)
    const key = `${state}:${handle}`
    expect(key).not.toBe(previous)
    previous = key
    next += length
    if (state === MapState.Used) used += length
    if (state === MapState.Overhead) overhead += length
    if (state === MapState.Unobtained) {
      expect(start).toBe(metrics.poolBytes)
      unobtained += length
    } else if (handle === -1) inFreeBlocks += length
    else inAllocatedBlocks += length
  })
  expect(next).toBe(target.heap.mapBytes)
  expect(next - unobtained).toBe(metrics.poolBytes)
  expect(used).toBe(metrics.requestedLive)
  expect(overhead).toBe(metrics.metadataBytes)
  expect(inFreeBlocks).toBe(metrics.freeBytes + prologueBytes + epilogueBytes)
  expect(inAllocatedBlocks).toBe(metrics.allocatedLive)
  expect(metrics.largestFree).toBeLessThanOrEqual(metrics.freeBytes)
  expect(metrics.peakRequested).toBeGreaterThanOrEqual(metrics.requestedLive)
}

describe('heap invariants hold after every request', () => {
  for (const combination of COMBINATIONS) {
    const { family, order, coalesce, meta } = combination
    it(`holds for ${family}, order=${order}, coalesce=${coalesce ? 'on' : 'off'}, meta=${meta}`, () => {
      fc.assert(
        fc.property(geometryArbitrary(meta), requestsArbitrary(), (geometry, steps) => {
          const program = buildProgram(steps)
          const values = { ...geometry, order, coalesce, meta }
          const { target } = createHeapTarget(family, values, program)
          runProgram(target, program, () => {
            target.check()
            checkMapAgreesWithMetrics(target)
          })
        }),
        { numRuns: 40 }
      )
    })
  }
})

describe('heap invariants hold after every request under every rule option', () => {
  it('holds for random sort, split, merge, list, realloc and growth settings', () => {
    fc.assert(
      fc.property(ruleCaseArbitrary(), requestsArbitrary(), (rule, steps) => {
        const program = buildProgram(steps)
        const { target } = createHeapTarget(rule.family, rule.values, program)
        runProgram(target, program, () => {
          target.check()
          checkMapAgreesWithMetrics(target)
        })
      }),
      { numRuns: 600 }
    )
  })
})
