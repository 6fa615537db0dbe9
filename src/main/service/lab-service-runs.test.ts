import { pixelState } from '@shared/timeline/map-pixel-text'
import type { LabErrorData } from '@shared/lab-error'
import { describe, expect, it } from 'vitest'
import type { LabEventName } from '@shared/api'
import { generate } from '@shared/scenario'
import { tinyFamily } from '../engine/testing/tiny-family'
import {
  compileWorkerFromSource,
  engineWorkerFromSource,
  tsxWorker
} from '../worker/testing/tsx-worker'
import { allFamilies } from '../engine/families'
import { openStore } from '../store/open-store'
import { runFinished } from './testing/run-finished'
import { LabService, type LabServiceRunOptions } from './lab-service'
import { INLINE_COMPILE_CHARS } from './scenario-compiler'

function service(options: LabServiceRunOptions = {}): {
  lab: LabService
  events: { event: LabEventName; payload: unknown }[]
} {
  const lab = new LabService(openStore(':memory:'), 'test', {
    families: () => [...allFamilies, tinyFamily],
    launch: engineWorkerFromSource,
    compileLaunch: compileWorkerFromSource,
    ...options
  })
  const events: { event: LabEventName; payload: unknown }[] = []
  lab.subscribe((event, payload) => events.push({ event, payload }))
  return { lab, events }
}

const PAGES = [
  'frames 64',
  'pages a 2',
  'pages b 0',
  'pages c 3',
  'free-pages b',
  'pages d 1',
  'free-pages a',
  ''
].join('\n')

/**
 * Start a long scenario, then make two other calls on the next turn of the
 * event loop; the order the three answers arrive in tells whether the
 * compile held the loop (a compile on this thread finishes before the next
 * turn can even begin).
 */
async function answerOrder(lab: LabService, scenario: string, runId: string): Promise<string[]> {
  const order: string[] = []
  const answered = (name: string) => () => void order.push(name)
  const start = lab
    .call('run:start', { scenario, allocators: ['first-fit'], record: false })
    .then(answered('run:start'))
  const others = new Promise<void>((resolve, reject) =>
    setImmediate(() => {
      Promise.all([
        lab.call('settings:get', {}).then(answered('settings:get')),
        lab.call('timeline:map', { runId, config: 0, step: 2 }).then(answered('timeline:map'))
      ]).then(() => resolve(), reject)
    })
  )
  await Promise.all([start, others])
  return order
}

async function error(lab: LabService, channel: string, input: unknown): Promise<LabErrorData> {
  const result = await lab.dispatch(channel, input)
  if (result.ok) throw new Error(`${channel} should have failed`)
  return result.error
}

