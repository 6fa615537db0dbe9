import { describe, expect, it } from 'vitest'
import type { LabEventName } from '@shared/api'
import { formatBytes } from '@shared/format/format-value'
import { LabError } from '@shared/lab-error'
import { labErrorText } from '@shared/lab-error-text'
import { generate } from '@shared/scenario'
import { allFamilies, findFamily } from '../engine/families'
import { manualWorkers } from '../worker/testing/manual-workers'
import { RunScheduler, type RunSchedulerDeps } from './run-scheduler'

/** 3,000 heap requests: their timeline, not the fixed overheads, is what a finished run holds. */
const SCENARIO = generate('random', { seed: 4, count: 3000, maxLive: 100 })
const QUICK = 'first-fit:arena=1MiB'
const SLOW = 'best-fit:arena=1MiB'

function scheduler(options: Partial<RunSchedulerDeps> = {}): {
  runs: RunScheduler
  workers: ReturnType<typeof manualWorkers>
  events: { event: LabEventName; payload: unknown }[]
} {
  const workers = manualWorkers(findFamily)
  const events: { event: LabEventName; payload: unknown }[] = []
  const runs = new RunScheduler({
    families: () => allFamilies,
    launch: () => ({ workerPath: 'never started: manual workers run in this thread' }),
    emit: (event, payload) => events.push({ event, payload }),
    startRun: workers.startRun,
    parallel: 4,
    budgetBytes: 2 ** 40,
    ...options
  })
  return { runs, workers, events }
}

async function start(runs: RunScheduler, spec: string, scenario = SCENARIO): Promise<string> {
  return (await runs.start({ scenario, allocators: [spec] })).runId
}

/** Start a quick run and let it finish. */
async function finished(
  runs: RunScheduler,
  workers: ReturnType<typeof manualWorkers>
): Promise<string> {
  const runId = await start(runs, QUICK)
  workers.finishAll()
  await settle()
  return runId
}

/** What one finished quick run holds, and what one needs while queued or running. */
async function sizes(): Promise<{ held: number; reserved: number }> {
  const { runs, workers } = scheduler()
  await start(runs, QUICK)
  const reserved = runs.memory().used
  workers.finishAll()
  await settle()
  const held = runs.memory().used
  runs.close()
  return { held, reserved }
}

