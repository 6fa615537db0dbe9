import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileScenario, type CompiledProgram } from '@shared/scenario'
import { CODE_STRIDE, Op } from '@shared/scenario/program'
import { StructuralDetailSchema, type StructuralDetail } from '@shared/run-schemas'
import { Status } from '../engine/outcome'
import { describeEvents } from './describe-events'
import { EngineReplayer } from './engine-replayer'
import { explainStructure } from './explain-structure'
import { mapAfter } from './map-seek'
import type { MapRuns } from './map-runs'
import { readStructures } from './structures'
import { TimelineReader } from './timeline-reader'
import { programOf, recordInProcess, targetAfter, type Recorded } from './testing/record-in-process'

function compiled(lines: string[]): CompiledProgram {
  const result = compileScenario(`${lines.join('\n')}\n`)
  if (!result.program) throw new Error(`does not compile: ${result.diagnostics[0]?.messageKey}`)
  return result.program
}

async function explained(run: Recorded, from = 0, to = run.program.count) {
  const reader = new TimelineReader(run.timeline, run.program)
  const replayer = new EngineReplayer(run.family, run.values, run.program, { checkpointEvery: 64 })
  return { reader, details: await explainStructure(reader, replayer, from, to) }
}

type Coalesced = Extract<StructuralDetail, { kind: 'coalesced' }>

