import { describe, expect, it } from 'vitest'
import { Op } from '@shared/scenario/program'
import { PoolStatus } from '../engine/frame-pool'
import { buildProgram, cyclingProgram } from '../engine/testing/program-builder'
import { tinyFamily } from '../engine/testing/tiny-family'
import type { OptionValues } from '../engine/family'
import { tsxWorker } from './testing/tsx-worker'
import { WorkerRunError, startRun } from './worker-host'
import { serveRun } from './worker-serve'

const tinyWorker = tsxWorker('./tiny-worker.ts')
const values = (overrides: Record<string, number | string | boolean> = {}): OptionValues => ({
  arena: 4096,
  base: 0,
  order: 'addr',
  reset: true,
  spin: 0,
  'break-at': -1,
  hog: false,
  ...overrides
})

async function rejection(promise: Promise<unknown>): Promise<WorkerRunError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof WorkerRunError) return error
    throw error
  }
  throw new Error('the run did not fail')
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
}

describe('startRun', () => {
  it('runs a program in a worker and returns its summary, final state and timeline', async () => {
    const program = buildProgram([
      [Op.Alloc, 'a', 10],
      [Op.Free, 'a', 0],
      [Op.Free, 'a', 0]
    ])
    const handle = startRun({
      ...tinyWorker,
      family: tinyFamily,
      values: values(),
      program,
      timeline: { keyframeInterval: 2, metricStride: 1 }
    })
    const result = await handle.result
    expect(result.summary).toMatchObject({ requests: 3, ok: 2, invalid: 1 })
    expect(result.timeline?.count).toBe(3)
    expect(handle.progress()).toMatchObject({ status: 'done', done: 3, total: 3 })
  })

  it('leaves the timeline out unless asked', async () => {
    const program = buildProgram([[Op.Alloc, 'a', 10]])
    const result = await startRun({ ...tinyWorker, family: tinyFamily, values: values(), program })
      .result
    expect(result.timeline).toBeUndefined()
  })

  it('shows progress and stops when cancelled through the pool header', async () => {
    const program = cyclingProgram(2_000_000, 16, 8)
    const handle = startRun({
      ...tinyWorker,
      family: tinyFamily,
      values: values({ spin: 2000 }),
      program
    })
    await until(() => handle.progress().done > 0)
    const during = handle.progress()
    expect(during.status).toBe('running')
    expect(during.total).toBe(2_000_000)
    handle.cancel()
    const result = await handle.result
    expect(result.summary.cancelled).toBe(true)
    expect(result.summary.requests).toBeLessThan(2_000_000)
    expect(result.summary.requests).toBeGreaterThanOrEqual(during.done)
    expect(handle.pool.status).toBe(PoolStatus.Cancelled)
  })

  it('rejects with a clear error when the worker is terminated mid-run, and the host runs on', async () => {
    const program = cyclingProgram(2_000_000, 16, 8)
    const handle = startRun({
      ...tinyWorker,
      family: tinyFamily,
      values: values({ spin: 2000 }),
      program,
      label: 'tiny:spin=2000'
    })
    await until(() => handle.progress().done > 0)
    await handle.terminate()
    const error = await rejection(handle.result)
    expect(error.kind).toBe('terminated')
    expect(error.config).toBe('tiny:spin=2000')
    expect(handle.pool.status).toBe(PoolStatus.Failed)

    const next = await startRun({
      ...tinyWorker,
      family: tinyFamily,
      values: values(),
      program: buildProgram([[Op.Alloc, 'a', 1]])
    }).result
    expect(next.summary.ok).toBe(1)
  })

  it('rejects naming the config when the worker throws while starting', async () => {
    const handle = startRun({
      ...tsxWorker('./failing-worker.ts'),
      family: tinyFamily,
      values: values(),
      program: buildProgram([[Op.Alloc, 'a', 1]]),
      label: 'tiny:arena=4KiB'
    })
    const error = await rejection(handle.result)
    expect(error.kind).toBe('crashed')
    expect(error.message).toContain('tiny:arena=4KiB')
    expect(error.detail).toContain('this worker fails while starting')
  })

  it('reports a broken invariant with the request it broke after', async () => {
    const program = buildProgram([
      [Op.Alloc, 'a', 1],
      [Op.Alloc, 'b', 1],
      [Op.Alloc, 'c', 1]
    ])
    const handle = startRun({
      ...tinyWorker,
      family: tinyFamily,
      values: values({ 'break-at': 1 }),
      program,
      check: true
    })
    const error = await rejection(handle.result)
    expect(error.kind).toBe('invariant')
    expect(error.messageKey).toBe('heap.invariant.liveHandles')
    expect(error.params).toEqual({
      counted: 2,
      recorded: 3,
      config: 'tiny',
      step: 1,
      line: 2
    })
  })

  it('fails cleanly when the worker does not know the family', async () => {
    const stranger = { ...tinyFamily, name: 'stranger' }
    const error = await rejection(
      startRun({
        ...tinyWorker,
        family: stranger,
        values: values(),
        program: buildProgram([[Op.Alloc, 'a', 1]])
      }).result
    )
    expect(error.kind).toBe('failed')
    expect(error.detail).toContain('stranger')
  })

  it('never shows a torn metrics block while the worker publishes', async () => {
    const program = cyclingProgram(2_000_000, 16, 8)
    const handle = startRun({
      ...tinyWorker,
      family: tinyFamily,
      values: values({ spin: 200 }),
      program
    })
    let published = 0
    while (handle.progress().status !== 'done') {
      const { metrics } = handle.progress()
      // The tiny family grants exactly what is asked, so once anything is
      // published these hold at every instant; a torn read would break them.
      if (metrics.freeBytes === 0 && metrics.requestedLive === 0) continue
      expect(metrics.allocatedLive).toBe(metrics.requestedLive)
      expect(metrics.freeBytes + metrics.requestedLive).toBe(4096)
      published++
      if (published % 64 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    await handle.result
    expect(published).toBeGreaterThan(0)
  })

  it('rejects with an out-of-memory error when the worker exceeds its resource limits', async () => {
    const program = cyclingProgram(100_000, 16, 8)
    const handle = startRun({
      ...tinyWorker,
      family: tinyFamily,
      values: values({ hog: true }),
      program,
      label: 'tiny:hog=on',
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 }
    })
    const error = await rejection(handle.result)
    expect(error.kind).toBe('outOfMemory')
    expect(error.config).toBe('tiny:hog=on')
  })
})

describe('serveRun', () => {
  it('refuses to run on the main thread', () => {
    expect(() => serveRun(() => undefined)).toThrow(/worker thread/)
  })
})