async function settle(): Promise<void> {
  // A worker's result reaches the scheduler through a few promise callbacks.
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

function data(error: LabError): { key: string; params: LabError['params'] } {
  return { key: error.key, params: error.params }
}

async function refusal(work: () => unknown): Promise<LabError> {
  try {
    await work()
  } catch (error) {
    if (error instanceof LabError) return error
    throw error
  }
  throw new Error('the call should have been refused')
}

describe('the run budget', () => {
  it('counts a finished run by what it keeps, which is less than it held while it could run', async () => {
    const { held, reserved } = await sizes()
    expect(held).toBeGreaterThan(3000 * 16)
    expect(reserved).toBeGreaterThan(held)
  })

  it('never closes a slow run while it runs, nor right after it finishes; the least recently used quick runs go', async () => {
    const { held, reserved } = await sizes()
    const { runs, workers, events } = scheduler({ budgetBytes: reserved * 2 + held * 3 })
    const slow = await start(runs, SLOW)
    const quick: string[] = []
    for (let i = 0; i < 9; i++) {
      quick.push(await start(runs, QUICK))
      workers.finish('first-fit')
      await settle()
    }
    expect(runs.summary(slow).status).toBe('running')
    workers.finish('best-fit')
    await settle()
    expect(events.at(-1)).toEqual({
      event: 'run:finished',
      payload: { runId: slow, status: 'done' }
    })

    expect(runs.summary(slow).configs[0]!.summary!.requests).toBe(3000)
    const kept = quick.filter((runId) => {
      try {
        runs.summary(runId)
        return true
      } catch (error) {
        expect(error).toMatchObject({ code: 'gone', key: 'timeline.runEvicted' })
        return false
      }
    })
    // The newest quick runs survive, the oldest were closed, and memory stays within the budget.
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.length).toBeLessThan(9)
    expect(kept).toEqual(quick.slice(9 - kept.length))
    expect(runs.memory().used).toBeLessThanOrEqual(runs.memory().budget)
    runs.close()
  })

  it('closes the least recently used run first, where reading a summary counts as use', async () => {
    const { held, reserved } = await sizes()
    const { runs, workers } = scheduler({ budgetBytes: held * 3 + reserved - 1 })
    const [a, b, c] = [
      await finished(runs, workers),
      await finished(runs, workers),
      await finished(runs, workers)
    ]
    runs.summary(a!)
    const d = await start(runs, QUICK)
    workers.finishAll()
    await settle()
    expect(() => runs.summary(b!)).toThrow(expect.objectContaining({ key: 'timeline.runEvicted' }))
    for (const kept of [a!, c!, d]) expect(runs.summary(kept).status).toBe('done')
    // A timeline query is use too: now c is the least recently used.
    await runs.map({ runId: a!, config: 0, step: 0 })
    runs.summary(d)
    await start(runs, QUICK)
    expect(() => runs.summary(c!)).toThrow(expect.objectContaining({ code: 'gone' }))
    expect(runs.summary(a!).status).toBe('done')
    runs.close()
  })

  it('keeps a viewed run until its lease lapses two minutes after the last renewal', async () => {
    const { held, reserved } = await sizes()
    let now = 1_000_000
    const { runs, workers } = scheduler({ budgetBytes: held * 3 + reserved - 1, now: () => now })
    const [a, b, c] = [
      await finished(runs, workers),
      await finished(runs, workers),
      await finished(runs, workers)
    ]
    expect(runs.view(a!)).toEqual({ runId: a, leaseMs: 120_000 })
    runs.summary(b!)
    runs.summary(c!)
    // a is the least recently used, but viewed: b goes instead.
    await start(runs, QUICK)
    workers.finishAll()
    await settle()
    expect(runs.summary(a!).status).toBe('done')
    expect(() => runs.summary(b!)).toThrow(expect.objectContaining({ code: 'gone' }))

    now += 100_000
    runs.view(a!)
    now += 119_999
    runs.summary(c!)
    const e = await finished(runs, workers)
    expect(runs.summary(a!).status).toBe('done')

    // Two milliseconds later the lease has lapsed, and a is the least recently used again.
    now += 2
    runs.summary(c!)
    runs.summary(e)
    await start(runs, QUICK)
    expect(() => runs.summary(a!)).toThrow(expect.objectContaining({ code: 'gone' }))
    runs.close()
  })

  it('refuses a run that would not fit even after closing every run it may, saying how much in both languages', async () => {
    const { held, reserved } = await sizes()
    const budget = Math.floor(reserved * 1.5)
    const { runs } = scheduler({ budgetBytes: budget })
    // A running run cannot be closed: half a run's worth is all that can be made free.
    await start(runs, QUICK)
    const error = await refusal(() => start(runs, QUICK))
    expect(error.code).toBe('over-budget')
    expect(error.key).toBe('timeline.overBudget')
    const free = budget - reserved
    expect(error.params).toMatchObject({
      needBytes: reserved,
      limitBytes: budget,
      freeBytes: free,
      need: formatBytes('en', reserved),
      limit: formatBytes('en', budget),
      free: formatBytes('en', free)
    })
    expect(held).toBeLessThan(reserved)
    const english = labErrorText('en', data(error))
    const chinese = labErrorText('zh-CN', data(error))
    for (const text of [english, chinese]) {
      expect(text).not.toMatch(/[{}]/)
      expect(text).toContain(formatBytes('en', budget))
      expect(text).toContain(formatBytes('en', reserved))
      expect(text).toContain('--run-budget')
    }
    expect(english).toContain('fewer configurations')
    expect(chinese).toContain('减少配置')
    runs.close()
  })

  it("frees a cancelled run's timelines at once and keeps its summary", async () => {
    const { runs, workers } = scheduler({ parallel: 1 })
    const { runId } = await runs.start({ scenario: SCENARIO, allocators: [QUICK, SLOW] })
    workers.finish('first-fit')
    await settle()
    const before = runs.memory().used
    const timelineBytes = runs.summary(runId).configs[0]!.timelineBytes
    expect(timelineBytes).toBeGreaterThan(3000 * 16)

    expect(runs.cancel(runId)).toEqual({ runId, cancelled: 1 })
    expect(runs.memory().used).toBeLessThanOrEqual(before - timelineBytes)
    const summary = runs.summary(runId)
    // Still running until its worker reaches the cancel flag.
    expect(summary.status).toBe('running')
    expect(summary.configs[0]).toMatchObject({ status: 'done', timelineBytes: 0 })
    expect(summary.configs[0]!.summary!.requests).toBe(3000)
    await expect(runs.map({ runId, config: 0, step: 0 })).rejects.toMatchObject({
      key: 'timeline.notRecorded'
    })

    // The running config sees the cancel flag at its next progress point and keeps nothing either.
    workers.finish('best-fit')
    await settle()
    expect(runs.summary(runId).status).toBe('cancelled')
    expect(runs.summary(runId).configs[1]!.status).toBe('cancelled')
    expect(runs.summary(runId).configs[1]!.timelineBytes).toBe(0)
    // What stays: the summaries, and the scenario text, so the run can still be saved.
    expect(runs.memory().used).toBeLessThan(16 * 1024 + SCENARIO.length)
    runs.close()
  })

  it('lets cancelled runs keep their summaries without crowding out finished ones', async () => {
    const { held, reserved } = await sizes()
    const { runs, workers } = scheduler({ budgetBytes: held * 2 + reserved - 1 })
    const first = await start(runs, QUICK)
    workers.finishAll()
    await settle()
    const cancelled: string[] = []
    for (let i = 0; i < 6; i++) {
      const runId = await start(runs, QUICK)
      runs.cancel(runId)
      workers.finishAll()
      await settle()
      cancelled.push(runId)
    }
    const last = await start(runs, QUICK)
    workers.finishAll()
    await settle()
    expect(runs.summary(first).status).toBe('done')
    expect(runs.summary(last).status).toBe('done')
    for (const runId of cancelled) expect(runs.summary(runId).status).toBe('cancelled')
    runs.close()
  })

  it('leaves a finished run as it is when asked to cancel it', async () => {
    const { runs, workers } = scheduler()
    const runId = await start(runs, QUICK)
    workers.finishAll()
    await settle()
    expect(runs.cancel(runId)).toEqual({ runId, cancelled: 0 })
    expect(runs.summary(runId).status).toBe('done')
    expect(runs.summary(runId).configs[0]!.timelineBytes).toBeGreaterThan(0)
    runs.close()
  })
})

