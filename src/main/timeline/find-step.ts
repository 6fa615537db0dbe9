import type { FindCondition, StructuralDetail } from '@shared/run-schemas'
import { CODE_STRIDE, Op } from '@shared/scenario/program'
import { METRICS, isStepMetricName } from '@shared/vocabulary/metrics'
import { REQUEST_STATUSES } from '@shared/vocabulary/request-statuses'
import { opWord } from '../engine/op-names'
import { Status } from '../engine/outcome'
import type { MetricColumns } from './metric-columns'
import { SparseField } from './timeline-format'
import type { TimelineReader } from './timeline-reader'

export interface FindQuery {
  /** Included: forward looks at steps ≥ from, backward at steps ≤ from. */
  readonly from: number
  readonly direction: 'forward' | 'backward'
  readonly condition: FindCondition
  readonly handle?: string
  readonly limit?: number
  readonly skip?: number
}

export interface FindResult {
  readonly step: number | null
  readonly steps: number[]
  readonly stride: number
  readonly total: number | null
  readonly index: number | null
}

/** The blocks one request cut or joined (explain-structure.ts), for what the record cannot tell. */
export type StepExplainer = (step: number) => Promise<readonly StructuralDetail[]>

/** A test on one step; `undefined` means the record cannot tell and the explainer must. */
type StepTest = (step: number) => boolean | undefined

/**
 * The steps of a recorded timeline that meet a condition, nearest first in
 * the search's direction: what breakpoints, "next failure", the event log's
 * filters and "the step that made this block" all ask. Everything but the
 * order of a buddy merge is read off the record; that one is asked of
 * `explain` where the record cannot give it (a realloc, or merges made while
 * a slab cache gives pages back).
 */
export async function findSteps(
  reader: TimelineReader,
  columns: MetricColumns,
  query: FindQuery,
  explain?: StepExplainer
): Promise<FindResult> {
  const limit = Math.max(1, query.limit ?? 1)
  const skip = Math.max(0, query.skip ?? 0)
  const condition = query.condition
  if (condition.kind === 'metric') {
    return findCrossings(reader, columns, condition, query.from, query.direction, limit, skip)
  }
  const test = stepTest(reader, condition, query.handle)
  const count = reader.count
  const from = Math.min(Math.max(query.from, 0), count - 1)
  const forward = query.direction === 'forward'
  const steps: number[] = []
  let passed = 0
  if (count > 0) {
    for (let step = from; forward ? step < count : step >= 0; step += forward ? 1 : -1) {
      let hit = test(step)
      if (hit === undefined) hit = await askMergeOrder(explain, step, condition)
      if (!hit) continue
      if (passed++ < skip) continue
      steps.push(step)
      if (steps.length >= limit) break
    }
  }
  // The record decides most conditions alone; then a second pass gives the total and the index.
  let total: number | null = 0
  let before = 0
  const first = steps[0]
  for (let step = 0; step < count && total !== null; step++) {
    const hit = test(step)
    if (hit === undefined) total = null
    else if (hit) {
      total++
      if (first !== undefined && step < first) before++
    }
  }
  const index = total === null || first === undefined ? null : before
  return { step: steps[0] ?? null, steps, stride: 1, total, index }
}

const ALLOCATING: ReadonlySet<number> = new Set([
  Op.Alloc,
  Op.Realloc,
  Op.PageAlloc,
  Op.CacheAlloc,
  Op.Kmalloc
])

/** Frees whose freed block is the event's own block, so its order is known from the record. */
const FREEING: ReadonlySet<number> = new Set([Op.Free, Op.PageFree, Op.Kfree])

type EventCondition = Exclude<FindCondition, { kind: 'metric' }>

function stepTest(reader: TimelineReader, condition: EventCondition, handle?: string): StepTest {
  const program = reader.program
  const code = program.code
  const handleId = handle === undefined ? undefined : program.handles.indexOf(handle)
  const base = conditionTest(reader, condition)
  if (handleId === undefined) return base
  if (handleId < 0) return () => false
  return (step) => (code[step * CODE_STRIDE + 1] === handleId ? base(step) : false)
}

