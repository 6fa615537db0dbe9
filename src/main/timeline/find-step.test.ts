import { describe, expect, it } from 'vitest'
import { compileScenario, type CompiledProgram } from '@shared/scenario'
import type { StructuralDetail } from '@shared/run-schemas'
import { EngineReplayer } from './engine-replayer'
import { explainStructure } from './explain-structure'
import { findSteps, type FindQuery, type StepExplainer } from './find-step'
import { MetricColumns } from './metric-columns'
import { DEFAULT_TIMELINE_OPTIONS } from './timeline-format'
import { TimelineReader } from './timeline-reader'
import { recordInProcess, type Recorded } from './testing/record-in-process'

function compiled(lines: string[]): CompiledProgram {
  const result = compileScenario(`${lines.join('\n')}\n`)
  if (!result.program) throw new Error(`does not compile: ${result.diagnostics[0]?.messageKey}`)
  return result.program
}

const TEXTBOOK = 'first-fit:arena=100,base=1000,header=0,align=1,meta=side'

/** Worked by hand on a 100-byte arena at 1000 (first fit, address order, coalescing). */
const HEAP = compiled([
  'alloc a 10', //  0: a 1000:10, 90 left at 1010              requested live 10
  'alloc b 20', //  1: b 1010:20, 70 left at 1030              30
  'alloc c 80', //  2: 70 free in all < 80: not enough memory  30
  'free a', //      3: 1000:10 free, b in use above            20
  'alloc d 60', //  4: 1000:10 too small; d 1030:60, 10 left   80
  'alloc e 15', //  5: 20 free in all but no 15-byte block     80
  'free b', //      6: 1010:20 joins 1000:10 below -> 1000:30  60
  'alloc a 25' //   7: a 1000:25, 5 left at 1025               85
])

function explainer(run: Recorded, asked: number[] = []): StepExplainer {
  const reader = new TimelineReader(run.timeline, run.program)
  const replayer = new EngineReplayer(run.family, run.values, run.program)
  return async (step) => {
    asked.push(step)
    const [details] = await explainStructure(reader, replayer, step, step + 1)
    return details ?? ([] as StructuralDetail[])
  }
}

async function find(run: Recorded, query: FindQuery, explain?: StepExplainer) {
  const reader = new TimelineReader(run.timeline, run.program)
  return findSteps(reader, new MetricColumns(reader), query, explain)
}