describe('a run that is not here', () => {
  it('is gone when it belongs to an earlier session, and not found when it never existed', async () => {
    const before = scheduler()
    const old = await start(before.runs, QUICK)
    before.runs.close()

    const { runs } = scheduler()
    const current = await start(runs, QUICK)
    expect(current).not.toBe(old)
    const earlier = await refusal(() => runs.summary(old))
    expect(earlier).toMatchObject({ code: 'gone', key: 'timeline.runFromEarlierSession' })
    const neverSeen = current.replace(/-\d+$/, '-99')
    for (const runId of [neverSeen, 'run-1', 'something else']) {
      expect(await refusal(() => runs.summary(runId))).toMatchObject({
        code: 'not-found',
        key: 'timeline.runNotFound'
      })
    }
    await expect(runs.events({ runId: old, config: 0, from: 0, count: 1 })).rejects.toMatchObject({
      code: 'gone'
    })
    runs.close()
  })

  it('says it was closed to stay within the budget, naming the budget, in both languages', async () => {
    const { held, reserved } = await sizes()
    const budget = held + reserved - 1
    const { runs, workers } = scheduler({ budgetBytes: budget })
    const closed = await start(runs, QUICK)
    workers.finishAll()
    await settle()
    await start(runs, QUICK)
    const error = await refusal(() => runs.view(closed))
    expect(error).toMatchObject({
      code: 'gone',
      key: 'timeline.runEvicted',
      params: { runId: closed, limit: formatBytes('en', budget), limitBytes: budget }
    })
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = labErrorText(locale, data(error))
      expect(text).toContain(closed)
      expect(text).toContain(formatBytes('en', budget))
      expect(text).not.toMatch(/[{}]/)
    }
    for (const key of ['timeline.runFromEarlierSession', 'timeline.runNotFound']) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const text = labErrorText(locale, { key, params: { runId: 'run-1' } })
        expect(text).toContain('run-1')
        expect(text).not.toMatch(/[{}]/)
      }
    }
    runs.close()
  })
})