describe('explaining which blocks a request cut or joined', () => {
  it('names the neighbours a heap free coalesced with, worked by hand', async () => {
    // 100-byte arena at 1000, header 0, align 1, side tables, first-fit, address order.
    const program = compiled([
      'alloc a 10', //  0: 1000:100 cut -> a 1000:10, remainder 1010:90 free
      'alloc b 20', //  1: 1010:90 cut -> b 1010:20, remainder 1030:70 free
      'alloc c 30', //  2: 1030:70 cut -> c 1030:30, remainder 1060:40 free
      'free a', //      3: below none, above b in use -> no coalesce; free 1000:10
      'free b', //      4: above c in use, below 1000:10 free -> 1000:30
      'free c', //      5: above 1060:40 and below 1000:30 free -> 1000:100, the whole arena
      'alloc d 50', //  6: 1000:100 cut -> d 1000:50, remainder 1050:50
      'realloc d 20', // 7: shrink: d 1000:50 cut, tail 1020:30 freed; above 1050:50 free -> 1020:80
      'realloc d 40', // 8: grow in place: free 1020:80 cut, d takes 20, remainder 1040:60
      'alloc e 10', //  9: 1040:60 cut -> e 1040:10, remainder 1050:50
      'realloc d 45', // 10: e blocks growth; moves: 1050:50 cut -> 1050:45, remainder 1095:5;
      //                   old d 1000:40 freed: below none, above e in use -> no coalesce
      'free e' //      11: above d (1050) in use, below 1000:40 free -> 1000:50
    ])
    const run = recordInProcess('first-fit:arena=100,base=1000,header=0,align=1,meta=side', program)
    const { details } = await explained(run)
    const split = (addr: number, size: number, rest: number, restSize: number) => ({
      kind: 'splitRemainder',
      block: { addr, size },
      remainder: { addr: rest, size: restSize }
    })
    expect(details).toEqual([
      [split(1000, 100, 1010, 90)],
      [split(1010, 90, 1030, 70)],
      [split(1030, 70, 1060, 40)],
      [],
      [
        {
          kind: 'coalesced',
          freed: { addr: 1010, size: 20 },
          with: [{ side: 'below', addr: 1000, size: 10 }],
          result: { addr: 1000, size: 30 }
        }
      ],
      [
        {
          kind: 'coalesced',
          freed: { addr: 1030, size: 30 },
          with: [
            { side: 'below', addr: 1000, size: 30 },
            { side: 'above', addr: 1060, size: 40 }
          ],
          result: { addr: 1000, size: 100 }
        }
      ],
      [split(1000, 100, 1050, 50)],
      [
        split(1000, 50, 1020, 30),
        {
          kind: 'coalesced',
          freed: { addr: 1020, size: 30 },
          with: [{ side: 'above', addr: 1050, size: 50 }],
          result: { addr: 1020, size: 80 }
        }
      ],
      [split(1020, 80, 1040, 60)],
      [split(1040, 60, 1050, 50)],
      [split(1050, 50, 1095, 5)],
      [
        {
          kind: 'coalesced',
          freed: { addr: 1040, size: 10 },
          with: [{ side: 'below', addr: 1000, size: 40 }],
          result: { addr: 1000, size: 50 }
        }
      ]
    ])
  })

  it('follows the article’s buddy example: a 256-frame block merges with two buddies into one of order 10', async () => {
    // 1024 frames are one block of order 10 at frame 0. Asking for 256 frames (order 8)
    // halves it twice: 512 frames at 512 (order 9) and 256 at 256 (order 8) go free.
    // Freeing it merges with the buddy at 256 (0 ^ 256), then with the one at 512
    // (0 ^ 512): one block of order 10 at frame 0 again.
    const run = recordInProcess('buddy', compiled(['frames 1024', 'pages a 8', 'free-pages a']))
    const { details } = await explained(run)
    expect(details).toEqual([
      [
        {
          kind: 'buddySplit',
          block: { frame: 0, order: 10 },
          halves: [
            { frame: 512, order: 9 },
            { frame: 256, order: 8 }
          ],
          result: { frame: 0, order: 8 }
        }
      ],
      [
        {
          kind: 'buddyMerged',
          freed: { frame: 0, order: 8 },
          buddies: [
            { frame: 256, order: 8 },
            { frame: 512, order: 9 }
          ],
          result: { frame: 0, order: 10 }
        }
      ]
    ])
  })

  it('adds the details after the counts in the event records, in the schema’s shape', async () => {
    const run = recordInProcess(
      'buddy',
      compiled(['frames 64', 'pages a 2', 'pages b 0', 'pages c 3', 'free-pages b'])
    )
    const { reader, details } = await explained(run, 1, 4)
    const events = describeEvents(reader, 1, 4, details)
    // b (order 0) comes from the order-2 block at frame 4 left over from a's split.
    expect(events[0]!.structural).toEqual([
      { kind: 'split', count: 2 },
      {
        kind: 'buddySplit',
        block: { frame: 4, order: 2 },
        halves: [
          { frame: 6, order: 1 },
          { frame: 5, order: 0 }
        ],
        result: { frame: 4, order: 0 }
      }
    ])
    // Freeing b at 4 merges with 5 (order 0), then 6 (order 1); its order-2 buddy at 0 is a's.
    expect(events[2]!.structural).toEqual([
      { kind: 'merge', count: 2 },
      {
        kind: 'buddyMerged',
        freed: { frame: 4, order: 0 },
        buddies: [
          { frame: 5, order: 0 },
          { frame: 6, order: 1 }
        ],
        result: { frame: 4, order: 2 }
      }
    ])
    for (const event of events) {
      for (const entry of event.structural) {
        if ('count' in entry) continue
        expect(StructuralDetailSchema.safeParse(entry).success).toBe(true)
      }
    }
  })

  it('replays nothing for a window without splits or merges', async () => {
    const run = recordInProcess('buddy', compiled(['frames 4', 'pages a 2', 'free-pages a']))
    const reader = new TimelineReader(run.timeline, run.program)
    const replayer = new EngineReplayer(run.family, run.values, run.program)
    let walked = false
    replayer.walk = () => {
      walked = true
      return Promise.resolve()
    }
    expect(await explainStructure(reader, replayer, 0, 2)).toEqual([[], []])
    expect(walked).toBe(false)
  })
})

/** The maximal stretch of unowned runs (a free block with its tags) ending at / starting at an offset. */
function freeStretchEndingAt(map: MapRuns, end: number): [number, number] | null {
  let r = runIndexAt(map, end - 1)
  if (r < 0 || map.handle[r]! >= 0) return null
  while (r > 0 && map.handle[r - 1]! < 0) r--
  return [map.start[r]!, end - map.start[r]!]
}

function freeStretchStartingAt(map: MapRuns, start: number): [number, number] | null {
  let r = runIndexAt(map, start)
  if (r < 0 || map.handle[r]! >= 0) return null
  while (r + 1 < map.count && map.handle[r + 1]! < 0) r++
  return [start, map.start[r]! + map.length[r]! - start]
}

