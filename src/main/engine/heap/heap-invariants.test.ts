import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildProgram } from '../testing/program-builder'
import { MapState, MetricsSnapshot } from '../target'
import type { HeapTarget } from './heap-target'
import { createHeapTarget, runProgram } from './testing/heap-driver'
import { COMBINATIONS, geometryArbitrary, requestsArbitrary } from './testing/random-requests'

/** The memory map must cover the arena in order and add up to the metrics. */
function checkMapAgreesWithMetrics(target: HeapTarget): void {
  const metrics = new MetricsSnapshot()
  target.metrics(metrics)
  let next = 0
  let used = 0
  let overhead = 0
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
    if (handle === -1) inFreeBlocks += length
    else inAllocatedBlocks += length
  })
  expect(next).toBe(metrics.poolBytes)
  expect(used).toBe(metrics.requestedLive)
  expect(overhead).toBe(metrics.metadataBytes)
  expect(inFreeBlocks).toBe(metrics.freeBytes)
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
