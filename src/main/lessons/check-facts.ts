import type { Lesson, LessonAnchor, LessonFact } from '@shared/lessons/lesson'
import { METRICS } from '@shared/vocabulary/metrics'
import type { ObservedLesson, ObservedRun, Observation } from './observe-lesson'

/** One fact a run contradicts, said so that the lesson's author can find and fix it. */
export interface FactMismatch {
  readonly anchor: number
  readonly config: number
  readonly step: number
  readonly textKey: string
  readonly what: string
  readonly expected: unknown
  readonly actual: unknown
}

/** Ratios are written as a text rounds them: to within half a percentage point. */
const RATIO_TOLERANCE = 0.005

/** The configuration indexes an anchor talks about. */
export function anchorConfigs(anchor: LessonAnchor, lesson: Lesson): number[] {
  return anchor.config === 'all' ? lesson.allocators.map((_, i) => i) : [anchor.config]
}

/** Every fact of every anchor, checked against the run of each configuration it talks about. */
export function checkLessonFacts(lesson: Lesson, observed: ObservedLesson): FactMismatch[] {
  const mismatches: FactMismatch[] = []
  lesson.anchors.forEach((anchor, index) => {
    const configs = anchorConfigs(anchor, lesson)
    const report = (config: number, [what, expected, actual]: Difference): void => {
      mismatches.push({
        anchor: index,
        config,
        step: anchor.step,
        textKey: anchor.textKey,
        what,
        expected,
        actual
      })
    }
    for (const fact of anchor.facts ?? []) {
      // A fact no run is checked against would pass unseen: say so instead.
      if (fact.config !== undefined && !configs.includes(fact.config))
        report(fact.config, ['the pane of a fact', configs, fact.config])
    }
    for (const config of configs) {
      const run = observed.runs[config]
      if (run === undefined) {
        report(config, ['the pane', `one of ${observed.runs.length}`, 'none'])
        continue
      }
      for (const fact of anchor.facts ?? []) {
        if (fact.config !== undefined && fact.config !== config) continue
        for (const difference of compare(fact, run, anchor.step)) report(config, difference)
      }
    }
  })
  return mismatches
}

export function describeMismatch(m: FactMismatch): string {
  return `${m.textKey} (anchor ${m.anchor}, step ${m.step}, config ${m.config}): ${m.what} is ${JSON.stringify(m.actual)}, the lesson says ${JSON.stringify(m.expected)}`
}

type Difference = readonly [what: string, expected: unknown, actual: unknown]

function compare(fact: LessonFact, run: ObservedRun, step: number): Difference[] {
  const at = run.positions[step + 1]
  if (at === undefined) return [['the step', step, `only ${run.positions.length - 1} requests`]]
  switch (fact.kind) {
    case 'request':
      return compareRequest(fact, at)
    case 'metric': {
      const actual = at.metrics[fact.metric]
      return sameMetric(fact.metric, fact.value, actual) ? [] : [[fact.metric, fact.value, actual]]
    }
    case 'peak': {
      const peak = peakUpTo(run, step, fact.metric)
      return sameMetric(fact.metric, fact.value, peak.value) && peak.step === fact.step
        ? []
        : [[`peak ${fact.metric}`, { value: fact.value, step: fact.step }, peak]]
    }
    case 'total': {
      const actual = at.totals[fact.counter]
      return actual === fact.value ? [] : [[`total ${fact.counter}`, fact.value, actual]]
    }
    case 'freeList': {
      const actual = at.structures.freeList?.map((e) => [e.addr, e.size])
      return same(fact.entries, actual) ? [] : [['the free list', fact.entries, actual]]
    }
    case 'rover': {
      const actual = at.structures.rover
      return actual === fact.addr ? [] : [['the rover', fact.addr, actual]]
    }
    case 'freeAreas': {
      const actual = at.structures.freeAreas?.map((area) => area.addresses.length)
      return same(fact.counts, actual) ? [] : [['free blocks per order', fact.counts, actual]]
    }
    case 'freeBlocks': {
      const area = at.structures.freeAreas?.find((a) => a.order === fact.order)
      const actual = area?.addresses.map((addr) => addr / run.pageBytes)
      return same(fact.frames, actual)
        ? []
        : [[`free blocks of order ${fact.order}`, fact.frames, actual]]
    }
    case 'slabs': {
      const cache = at.structures.caches?.find((c) => c.name === fact.cache)
      const count = (list: string): number | undefined =>
        cache?.slabs.filter((slab) => slab.list === list).length
      const actual = { full: count('full'), partial: count('partial'), empty: count('empty') }
      const expected = { full: fact.full, partial: fact.partial, empty: fact.empty }
      return same(expected, actual) ? [] : [[`slabs of ${fact.cache}`, expected, actual]]
    }
  }
}

function compareRequest(fact: LessonFact & { kind: 'request' }, at: Observation): Difference[] {
  const outcome = at.outcome
  if (outcome === undefined) return [['the request', fact, 'no request before the first']]
  const differences: Difference[] = []
  for (const [field, expected] of Object.entries(fact)) {
    if (field === 'kind' || field === 'config') continue
    const actual = outcome[field as keyof typeof outcome]
    if (actual !== expected) differences.push([`the request's ${field}`, expected, actual])
  }
  return differences
}

/** The highest value from the first request to `step` and the first step that had it (as RunPeaks). */
function peakUpTo(
  run: ObservedRun,
  step: number,
  metric: keyof Observation['metrics']
): { value: number; step: number } {
  let peak = { value: 0, step: -1 }
  for (let position = 1; position <= step + 1; position++) {
    const value = run.positions[position]!.metrics[metric]
    if (value > peak.value) peak = { value, step: position - 1 }
  }
  return peak
}

function sameMetric(
  metric: keyof Observation['metrics'],
  expected: number,
  actual: number
): boolean {
  return METRICS[metric].unit === 'ratio'
    ? Math.abs(expected - actual) <= RATIO_TOLERANCE
    : expected === actual
}

function same(expected: unknown, actual: unknown): boolean {
  return JSON.stringify(expected) === JSON.stringify(actual)
}