function runIndexAt(map: MapRuns, offset: number): number {
  for (let r = 0; r < map.count; r++) {
    if (map.start[r]! <= offset && offset < map.start[r]! + map.length[r]!) return r
  }
  return -1
}

const HEAP_SPECS = [
  'first-fit:meta=side,header=0,align=1',
  'first-fit:order=front',
  'next-fit:meta=side,header=12,order=size-asc',
  'best-fit:order=addr',
  'worst-fit:order=back,meta=side,header=8',
  'first-fit:coalesce=off,meta=side,header=0,align=1'
] as const

describe('the blocks a heap request reports', () => {
  it('are the free blocks touching the freed block just before the request, and the free block after it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HEAP_SPECS),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(1, 16, 4096),
        async (spec, seed, keyframeInterval) => {
          const program = programOf('random', {
            seed,
            count: 160,
            maxLive: 12,
            sizeMin: 1,
            sizeMax: 300,
            arena: 4096,
            reallocShare: 0.2
          })
          const run = recordInProcess(spec, program, { keyframeInterval, metricStride: 8 })
          const { reader, details } = await explained(run)
          const geometry = reader.timeline.geometry
          if (geometry.kind !== 'heap') throw new Error(`${spec} is not a heap`)
          const base = geometry.baseAddress
          for (let k = 0; k < program.count; k++) {
            const where = `${spec} seed ${seed} step ${k}`
            const record = reader.decode(k)
            const entries = details[k]!
            const coalesced = entries.filter((d): d is Coalesced => d.kind === 'coalesced')
            const joined = coalesced.reduce((sum, d) => sum + d.with.length, 0)
            expect(joined, where).toBe(record.merges)
            expect(entries.length - coalesced.length, where).toBe(record.splits)
            if (record.status !== Status.Ok) continue
            const after = mapAfter(reader, k + 1)
            for (const d of coalesced) {
              // The merged block is the whole free stretch around the freed block afterwards.
              expect(freeStretchStartingAt(after, d.result.addr - base), where).toEqual([
                d.result.addr - base,
                d.result.size
              ])
              expect(freeStretchEndingAt(after, d.result.addr + d.result.size - base)).toEqual([
                d.result.addr - base,
                d.result.size
              ])
            }
            if (program.code[k * CODE_STRIDE] !== Op.Free) continue
            // A plain free: exactly the free blocks touching the freed one just before.
            const before = mapAfter(reader, k)
            const start = record.addr - base
            const end = start + record.granted
            const expected = []
            const below = freeStretchEndingAt(before, start)
            const above = freeStretchStartingAt(before, end)
            if (below) expected.push({ side: 'below', addr: below[0] + base, size: below[1] })
            if (above) expected.push({ side: 'above', addr: above[0] + base, size: above[1] })
            expect(coalesced[0]?.with ?? [], where).toEqual(geometry.coalesce ? expected : [])
          }
        }
      ),
      { numRuns: 60 }
    )
  })
})

describe('the blocks a buddy request reports', () => {
  it('match the counts, and each merge ends in a free block of the reported order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), async (seed) => {
        const program = programOf('pages', {
          seed,
          count: 150,
          maxLive: 12,
          orderMin: 0,
          orderMax: 4,
          frames: 200,
          maxOrder: 6
        })
        const run = recordInProcess('buddy', program)
        const { reader, details } = await explained(run)
        const geometry = reader.timeline.geometry
        const pageBytes = geometry.kind === 'pages' ? geometry.pageBytes : NaN
        for (let k = 0; k < program.count; k++) {
          const record = reader.decode(k)
          let merges = 0
          let splits = 0
          for (const d of details[k]!) {
            if (d.kind === 'buddyMerged') {
              merges += d.buddies.length
              const area = readStructures(targetAfter(run, k + 1)).freeAreas![d.result.order]!
              expect(area.addresses).toContain(d.result.frame * pageBytes)
            } else if (d.kind === 'buddySplit') {
              splits += d.halves.length
              expect(d.result.frame, `step ${k}`).toBe(record.frame)
            }
          }
          expect(merges, `step ${k}`).toBe(record.merges)
          expect(splits, `step ${k}`).toBe(record.splits)
        }
      }),
      { numRuns: 20 }
    )
  })
})