describe('finding steps in a recorded timeline', () => {
  // As the service records short runs: structure metrics sampled after every request.
  const heap = recordInProcess(TEXTBOOK, HEAP, { ...DEFAULT_TIMELINE_OPTIONS, metricStride: 1 })

  it('finds the next and the previous failure, counting from the step it starts at', async () => {
    const next = await find(heap, {
      from: 3,
      direction: 'forward',
      condition: { kind: 'failure' }
    })
    expect(next).toEqual({ step: 5, steps: [5], stride: 1, total: 2, index: 1 })

    const previous = await find(heap, {
      from: 5,
      direction: 'backward',
      condition: { kind: 'failure' }
    })
    expect(previous.step).toBe(5)
    const before = await find(heap, {
      from: 4,
      direction: 'backward',
      condition: { kind: 'failure' }
    })
    expect(before).toEqual({ step: 2, steps: [2], stride: 1, total: 2, index: 0 })
  })

  it('tells the two causes of failure apart', async () => {
    const fragmented = await find(heap, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'failure', cause: 'fragmented' }
    })
    expect(fragmented.steps).toEqual([5])
    const noMemory = await find(heap, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'failure', cause: 'no-memory' },
      limit: 10
    })
    expect(noMemory.steps).toEqual([2])
  })

  it('answers null when nothing matches in that direction', async () => {
    const result = await find(heap, {
      from: 6,
      direction: 'forward',
      condition: { kind: 'failure' }
    })
    expect(result).toEqual({ step: null, steps: [], stride: 1, total: 2, index: null })
  })

  it('finds heap coalesces, and no buddy merges in a heap', async () => {
    const coalesce = await find(heap, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'coalesce' },
      limit: 10
    })
    expect(coalesce.steps).toEqual([6])
    const merge = await find(heap, { from: 0, direction: 'forward', condition: { kind: 'merge' } })
    expect(merge).toEqual({ step: null, steps: [], stride: 1, total: 0, index: null })
  })

  it('finds the splits: every allocation that cut a bigger free block', async () => {
    const splits = await find(heap, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'split' },
      limit: 10
    })
    expect(splits.steps).toEqual([0, 1, 4, 7])
  })

  it('finds the step that made a block: the last placement of its handle, looking back', async () => {
    const made = (from: number) =>
      find(heap, { from, direction: 'backward', condition: { kind: 'placed' }, handle: 'a' })
    expect((await made(6)).step).toBe(0)
    expect((await made(7)).step).toBe(7)
    const unknown = await find(heap, {
      from: 7,
      direction: 'backward',
      condition: { kind: 'placed' },
      handle: 'nobody'
    })
    expect(unknown).toEqual({ step: null, steps: [], stride: 1, total: 0, index: null })
  })

  it('filters requests by word and outcome, with a page of matches and their place in all', async () => {
    const frees = await find(heap, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'request', ops: ['free'] },
      limit: 10
    })
    expect(frees.steps).toEqual([3, 6])
    const page = await find(heap, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'request', ops: ['alloc'], statuses: ['ok'] },
      limit: 2,
      skip: 1
    })
    expect(page).toEqual({ step: 1, steps: [1, 4], stride: 1, total: 4, index: 1 })
    const backwards = await find(heap, {
      from: 7,
      direction: 'backward',
      condition: { kind: 'request', statuses: ['no-memory', 'fragmented'] },
      limit: 5
    })
    expect(backwards.steps).toEqual([5, 2])
    expect(backwards.index).toBe(1)
  })

  it('stops where a running metric crosses a value, not wherever it is beyond it', async () => {
    const above = await find(heap, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'metric', metric: 'requestedLive', crossing: 'above', value: 70 },
      limit: 10
    })
    // 20 -> 80 at step 4, stays 80 at 5, drops to 60 at 6, 85 at 7.
    expect(above).toEqual({ step: 4, steps: [4, 7], stride: 1, total: 2, index: 0 })
    const below = await find(heap, {
      from: 7,
      direction: 'backward',
      condition: { kind: 'metric', metric: 'requestedLive', crossing: 'below', value: 70 }
    })
    expect(below.step).toBe(6)
  })

  it('stops at every request whose per-request counter is beyond the value', async () => {
    // Free lists before each request: [1000:100] [1010:90] [1030:70] [1030:70]
    // [1000:10, 1030:70] (d looks at 2) [1000:10, 1090:10] (e looks at 2) ... [1000:30, 1090:10].
    const examined = await find(heap, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'metric', metric: 'examined', crossing: 'above', value: 1 },
      limit: 10
    })
    expect(examined.steps).toEqual([4, 5])
  })

  it('reads sampled metrics from their samples, saying how far apart they are', async () => {
    const exact = await find(heap, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'metric', metric: 'freeBlocks', crossing: 'above', value: 1 }
    })
    // Step 3 frees a below b: 1000:10 and 1030:70 are two free blocks.
    expect(exact).toMatchObject({ step: 3, stride: 1 })

    const sparse = recordInProcess(TEXTBOOK, HEAP, {
      ...DEFAULT_TIMELINE_OPTIONS,
      metricStride: 4
    })
    const sampled = await find(sparse, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'metric', metric: 'freeBlocks', crossing: 'above', value: 1 }
    })
    // Samples after 0, 4 and 8 requests: the crossing shows at the sample after step 3.
    expect(sampled).toMatchObject({ step: 3, stride: 4 })
  })

  it('finds a buddy merge by the order it reached, from the record alone for a plain free', async () => {
    // The article's example: 256 frames from an empty 1024-frame pool, then given back.
    const run = recordInProcess(
      'buddy:frames=1024,page=4KiB,max-order=10',
      compiled(['frames 1024', 'pages a 8', 'free-pages a'])
    )
    const asked: number[] = []
    const order10 = await find(
      run,
      { from: 0, direction: 'forward', condition: { kind: 'merge', minOrder: 10 } },
      explainer(run, asked)
    )
    expect(order10).toEqual({ step: 1, steps: [1], stride: 1, total: 1, index: 0 })
    const order11 = await find(
      run,
      { from: 0, direction: 'forward', condition: { kind: 'merge', minOrder: 11 } },
      explainer(run, asked)
    )
    expect(order11.step).toBeNull()
    expect(asked).toEqual([])
  })

  it('asks the engine for the order of a merge a realloc made, and gives no total then', async () => {
    const run = recordInProcess(
      'buddy:frames=16,page=4KiB,max-order=4',
      compiled([
        'frames 16',
        'alloc a 4KiB', //    0: order 0 at frame 0 (splits 16 -> 1)
        'realloc a 8KiB', //  1: order 1 at frame 2; frame 0 freed joins frame 1 -> order 1 at 0
        'free a' //           2: frames 2-3 join 0-1, then 4-7, then 8-15 -> order 4
      ])
    )
    const asked: number[] = []
    const merges = await find(
      run,
      { from: 0, direction: 'forward', condition: { kind: 'merge', minOrder: 1 }, limit: 5 },
      explainer(run, asked)
    )
    expect(merges).toEqual({ step: 1, steps: [1, 2], stride: 1, total: null, index: null })
    expect(asked).toEqual([1])
    const high = await find(
      run,
      { from: 0, direction: 'forward', condition: { kind: 'merge', minOrder: 2 } },
      explainer(run)
    )
    expect(high.step).toBe(2)
  })

  it('finds the slabs a cache grew and reaped', async () => {
    const run = recordInProcess(
      'slab:frames=64,page=4KiB,max-order=6',
      compiled([
        'frames 64',
        'cache inode 600', // 0
        'object i1 inode', // 1: the cache grows its first slab
        'free-object i1', //  2
        'shrink inode' //     3: the empty slab goes back to the pages
      ])
    )
    const grown = await find(run, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'slabGrown' }
    })
    const reaped = await find(run, {
      from: 0,
      direction: 'forward',
      condition: { kind: 'slabReaped' }
    })
    expect([grown.step, reaped.step]).toEqual([1, 3])
  })
})
