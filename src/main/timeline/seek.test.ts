import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GeneratorKind, GeneratorOptions } from '@shared/scenario/generators/options'
import { MapState, MetricsSnapshot } from '../engine/target'
import { EngineReplayer } from './engine-replayer'
import { mapAfter } from './map-seek'
import { MetricColumns } from './metric-columns'
import { readStructures } from './structures'
import { TimelineReader } from './timeline-reader'
import {
  configOf,
  programOf,
  recordInProcess,
  targetAfter,
  walkRows,
  type Recorded
} from './testing/record-in-process'
import type { MapRuns } from './map-runs'

interface Case {
  readonly spec: string
  readonly kind: GeneratorKind
  readonly options: Omit<GeneratorOptions, 'seed'>
}

const heapOptions = {
  count: 300,
  maxLive: 20,
  sizeMin: 1,
  sizeMax: 600,
  arena: 16384,
  reallocShare: 0.2
}
const CASES: readonly Case[] = [
  { spec: 'first-fit:order=front', kind: 'random', options: heapOptions },
  { spec: 'first-fit:coalesce=off,order=addr', kind: 'random', options: heapOptions },
  { spec: 'next-fit:meta=side,header=0,align=1', kind: 'random', options: heapOptions },
  {
    spec: 'best-fit:order=size-asc,meta=side',
    kind: 'fragmentation',
    options: { count: 300, arena: 16384 }
  },
  { spec: 'worst-fit:coalesce=off,meta=side,header=12', kind: 'random', options: heapOptions },
  // malloc.py's rules: tiny remainders, re-sorted lists, list-neighbour coalescing.
  {
    spec: 'first-fit:meta=side,header=4,align=1,order=size-asc,merge=list',
    kind: 'random',
    options: heapOptions
  },
  { spec: 'best-fit:meta=side,header=12,order=size-desc', kind: 'random', options: heapOptions },
  // CS:APP's growing implicit-list heap, which starts far smaller than it ends.
  {
    spec: 'first-fit:word=8,header=16,align=16,list=implicit,realloc=move,prologue=24,epilogue=8,arena=4128,grow=4KiB,limit=256KiB',
    kind: 'random',
    options: { ...heapOptions, maxLive: 60 }
  },
  {
    spec: 'first-fit',
    kind: 'pages',
    options: { count: 200, maxLive: 10, orderMin: 0, orderMax: 3, frames: 64 }
  },
  {
    spec: 'buddy',
    kind: 'pages',
    options: { count: 300, maxLive: 20, orderMin: 0, orderMax: 4, frames: 200, maxOrder: 5 }
  },
  { spec: 'buddy:frames=100', kind: 'random', options: { ...heapOptions, arena: undefined } },
  {
    spec: 'slab',
    kind: 'slab',
    options: { count: 300, caches: 3, maxLive: 40, sizeMin: 24, sizeMax: 900, frames: 256 }
  },
  {
    spec: 'slab:frames=256',
    kind: 'random',
    options: { ...heapOptions, arena: undefined, sizeMax: 9000 }
  },
  {
    spec: 'slab',
    kind: 'pages',
    options: { count: 200, maxLive: 10, orderMin: 0, orderMax: 3, frames: 128 }
  }
]

function rowsOf(runs: MapRuns): [number, number, number, number][] {
  const rows: [number, number, number, number][] = []
  for (let r = 0; r < runs.count; r++)
    rows.push([runs.start[r]!, runs.length[r]!, runs.state[r]!, runs.handle[r]!])
  return rows
}

const recordings = new Map<string, Recorded>()
function recorded(index: number, seed: number, interval: number): Recorded {
  const key = `${index}/${seed}/${interval}`
  let value = recordings.get(key)
  if (!value) {
    const c = CASES[index]!
    value = recordInProcess(c.spec, programOf(c.kind, { seed, ...c.options }), {
      keyframeInterval: interval,
      metricStride: 8
    })
    recordings.set(key, value)
  }
  return value
}

