import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FramePool } from '../frame-pool'
import { MetricsSnapshot } from '../target'
import { buildProgram } from '../testing/program-builder'
import type { HeapTarget } from './heap-target'
import { heapFamilies } from './index'
import { createHeapTarget, runProgram } from './testing/heap-driver'
import { COMBINATIONS, geometryArbitrary, requestsArbitrary } from './testing/random-requests'

const combination = fc.constantFrom(...COMBINATIONS)
const scenario = combination.chain((c) =>
  fc.record({
    c: fc.constant(c),
    geometry: geometryArbitrary(c.meta),
    steps: requestsArbitrary(80)
  })
)

function mapOf(target: HeapTarget): string[] {
  const runs: string[] = []
  target.walk((start, length, state, handle) => runs.push(`${start}+${length}:${state}:${handle}`))
  return runs
}

function metricsOf(target: HeapTarget): MetricsSnapshot {
  const metrics = new MetricsSnapshot()
  target.metrics(metrics)
  return metrics
}

describe('heap runs are deterministic', () => {
  it('gives identical outcomes and byte-identical pools for the same input', () => {
    fc.assert(
      fc.property(scenario, ({ c, geometry, steps }) => {
        const program = buildProgram(steps)
        const values = { ...geometry, order: c.order, coalesce: c.coalesce, meta: c.meta }
        const first = createHeapTarget(c.family, values, program)
        const second = createHeapTarget(c.family, values, program)
        expect(JSON.stringify(runProgram(second.target, program))).toBe(
          JSON.stringify(runProgram(first.target, program))
        )
        expect(new Uint8Array(second.pool.buffer)).toEqual(new Uint8Array(first.pool.buffer))
      }),
      { numRuns: 60 }
    )
  })

  it('lets a second view attach to a copy of the pool and carry on identically', () => {
    fc.assert(
      fc.property(scenario, ({ c, geometry, steps }) => {
        const program = buildProgram(steps)
        const values = { ...geometry, order: c.order, coalesce: c.coalesce, meta: c.meta }
        const original = createHeapTarget(c.family, values, program)
        const half = Math.floor(steps.length / 2)
        const firstHalf = buildProgram(steps.slice(0, half))
        // Run the first half with the full program's handle ids and capacity.
        runProgram(original.target, { ...program, count: firstHalf.count })

        const copy = new SharedArrayBuffer(original.pool.buffer.byteLength)
        new Uint8Array(copy).set(new Uint8Array(original.pool.buffer))
        const family = heapFamilies.find((f) => f.name === c.family)!
        const attached = family.create(
          FramePool.attach(copy),
          original.values,
          program,
          false
        ) as HeapTarget
        attached.check()
        expect(mapOf(attached)).toEqual(mapOf(original.target))
        expect(attached.freeList()).toEqual(original.target.freeList())
        expect(metricsOf(attached)).toEqual(metricsOf(original.target))

        const rest = {
          ...program,
          count: program.count - half,
          code: program.code.subarray(half * 3),
          sizes: program.sizes.subarray(half)
        }
        expect(runProgram(attached, rest)).toEqual(runProgram(original.target, rest))
        expect(new Uint8Array(copy)).toEqual(new Uint8Array(original.pool.buffer))
      }),
      { numRuns: 60 }
    )
  })
})