describe('runs through LabService', () => {
  it('runs one scenario against several configs and answers timeline queries', async () => {
    const { lab, events } = service()
    const started = await lab.call('run:start', {
      scenario: PAGES,
      allocators: ['buddy', 'first-fit:arena=256KiB']
    })
    expect(started.configs.map((c) => c.family)).toEqual(['buddy', 'first-fit'])
    await runFinished(lab, started.runId)
    const summary = await lab.call('run:summary', { runId: started.runId })
    expect(summary.status).toBe('done')
    expect(summary.configs.map((c) => c.status)).toEqual(['done', 'done'])
    expect(summary.configs[0]!.summary!.requests).toBe(6)
    expect(events.filter((e) => e.event === 'run:ended')).toHaveLength(2)
    expect(events.at(-1)).toEqual({
      event: 'run:finished',
      payload: { runId: started.runId, status: 'done' }
    })

    const window = await lab.call('timeline:events', {
      runId: started.runId,
      config: 0,
      from: 1,
      count: 3
    })
    expect(window.events.map((e) => [e.step, e.op, e.handle, e.status])).toEqual([
      [1, 'pages', 'b', 'ok'],
      [2, 'pages', 'c', 'ok'],
      [3, 'free-pages', 'b', 'ok']
    ])
    expect(window.events[0]!.structural.some((s) => s.kind === 'split')).toBe(true)
    // Freeing b (order 0 at frame 4) merges with its buddies at 5 and 6; a at 0 stays in use.
    expect(window.events[2]!.structural.filter((s) => s.kind === 'buddyMerged')).toEqual([
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

    const map = await lab.call('timeline:map', { runId: started.runId, config: 0, step: 2 })
    const held = map.ranges!.filter((r) => r.handle !== null).map((r) => r.handle)
    expect(new Set(held)).toEqual(new Set(['a', 'b', 'c']))
    const pixels = await lab.call('timeline:map', {
      runId: started.runId,
      config: 0,
      step: 2,
      width: 16
    })
    expect(pixels.pixels!.dominant).toHaveLength(16)
    expect(pixelState(pixels.pixels!.dominant, 0)).toBe('used')

    const structures = await lab.call('timeline:structures', {
      runId: started.runId,
      config: 0,
      step: 5
    })
    const freeFrames = structures.freeAreas!.reduce(
      (sum, area) => sum + area.addresses.length * 2 ** area.order,
      0
    )
    expect(freeFrames).toBe(64 - 8 - 2)
    const heap = await lab.call('timeline:structures', { runId: started.runId, config: 1, step: 0 })
    expect(heap.freeList!.length).toBe(1)

    const metrics = await lab.call('timeline:metrics', {
      runId: started.runId,
      config: 0,
      from: 0,
      to: 6,
      maxPoints: 2,
      columns: ['allocatedLive', 'freeBlocks']
    })
    const allocated = metrics.columns[0]!
    expect(allocated.start).toEqual([0, 3])
    // Frames held after each request: 4, 5, 13, 12, 14, 10 pages of 4 KiB.
    expect(allocated.min).toEqual([4 * 4096, 10 * 4096])
    expect(allocated.max).toEqual([13 * 4096, 14 * 4096])
    lab.close()
  })

  it('answers a timeline:step as its questions asked one by one would be, a refusal in its place', async () => {
    const { lab } = service()
    const started = await lab.call('run:start', {
      scenario: PAGES,
      allocators: ['buddy', 'first-fit:arena=256KiB']
    })
    await runFinished(lab, started.runId)
    const runId = started.runId
    const { answers } = await lab.call('timeline:step', {
      runId,
      questions: [
        { kind: 'structures', config: 0, step: 3 },
        { kind: 'events', config: 0, from: 1, count: 3 },
        { kind: 'map', config: 1, step: 2, width: 16 },
        { kind: 'map', config: 0, step: 99 },
        { kind: 'structures', config: 7, step: 0 }
      ]
    })
    expect(answers.map((a) => a.kind)).toEqual(['structures', 'events', 'map', 'error', 'error'])
    expect(answers[0]).toEqual({
      kind: 'structures',
      structures: await lab.call('timeline:structures', { runId, config: 0, step: 3 })
    })
    expect(answers[1]).toEqual({
      kind: 'events',
      events: await lab.call('timeline:events', { runId, config: 0, from: 1, count: 3 })
    })
    expect(answers[2]).toEqual({
      kind: 'map',
      map: await lab.call('timeline:map', { runId, config: 1, step: 2, width: 16 })
    })
    const [outOfRange, noConfig] = [answers[3]!, answers[4]!]
    expect(outOfRange.kind === 'error' && outOfRange.error.code).toBe('invalid-input')
    expect(noConfig.kind === 'error' && noConfig.error.code).toBe('not-found')
    expect(noConfig.kind === 'error' && noConfig.error.message.length).toBeGreaterThan(10)
    lab.close()
  })

  it('summarises each configuration with typed figures, peaks at exact steps and the final structures', async () => {
    const { lab } = service()
    const { runId } = await lab.call('run:start', { scenario: PAGES, allocators: ['buddy'] })
    await runFinished(lab, runId)
    const { configs, title } = await lab.call('run:summary', { runId })
    const buddy = configs[0]!
    expect(title).toBe('')
    // a (4 frames), c (8) and d (2) are live after `pages d 1`, step 4: 14 frames.
    expect(buddy.summary!.peaks.requestedLive).toEqual({ value: 14 * 4096, step: 4 })
    // A timeline of six requests samples after every one, so every peak is exact.
    expect(buddy.summary!.peaks.strides).toEqual({ live: 1, structures: 1 })
    expect(buddy.summary!.largestFailedRequest).toBeNull()
    expect(buddy.final!.buddyinfo).toHaveLength(11)
    expect(buddy.error).toBeNull()
    lab.close()
  })

  it('names the run by its title, or by the scenario name', async () => {
    const { lab } = service()
    const named = await lab.call('run:start', {
      scenario: `name Split and merge\n${PAGES}`,
      allocators: ['buddy']
    })
    const titled = await lab.call('run:start', {
      scenario: PAGES,
      allocators: ['buddy'],
      title: 'Homework 3'
    })
    await runFinished(lab, named.runId)
    await runFinished(lab, titled.runId)
    expect((await lab.call('run:summary', { runId: named.runId })).title).toBe('Split and merge')
    expect((await lab.call('run:summary', { runId: titled.runId })).title).toBe('Homework 3')
    lab.close()
  })

  it('reports scenario errors with their line and column', async () => {
    const { lab } = service()
    const failure = await error(lab, 'run:start', { scenario: 'alloc a\n', allocators: ['buddy'] })
    expect(failure.code).toBe('invalid-input')
    expect(failure.key).toBe('timeline.scenarioHasErrors')
    expect(failure.causes).toEqual([
      expect.objectContaining({ key: expect.stringMatching(/^scenario.diag./) as string, line: 1 })
    ])
    expect(failure.message).toMatch(/line 1, column \d+: /)
    lab.close()
  })

  it('refuses unbounded or malformed queries before doing any work', async () => {
    const { lab } = service()
    const { runId } = await lab.call('run:start', { scenario: PAGES, allocators: ['buddy'] })
    await runFinished(lab, runId)
    const bad: [string, unknown, string][] = [
      ['timeline:events', { runId, config: 0, from: 0, count: 10_001 }, 'invalid-input'],
      ['timeline:events', { runId, config: 0, from: -1, count: 1 }, 'invalid-input'],
      ['timeline:map', { runId, config: 0, step: 1, width: 8193 }, 'invalid-input'],
      ['timeline:map', { runId, config: 0, step: 99 }, 'invalid-input'],
      [
        'timeline:metrics',
        { runId, config: 0, from: 0, to: 5, maxPoints: 10_001 },
        'invalid-input'
      ],
      ['timeline:metrics', { runId, config: 0, from: 5, to: 5, maxPoints: 10 }, 'invalid-input'],
      [
        'timeline:metrics',
        { runId, config: 0, from: 0, to: 5, maxPoints: 10, columns: ['nope'] },
        'invalid-input'
      ],
      ['timeline:events', { runId: 'run-999', config: 0, from: 0, count: 1 }, 'not-found'],
      ['timeline:structures', { runId, config: 3, step: 0 }, 'not-found'],
      ['timeline:step', { runId, questions: [] }, 'invalid-input'],
      [
        'timeline:step',
        { runId, questions: [{ kind: 'look', config: 0, step: 0 }] },
        'invalid-input'
      ],
      [
        'timeline:step',
        { runId, questions: [{ kind: 'map', config: 0, step: 0, width: 8193 }] },
        'invalid-input'
      ],
      [
        'timeline:step',
        { runId: 'run-999', questions: [{ kind: 'map', config: 0, step: 0 }] },
        'not-found'
      ],
      ['run:start', { scenario: PAGES, allocators: [] }, 'invalid-input'],
      ['run:start', { scenario: PAGES, allocators: ['no-such-family'] }, 'invalid-input'],
      ['run:cancel', { runId: 'run-999' }, 'not-found']
    ]
    for (const [channel, input, code] of bad) {
      const failure = await error(lab, channel, input)
      expect(failure.code, `${channel} ${JSON.stringify(input)}`).toBe(code)
      expect(failure.message.length).toBeGreaterThan(10)
    }
    lab.close()
  })

  it('cancels a run: running configs stop and queued ones never start', async () => {
    const { lab } = service({ launch: () => tsxWorker('./tiny-worker.ts'), parallel: 1 })
    const slow = Array.from(
      { length: 20_000 },
      (_, i) => `alloc h${i % 50} 1\nfree h${i % 50}`
    ).join('\n')
    const { runId } = await lab.call('run:start', {
      scenario: `arena 1MiB\n${slow}\n`,
      allocators: ['tiny:spin=5000', 'tiny:spin=5000']
    })
    while ((await lab.call('run:summary', { runId })).configs[0]!.status !== 'running')
      await new Promise((r) => setTimeout(r, 10))
    await lab.call('run:cancel', { runId })
    await runFinished(lab, runId)
    const summary = await lab.call('run:summary', { runId })
    expect(summary.status).toBe('cancelled')
    expect(summary.configs.map((c) => c.status)).toEqual(['cancelled', 'cancelled'])
    expect(summary.configs[1]!.done).toBe(0)
    lab.close()
  })

  it('marks only the config whose worker ran out of memory as failed', async () => {
    const { lab } = service({
      launch: () => ({
        ...tsxWorker('./tiny-worker.ts'),
        resourceLimits: { maxOldGenerationSizeMb: 48 }
      }),
      parallel: 2
    })
    const requests = Array.from(
      { length: 3000 },
      (_, i) => `alloc h${i % 10} 1\nfree h${i % 10}`
    ).join('\n')
    const { runId } = await lab.call('run:start', {
      scenario: `arena 1MiB\n${requests}\n`,
      allocators: ['tiny:hog=on', 'tiny']
    })
    await runFinished(lab, runId)
    const summary = await lab.call('run:summary', { runId })
    expect(summary.configs.map((c) => c.status)).toEqual(['failed', 'done'])
    expect(summary.configs[0]!.error!.kind).toBe('outOfMemory')
    expect(summary.status).toBe('failed')
    lab.close()
  })

  it('answers other calls while a long scenario compiles, in a worker thread', async () => {
    const { lab } = service()
    const { runId } = await lab.call('run:start', { scenario: PAGES, allocators: ['buddy'] })
    await runFinished(lab, runId)
    const long = generate('random', { seed: 2, count: 60_000 })
    expect(long.length).toBeGreaterThan(INLINE_COMPILE_CHARS)
    const order = await answerOrder(lab, long, runId)
    expect(order).toEqual(['settings:get', 'timeline:map', 'run:start'])
    lab.close()
  })

  it('sees a compile on this thread hold the loop: the same order test tells the two apart', async () => {
    const { lab } = service({ inlineCompileChars: Number.MAX_SAFE_INTEGER })
    const { runId } = await lab.call('run:start', { scenario: PAGES, allocators: ['buddy'] })
    await runFinished(lab, runId)
    const long = generate('random', { seed: 2, count: 60_000 })
    const order = await answerOrder(lab, long, runId)
    expect(order).toEqual(['run:start', 'settings:get', 'timeline:map'])
    lab.close()
  })

  it('leases a run to a view, and says when a run is from an earlier session', async () => {
    const first = service()
    const { runId } = await first.lab.call('run:start', { scenario: PAGES, allocators: ['buddy'] })
    expect(await first.lab.call('run:view', { runId })).toEqual({ runId, leaseMs: 120_000 })
    await runFinished(first.lab, runId)
    first.lab.close()
    const restarted = service()
    const gone = await error(restarted.lab, 'run:summary', { runId })
    expect(gone).toMatchObject({ code: 'gone', key: 'timeline.runFromEarlierSession' })
    expect(gone.message).toContain('earlier session')
    restarted.lab.close()
  })
})