describe('seeking a timeline', () => {
  it('gives the map and structures that replaying requests 0..k one by one gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: CASES.length - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(1, 7, 32, 4096),
        fc.integer({ min: 0, max: 10_000 }),
        async (index, seed, interval, pick) => {
          const run = recorded(index, seed, interval)
          const reader = new TimelineReader(run.timeline, run.program)
          const k = pick % run.program.count
          const oracle = targetAfter(run, k + 1)
          expect(rowsOf(mapAfter(reader, k + 1)), `${CASES[index]!.spec} at step ${k}`).toEqual(
            walkRows(oracle)
          )
          const replayer = new EngineReplayer(run.family, run.values, run.program, {
            checkpointEvery: 50
          })
          await replayer.read(Math.floor(k / 2), () => undefined)
          const seen = await replayer.read(k + 1, readStructures)
          expect(seen).toEqual(readStructures(oracle))
        }
      ),
      { numRuns: 120 }
    )
  })

  it('steps back one request at a time to the states replaying 0..k gives, each from a checkpoint just behind', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: CASES.length - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 10_000 }),
        async (index, seed, pick) => {
          const run = recorded(index, seed, 32)
          const every = 64
          const replayer = new EngineReplayer(run.family, run.values, run.program, {
            checkpointEvery: every
          })
          const k = Math.max(8, pick % run.program.count)
          await replayer.read(k + 1, () => undefined)
          for (let back = k; back > k - 8; back--) {
            const before = replayer.requestsRun
            const seen = await replayer.read(back, readStructures)
            expect(seen, `${CASES[index]!.spec} back to ${back}`).toEqual(
              readStructures(targetAfter(run, back))
            )
            // The first step back, and one that passes a checkpoint, replay from the checkpoint
            // before; every other starts from a fine one just behind.
            if (back < k && (back + 1) % every !== 0)
              expect(replayer.requestsRun - before).toBeLessThanOrEqual(every / 16)
          }
        }
      ),
      { numRuns: 60 }
    )
  })

  it('lets other work run while a long replay goes on, even with no limit in requests', async () => {
    const program = programOf('random', { seed: 3, ...heapOptions, count: 200_000, maxLive: 400 })
    const { family, values } = configOf('best-fit', program)
    // A clock that moves 3 ms at each reading: the replay is long on any machine, however fast.
    let now = 0
    const replayer = new EngineReplayer(family, values, program, {
      checkpointEvery: program.count,
      sliceRequests: Number.MAX_SAFE_INTEGER,
      clock: () => (now += 3)
    })
    // Other work: a task that queues itself again each turn of the event loop.
    let turns = 0
    let replaying = true
    const other = (): void => {
      turns++
      if (replaying) setImmediate(other)
    }
    setImmediate(other)
    await replayer.read(program.count, () => undefined)
    replaying = false
    expect(replayer.requestsRun).toBe(program.count)
    // The clock passes 8 ms every third chunk of 1,024 requests, and each time the replay yields.
    const chunks = Math.ceil(program.count / 1024)
    expect(turns).toBeGreaterThanOrEqual(Math.floor(chunks / 3) - 1)
  })

  it('derives per-request live metrics equal to the allocator’s own', () => {
    for (let index = 0; index < CASES.length; index++) {
      const run = recorded(index, 2, 64)
      const columns = new MetricColumns(new TimelineReader(run.timeline, run.program))
      const requested = columns.step('requestedLive')
      const allocated = columns.step('allocatedLive')
      const live = columns.step('liveBlocks')
      for (const k of [0, 17, 99, run.program.count - 1]) {
        const snapshot = new MetricsSnapshot()
        targetAfter(run, k + 1).metrics(snapshot)
        const where = `${CASES[index]!.spec} step ${k}`
        expect(requested[k], where).toBe(snapshot.requestedLive)
        expect(allocated[k], where).toBe(snapshot.allocatedLive)
        expect(live[k], where).toBe(snapshot.liveBlocks)
      }
    }
  })
})

describe('seeking the timeline of a growing heap', () => {
  const spec =
    'first-fit:word=8,header=16,align=16,list=implicit,realloc=move,prologue=24,epilogue=8,arena=4128,grow=4KiB,limit=256KiB'

  it('shows the break moving up as the heap grows, the same as the allocator at every step', () => {
    const program = programOf('random', { seed: 3, ...heapOptions, maxLive: 60 })
    const run = recordInProcess(spec, program, { keyframeInterval: 64, metricStride: 8 })
    const reader = new TimelineReader(run.timeline, run.program)
    const breaks: number[] = []
    for (let k = 0; k <= program.count; k++) {
      const rows = rowsOf(mapAfter(reader, k))
      expect(rows, `step ${k}`).toEqual(walkRows(targetAfter(run, k)))
      const last = rows[rows.length - 1]!
      // The last run is what the heap has not obtained yet: it starts at the break.
      expect(last[2]).toBe(MapState.Unobtained)
      if (breaks[breaks.length - 1] !== last[0]) breaks.push(last[0])
    }
    expect(breaks[0]).toBe(4128)
    expect(breaks.length).toBeGreaterThan(2)
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks)
    expect(run.timeline.geometry).toMatchObject({ kind: 'heap', arenaBytes: 256 * 1024 })
  })
})
