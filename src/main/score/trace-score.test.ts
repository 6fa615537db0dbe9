import { describe, expect, it } from 'vitest'
import { compileScenario, importMalloclab } from '@shared/scenario'
import { parseAllocatorSpec, resolveAllocatorValues } from '../engine/allocator-spec'
import { allFamilies } from '../engine/families'
import { CSAPP_TEXTBOOK_SPEC } from '../engine/presets'
import { MDRIVER_WEIGHTS, scoreTrace, totalScore, type TraceScore } from './trace-score'

function score(trace: string, specText: string): TraceScore {
  const program = compileScenario(importMalloclab(trace).text).program!
  const spec = parseAllocatorSpec(specText, allFamilies)
  return scoreTrace('t', spec.family, resolveAllocatorValues(spec, program.geometry), program, 1)
}

const row = (util: number, ops: number, secs: number, valid = true): TraceScore => ({
  trace: 't',
  valid,
  util,
  peak: 0,
  heap: 1,
  ops,
  secs,
  kops: ops / 1000 / secs
})

describe('mdriver scores', () => {
  it('divides the peak of live payload by the heap size at the end, as mdriver does', () => {
    // CS:APP heap: 4128 bytes. a 4000 fits the first chunk (block 4016); b 3000 needs 3024,
    // the 80-byte rest cannot hold it, so the heap grows by 4096 to 8224. Peak payload 7000,
    // still 7000 after freeing a and reallocating b smaller.
    const scored = score('2\n4\na 0 4000\na 1 3000\nf 0\nr 1 10\n', CSAPP_TEXTBOOK_SPEC)
    expect([scored.valid, scored.peak, scored.heap, scored.ops]).toEqual([true, 7000, 8224, 4])
    expect(scored.util).toBe(7000 / 8224)
  })

  it('marks a trace invalid when a request fails, and says so', () => {
    const scored = score('1\n1\na 0 5000\n', 'first-fit:arena=4KiB,grow=0')
    expect(scored.valid).toBe(false)
    expect(scored.problem).toContain('1 failed')
  })

  it('totals mean utilization, ops and secs, and weighs them into the performance index', () => {
    const total = totalScore([row(0.5, 1000, 0.001), row(1, 3000, 0.003)], MDRIVER_WEIGHTS)
    expect(total).toMatchObject({ valid: true, util: 0.75, ops: 4000, secs: 0.004 })
    // 60 × 0.75 = 45 util points; 1000 Kops is above 600, so the full 40 throughput points
    expect(total.utilPoints).toBeCloseTo(45, 10)
    expect(total.throughputPoints).toBeCloseTo(40, 10)
    expect(total.perfIndex).toBeCloseTo(85, 10)
    const slow = totalScore([row(1, 300, 1)], { utilWeight: 0.5, libcKops: 0.6 })
    // 0.3 Kops of 0.6: half the 50 throughput points
    expect(slow.throughputPoints).toBeCloseTo(25, 10)
  })

  it('gives no total when a trace is invalid, as mdriver prints dashes', () => {
    expect(totalScore([row(1, 10, 1), row(1, 10, 1, false)], MDRIVER_WEIGHTS)).toMatchObject({
      valid: false,
      util: null,
      perfIndex: null
    })
  })
})
