import { describe, expect, it } from 'vitest'
import type { GeneratorKind, GeneratorOptions } from '@shared/scenario/generators/options'
import { configOf, programOf, recordInProcess } from '../timeline/testing/record-in-process'
import {
  DEFAULT_TIMELINE_OPTIONS,
  timelineBytes,
  type TimelineOptions
} from '../timeline/timeline-format'
import { timelineBytesEstimate } from './run-memory'

const CASES: [string, GeneratorKind, GeneratorOptions, string][] = [
  ['random heap requests', 'random', { seed: 1, count: 20_000, maxLive: 1000 }, 'first-fit'],
  ['random requests, best fit', 'random', { seed: 3, count: 20_000, maxLive: 300 }, 'best-fit'],
  ['the fragmentation adversary', 'fragmentation', { seed: 1, count: 2000 }, 'first-fit'],
  ['page requests', 'pages', { seed: 1, count: 20_000, maxLive: 1000 }, 'buddy'],
  ['slab objects', 'slab', { seed: 1, count: 20_000, caches: 4, maxLive: 1000 }, 'slab'],
  ['kmalloc on slab', 'random', { seed: 2, count: 20_000, sizeMax: 2048, maxLive: 500 }, 'slab']
]

const OPTIONS: [string, TimelineOptions][] = [
  ['the default stride', DEFAULT_TIMELINE_OPTIONS],
  ['a sample per request', { ...DEFAULT_TIMELINE_OPTIONS, metricStride: 1 }],
  ['frequent keyframes', { keyframeInterval: 64, metricStride: 1 }]
]

describe('the timeline estimate a run is admitted with', () => {
  for (const [name, kind, options, spec] of CASES) {
    for (const [label, timeline] of OPTIONS) {
      it(`is at least the real timeline for ${name} with ${label}`, () => {
        const program = programOf(kind, options)
        const recorded = recordInProcess(spec, program, timeline)
        const estimate = timelineBytesEstimate(program, configOf(spec, program).family, timeline)
        expect(estimate).toBeGreaterThanOrEqual(timelineBytes(recorded.timeline))
        // Conservative, not absurd: within a few times the real size.
        expect(estimate).toBeLessThan(timelineBytes(recorded.timeline) * 8)
      })
    }
  }
})