function conditionTest(reader: TimelineReader, condition: EventCondition): StepTest {
  const t = reader.timeline
  const code = reader.program.code
  const splitMerge = t.splitMerge
  const geometry = t.geometry
  switch (condition.kind) {
    case 'failure': {
      const wanted =
        condition.cause === 'no-memory'
          ? [Status.FailNoMemory]
          : condition.cause === 'fragmented'
            ? [Status.FailFragmented]
            : [Status.FailNoMemory, Status.FailFragmented]
      return (step) => wanted.includes(reader.status(step) as 1 | 2)
    }
    case 'split':
      return (step) => (splitMerge[step]! & 0x0f) !== 0
    case 'coalesce':
      if (geometry.kind !== 'heap') return () => false
      return (step) => splitMerge[step]! >> 4 !== 0
    case 'merge': {
      if (geometry.kind !== 'pages' && geometry.kind !== 'slab') return () => false
      const minOrder = condition.minOrder ?? 0
      if (minOrder === 0) return (step) => splitMerge[step]! >> 4 !== 0
      const page = geometry.pageBytes
      return (step) => {
        if (splitMerge[step]! >> 4 === 0) return false
        const op = code[step * CODE_STRIDE]!
        if (geometry.kind === 'slab' || !FREEING.has(op)) return undefined
        // Each merge doubles the freed block, so the last one reached order(freed) + merges.
        const frames = reader.granted(step) / page
        return Math.log2(frames) + reader.decode(step).merges >= minOrder
      }
    }
    case 'slabGrown':
    case 'slabReaped': {
      const marks = sparseMarks(
        reader,
        condition.kind === 'slabGrown' ? SparseField.SlabsGrown : SparseField.SlabsReaped
      )
      return (step) => marks[step] === 1
    }
    case 'placed':
      return (step) =>
        reader.status(step) === Status.Ok && ALLOCATING.has(code[step * CODE_STRIDE]!)
    case 'request': {
      const ops = condition.ops && condition.ops.length > 0 ? new Set(condition.ops) : null
      const statuses =
        condition.statuses && condition.statuses.length > 0
          ? new Set(condition.statuses.map((word) => REQUEST_STATUSES.indexOf(word)))
          : null
      return (step) =>
        (!ops || ops.has(opWord(code[step * CODE_STRIDE]!))) &&
        (!statuses || statuses.has(reader.status(step)))
    }
  }
}

async function askMergeOrder(
  explain: StepExplainer | undefined,
  step: number,
  condition: FindCondition
): Promise<boolean> {
  if (!explain) throw new Error(`find: the order of the merge at step ${step} needs an explainer`)
  const minOrder = condition.kind === 'merge' ? (condition.minOrder ?? 0) : 0
  const details = await explain(step)
  return details.some((detail) => detail.kind === 'buddyMerged' && detail.result.order >= minOrder)
}

/** 1 at each step whose sparse entries have a non-zero `field`. */
function sparseMarks(reader: TimelineReader, field: number): Uint8Array {
  const t = reader.timeline
  const marks = new Uint8Array(reader.count)
  for (let s = 0; s < t.sparseStep.length; s++) {
    if (t.sparseField[s] === field && t.sparseValue[s]! > 0) marks[t.sparseStep[s]!] = 1
  }
  return marks
}

/**
 * Steps where a metric crosses a value. A running metric crosses where it
 * passes the value after not having done so the step before (from its
 * initial value before the first request); a per-request counter such as
 * entries examined "crosses" at every request beyond the value.
 */
function findCrossings(
  reader: TimelineReader,
  columns: MetricColumns,
  condition: Extract<FindCondition, { kind: 'metric' }>,
  from: number,
  direction: 'forward' | 'backward',
  limit: number,
  skip: number
): FindResult {
  const beyond =
    condition.crossing === 'above'
      ? (v: number) => v > condition.value
      : (v: number) => v < condition.value
  let stepsOf: number[]
  let values: ArrayLike<number>
  let initial: number
  let stride = 1
  if (isStepMetricName(condition.metric)) {
    values = columns.step(condition.metric)
    initial = 0
    stepsOf = []
  } else {
    const sampled = columns.sampled(condition.metric)
    // The first sample is taken before any request: it is the initial value.
    initial = sampled.positions[0] === 0 ? sampled.values[0]! : 0
    const first = sampled.positions[0] === 0 ? 1 : 0
    values = sampled.values.subarray(first)
    stepsOf = Array.from(sampled.positions.subarray(first), (position) => position - 1)
    stride = reader.timeline.options.metricStride
  }
  const perRequest = METRICS[condition.metric].perRequest
  const n = values.length
  const stepAt = (i: number): number => (stepsOf.length > 0 ? stepsOf[i]! : i)
  const crosses = (i: number): boolean => {
    const now = values[i]!
    if (!beyond(now)) return false
    if (perRequest) return true
    return !beyond(i === 0 ? initial : values[i - 1]!)
  }
  // Every crossing, ascending; a timeline has as many values as requests at most.
  const all: number[] = []
  for (let i = 0; i < n; i++) if (crosses(i)) all.push(stepAt(i))
  const ordered =
    direction === 'forward' ? all.filter((s) => s >= from) : all.filter((s) => s <= from).reverse()
  const steps = ordered.slice(skip, skip + limit)
  const first = steps[0]
  return {
    step: first ?? null,
    steps,
    stride,
    total: all.length,
    index: first === undefined ? null : lowerBound(all, first)
  }
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
