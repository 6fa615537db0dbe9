import { afterEach, describe, expect, it } from 'vitest'
import { EXPERIMENT_UNDO_MS } from '@shared/experiment-schemas'
import type { LabService } from '../service/lab-service'
import { openStore } from '../store/open-store'
import { PAGES_SCENARIO, finishedRun, libraryService, refusal } from './testing/library-service'

const services: LabService[] = []
afterEach(() => {
  for (const lab of services.splice(0)) lab.close()
})

function lab(options: Parameters<typeof libraryService>[1] = {}): LabService {
  const service = libraryService(openStore(':memory:'), options)
  services.push(service)
  return service
}

const SPECS = ['buddy', 'first-fit:arena=256KiB']

async function saved(
  service: LabService,
  extra: Record<string, unknown> = {}
): Promise<{ id: number; runId: string }> {
  const runId = await finishedRun(service, PAGES_SCENARIO, SPECS)
  const item = await service.call('experiment:save', {
    runId,
    name: 'Buddy vs first fit',
    ...extra
  })
  return { id: item.id, runId }
}

describe('saving a finished run', () => {
  it('keeps its scenario, configurations, summaries and timelines, and lists it with key metrics', async () => {
    const service = lab()
    const runId = await finishedRun(service, PAGES_SCENARIO, SPECS)
    const summary = await service.call('run:summary', { runId })
    const item = await service.call('experiment:save', {
      runId,
      name: '  Buddy vs first fit ',
      notes: 'Lab 3, question 2',
      tags: ['buddy', 'lab 3', 'Buddy'],
      replayState: { step: 3, panes: ['map', 'events'] },
      displays: [{ colour: '#336699' }, null]
    })
    expect(item).toMatchObject({
      name: 'Buddy vs first fit',
      tags: ['buddy', 'lab 3'],
      notesPreview: 'Lab 3, question 2',
      requests: 6,
      timelinesKept: 2,
      current: true
    })
    expect(item.configs.map((c) => [c.label, c.status])).toEqual(
      summary.configs.map((c) => [c.label, 'done'])
    )
    expect(item.configs[0]!.metrics).toEqual({
      utilization: summary.configs[0]!.summary!.utilization,
      externalFragmentation: summary.configs[0]!.summary!.peaks.externalFragmentation.value,
      internalFragmentation: summary.configs[0]!.summary!.peaks.internalFragmentation.value,
      failFragmented: summary.configs[0]!.summary!.failFragmented,
      failNoMemory: summary.configs[0]!.summary!.failNoMemory
    })

    const detail = await service.call('experiment:get', { id: item.id })
    expect(detail.scenario).toBe(PAGES_SCENARIO)
    expect((await service.call('experiment:get', { id: item.id, scenario: false })).scenario).toBe(
      null
    )
    expect(detail.replayState).toEqual({ step: 3, panes: ['map', 'events'] })
    expect(detail.configurations).toEqual([
      { spec: 'buddy', label: summary.configs[0]!.label, display: { colour: '#336699' } },
      { spec: 'first-fit:arena=256KiB', label: summary.configs[1]!.label, display: null }
    ])
    expect(detail.runs.map((r) => r.summary)).toEqual(summary.configs.map((c) => c.summary))
    expect(detail.runs.map((r) => r.final)).toEqual(summary.configs.map((c) => c.final))
    for (const [index, run] of detail.runs.entries()) {
      expect(run.timeline.state).toBe('kept')
      expect(run.timeline.bytes).toBe(summary.configs[index]!.timelineBytes)
      expect(run.timeline.storedBytes).toBeGreaterThan(0)
      expect(run.current).toBe(true)
    }
  })

  it('keeps only the timelines’ sizes when told not to keep them', async () => {
    const service = lab()
    const { id } = await saved(service, { keepTimelines: false })
    const detail = await service.call('experiment:get', { id })
    expect(detail.runs.map((r) => r.timeline.state)).toEqual(['dropped', 'dropped'])
    expect(detail.runs.every((r) => r.timeline.bytes > 0 && r.timeline.storedBytes === 0)).toBe(
      true
    )
    const opened = await service.call('experiment:open', { id })
    expect(opened.configs.map((c) => [c.timeline, c.structures])).toEqual([
      ['dropped', false],
      ['dropped', false]
    ])
    expect(
      await refusal(service, 'timeline:events', {
        runId: opened.runId,
        config: 0,
        from: 0,
        count: 5
      })
    ).toMatchObject({
      code: 'not-found',
      key: 'timeline.notRecorded'
    })
    expect(
      (await service.call('run:summary', { runId: opened.runId })).configs[0]!.summary
    ).toEqual(detail.runs[0]!.summary)
  })

  it('refuses a run that is still running, and a run the service does not hold', async () => {
    const service = lab()
    const slow = Array.from({ length: 20_000 }, (_, i) => `alloc h${i % 50} 1\nfree h${i % 50}`)
    const { runId } = await service.call('run:start', {
      scenario: `arena 1MiB\n${slow.join('\n')}\n`,
      allocators: ['tiny:spin=5000']
    })
    expect(await refusal(service, 'experiment:save', { runId, name: 'too soon' })).toMatchObject({
      code: 'invalid-input',
      key: 'experiments.runNotFinished'
    })
    await service.call('run:cancel', { runId })
    expect(
      await refusal(service, 'experiment:save', { runId: 'run-00000000-1', name: 'x' })
    ).toMatchObject({
      code: 'gone'
    })
    expect((await service.call('experiment:list', {})).total).toBe(0)
  })

  it('writes a new run over an existing experiment, keeping its words', async () => {
    const service = lab()
    const { id } = await saved(service, { notes: 'first try', tags: ['a'] })
    const runId = await finishedRun(service, 'frames 16\npages x 1\n', ['buddy'])
    const item = await service.call('experiment:save', { id, runId, replayState: { step: 0 } })
    expect(item).toMatchObject({ id, name: 'Buddy vs first fit', tags: ['a'], requests: 1 })
    const detail = await service.call('experiment:get', { id })
    expect(detail.scenario).toBe('frames 16\npages x 1\n')
    expect(detail.runs).toHaveLength(1)
    expect(detail.notes).toBe('first try')
    expect(detail.replayState).toEqual({ step: 0 })
  })

  it('updates only the replay state and display choices when given no run', async () => {
    const service = lab({ now: clock(1000).now })
    const { id } = await saved(service)
    const item = await service.call('experiment:save', {
      id,
      replayState: { step: 5 },
      displays: [null, { hidden: true }]
    })
    expect(item.id).toBe(id)
    const detail = await service.call('experiment:get', { id })
    expect(detail.replayState).toEqual({ step: 5 })
    expect(detail.configurations.map((c) => c.display)).toEqual([null, { hidden: true }])
    expect(detail.runs.map((r) => r.timeline.state)).toEqual(['kept', 'kept'])
  })

  it('refuses bad input before doing anything, naming the field', async () => {
    const service = lab()
    const runId = await finishedRun(service, PAGES_SCENARIO, ['buddy'])
    const cases: [unknown, string][] = [
      [{ runId }, 'name'],
      [{ runId, name: '   ' }, 'name'],
      [{ runId, name: 'a\u001bb' }, 'name'],
      [{ runId, name: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
      [{ runId, name: 'x', replayState: { blob: 'x'.repeat(70_000) } }, 'replayState'],
      [{ runId, name: 'x', replayState: { f: Number.NaN } }, 'replayState'],
      [{}, 'runId']
    ]
    for (const [input, field] of cases) {
      const error = await refusal(service, 'experiment:save', input)
      expect(error, JSON.stringify(input).slice(0, 80)).toMatchObject({
        code: 'invalid-input',
        params: { field: expect.stringMatching(new RegExp(`^${field}`)) }
      })
    }
    expect((await service.call('experiment:list', {})).total).toBe(0)
  })
})

describe('opening a saved experiment', () => {
  it('answers every timeline query as the original run did, without running it again', async () => {
    const service = lab()
    const { id, runId } = await saved(service, { replayState: { step: 2 } })
    const queries = async (run: string): Promise<unknown[]> => [
      await service.call('timeline:events', { runId: run, config: 0, from: 0, count: 6 }),
      await service.call('timeline:events', { runId: run, config: 1, from: 0, count: 6 }),
      await service.call('timeline:metrics', {
        runId: run,
        config: 1,
        from: 0,
        to: 6,
        maxPoints: 6
      }),
      await service.call('timeline:map', { runId: run, config: 0, step: 3 }),
      await service.call('timeline:map', { runId: run, config: 1, step: 4, width: 64 }),
      await service.call('timeline:structures', { runId: run, config: 0, step: 2 }),
      await service.call('timeline:structures', { runId: run, config: 1, step: 5 })
    ]
    const original = await queries(runId)
    const opened = await service.call('experiment:open', { id })
    expect(opened).toMatchObject({
      id,
      title: 'Buddy vs first fit',
      replayState: { step: 2 },
      current: true
    })
    expect(opened.runId).not.toBe(runId)
    expect(opened.configs.map((c) => [c.timeline, c.structures, c.current])).toEqual([
      ['kept', true, true],
      ['kept', true, true]
    ])
    expect(await queries(opened.runId)).toEqual(original)
    const summary = await service.call('run:summary', { runId: opened.runId })
    const before = await service.call('run:summary', { runId })
    expect(summary.configs).toEqual(before.configs)
    expect(summary.status).toBe('done')
    expect(await service.call('run:view', { runId: opened.runId })).toMatchObject({
      leaseMs: 120_000
    })
  })

  it('counts an opened run against the memory budget, and refuses one that cannot fit', async () => {
    const store = openStore(':memory:')
    const saving = libraryService(store)
    services.push(saving)
    const { id } = await saved(saving)
    // About 14 KiB once open (two 4 KiB config allowances, the run's, the timelines):
    // room for one opened copy, not two; and no room at all in 8 KiB.
    const roomForOne = libraryService(store, { budgetBytes: 20 * 1024 })
    const noRoom = libraryService(store, { budgetBytes: 8 * 1024 })
    services.push(roomForOne, noRoom)
    const first = await roomForOne.call('experiment:open', { id })
    await roomForOne.call('experiment:open', { id })
    expect(await refusal(roomForOne, 'run:summary', { runId: first.runId })).toMatchObject({
      code: 'gone',
      key: 'timeline.runEvicted'
    })
    expect(await refusal(noRoom, 'experiment:open', { id })).toMatchObject({
      code: 'over-budget',
      key: 'timeline.overBudget'
    })
    expect((await noRoom.call('experiment:get', { id })).runs.map((r) => r.timeline.state)).toEqual(
      ['kept', 'kept']
    )
  })

  it('says a run recorded by another engine is not current and offers no structures', async () => {
    const store = openStore(':memory:')
    const stale = libraryService(store)
    services.push(stale)
    const runId = await finishedRun(stale, PAGES_SCENARIO, SPECS)
    const { id } = await stale.call('experiment:save', { runId, name: 'old' })
    store.db
      .prepare("UPDATE experiment_runs SET engine_version = '0.9.0' WHERE config_index = 0")
      .run()
    const item = (await stale.call('experiment:list', {})).items[0]!
    expect(item.current).toBe(false)
    const detail = await stale.call('experiment:get', { id })
    expect(detail.runs.map((r) => r.current)).toEqual([false, true])
    expect(detail.runs[0]!.recordedBy.engineVersion).toBe('0.9.0')
    const opened = await stale.call('experiment:open', { id })
    expect(opened.current).toBe(false)
    expect(opened.configs.map((c) => [c.current, c.timeline, c.structures])).toEqual([
      [false, 'kept', false],
      [true, 'kept', true]
    ])
    expect(
      await refusal(stale, 'timeline:structures', { runId: opened.runId, config: 0, step: 1 })
    ).toMatchObject({ code: 'gone', key: 'experiments.structuresNeedRerun' })
    const events = await stale.call('timeline:events', {
      runId: opened.runId,
      config: 0,
      from: 0,
      count: 6
    })
    expect(events.events.map((e) => e.op)).toEqual([
      'pages',
      'pages',
      'pages',
      'free-pages',
      'pages',
      'free-pages'
    ])
    expect(events.events.flatMap((e) => e.structural).every((s) => 'count' in s)).toBe(true)
    // Saving the opened run again keeps the engine that recorded it.
    const again = await stale.call('experiment:save', { runId: opened.runId, name: 'old, again' })
    const copy = await stale.call('experiment:get', { id: again.id })
    expect(copy.runs.map((r) => r.recordedBy.engineVersion)).toEqual([
      '0.9.0',
      detail.engine.engineVersion
    ])
  })

  it('opens the other configurations when one stored timeline is damaged, saying which', async () => {
    const store = openStore(':memory:')
    const service = libraryService(store)
    services.push(service)
    const runId = await finishedRun(service, PAGES_SCENARIO, SPECS)
    const { id } = await service.call('experiment:save', { runId, name: 'x' })
    const blob = store.db
      .prepare('SELECT data FROM run_timelines WHERE config_index = 1')
      .pluck()
      .get() as Buffer
    blob[Math.floor(blob.length / 2)]! ^= 0xff
    store.db.prepare('UPDATE run_timelines SET data = ? WHERE config_index = 1').run(blob)
    const opened = await service.call('experiment:open', { id })
    expect(opened.configs.map((c) => c.timeline)).toEqual(['kept', 'damaged'])
    await expect(
      service.call('timeline:events', { runId: opened.runId, config: 0, from: 0, count: 2 })
    ).resolves.toMatchObject({ total: 6 })
    expect(
      store.db
        .prepare('SELECT length(data) FROM run_timelines WHERE config_index = 1')
        .pluck()
        .get()
    ).toBe(blob.length)
  })

  it('runs the stored scenario and specs again', async () => {
    const service = lab()
    const { id, runId } = await saved(service)
    const watch = new (await import('../cli/run-finish')).RunFinishWatch(service)
    const again = await service.call('experiment:rerun', { id })
    expect(again.id).toBe(id)
    expect(again.configs.map((c) => c.label)).toEqual(
      (await service.call('run:summary', { runId })).configs.map((c) => c.label)
    )
    await watch.finished(again.runId)
    watch.stop()
    const fresh = await service.call('run:summary', { runId: again.runId })
    const first = await service.call('run:summary', { runId })
    expect(fresh.title).toBe('Buddy vs first fit')
    expect(fresh.configs.map((c) => c.summary?.metrics)).toEqual(
      first.configs.map((c) => c.summary?.metrics)
    )
  })
})

describe('the library', () => {
  it('finds experiments by words in the name, notes or tags, filters by tags and pages', async () => {
    const service = lab()
    const runId = await finishedRun(service, PAGES_SCENARIO, SPECS)
    const names = ['Buddy orders', 'Slab caches', 'Next fit rover', '50% fragmented']
    for (const [i, name] of names.entries()) {
      await service.call('experiment:save', {
        runId,
        name,
        notes: i === 2 ? 'the rover wraps around' : '',
        tags: i % 2 === 0 ? ['week 1'] : ['week 2', 'graded'],
        keepTimelines: false
      })
    }
    const names$ = async (input: Record<string, unknown>): Promise<string[]> =>
      (await service.call('experiment:list', input)).items.map((item) => item.name)
    expect(await names$({ search: 'BUDDY' })).toEqual(['Buddy orders'])
    expect(await names$({ search: 'wraps' })).toEqual(['Next fit rover'])
    expect(await names$({ search: 'graded' })).toEqual(['50% fragmented', 'Slab caches'])
    expect(await names$({ search: '50%' })).toEqual(['50% fragmented'])
    expect(await names$({ search: '%' })).toEqual(['50% fragmented'])
    expect(await names$({ tags: ['Week 2', 'graded'], sort: 'name' })).toEqual([
      '50% fragmented',
      'Slab caches'
    ])
    expect(await names$({ tags: ['week 1'], search: 'rover' })).toEqual(['Next fit rover'])
    expect(await names$({ sort: 'name' })).toEqual([
      '50% fragmented',
      'Buddy orders',
      'Next fit rover',
      'Slab caches'
    ])
    expect(await names$({ sort: 'created', order: 'asc' })).toEqual(names)
    const page = await service.call('experiment:list', { sort: 'name', offset: 1, limit: 2 })
    expect(page).toMatchObject({ total: 4, offset: 1 })
    expect(page.items.map((item) => item.name)).toEqual(['Buddy orders', 'Next fit rover'])
    expect(page.tags).toEqual([
      { tag: 'graded', count: 2 },
      { tag: 'week 1', count: 2 },
      { tag: 'week 2', count: 2 }
    ])
  })

  it('sorts by a key metric, each experiment by its best configuration, best first', async () => {
    const service = lab()
    const scenario = (size: number): string =>
      `arena 1KiB\nalloc a ${size}\nalloc b ${size}\nfree a\nalloc c ${size * 2}\n`
    for (const [name, size] of [
      ['small', 100],
      ['large', 400],
      ['middle', 250]
    ] as const) {
      const runId = await finishedRun(service, scenario(size), ['first-fit:arena=1KiB'])
      await service.call('experiment:save', { runId, name })
    }
    const list = async (input: Record<string, unknown>): Promise<[string, number][]> =>
      (await service.call('experiment:list', input)).items.map((item) => [
        item.name,
        item.configs[0]!.metrics!.utilization
      ])
    const best = await list({ sort: 'utilization' })
    expect(best.map(([, u]) => u)).toEqual([...best.map(([, u]) => u)].sort((a, b) => b - a))
    const worst = await list({ sort: 'utilization', order: 'asc' })
    expect(worst).toEqual([...best].reverse())
    const external = (await service.call('experiment:list', { sort: 'externalFragmentation' }))
      .items
    const values = external.map((item) => item.configs[0]!.metrics!.externalFragmentation)
    expect(values).toEqual([...values].sort((a, b) => a - b))
  })

  it('renames, annotates and duplicates, the copy named in the user’s language', async () => {
    const service = lab()
    const { id } = await saved(service)
    expect((await service.call('experiment:rename', { id, name: 'Orders' })).name).toBe('Orders')
    const annotated = await service.call('experiment:annotate', {
      id,
      notes: 'Merges happen at order 2.\nSee step 5.',
      tags: ['merges']
    })
    expect(annotated).toMatchObject({
      tags: ['merges'],
      notesPreview: 'Merges happen at order 2.\nSee step 5.'
    })
    await service.call('settings:set', { language: 'zh-CN' })
    const copy = await service.call('experiment:duplicate', { id })
    expect(copy.name).toBe('Orders（副本）')
    expect(copy.id).not.toBe(id)
    expect(copy).toMatchObject({ tags: ['merges'], timelinesKept: 2 })
    const opened = await service.call('experiment:open', { id: copy.id })
    expect(
      (await service.call('timeline:events', { runId: opened.runId, config: 0, from: 0, count: 6 }))
        .total
    ).toBe(6)
    expect((await service.call('experiment:duplicate', { id, name: 'Mine' })).name).toBe('Mine')
    expect((await service.call('experiment:list', {})).total).toBe(3)
  })

  it('says there is no such experiment', async () => {
    const service = lab()
    expect(await refusal(service, 'experiment:get', { id: 42 })).toMatchObject({
      code: 'not-found',
      key: 'experiments.notFound',
      message: 'There is no experiment #42 in the library.'
    })
    expect(await refusal(service, 'experiment:get', { id: 0 })).toMatchObject({
      code: 'invalid-input'
    })
  })
})

describe('deleting', () => {
  it('hides a deleted experiment, restores it within the undo window, and purges it after', async () => {
    const time = clock(1_000_000)
    const service = lab({ now: time.now })
    const { id } = await saved(service)
    const second = await saved(service)
    const deleted = await service.call('experiment:delete', { id })
    expect(deleted).toEqual({
      id,
      deletedAt: 1_000_000,
      restorableUntil: 1_000_000 + EXPERIMENT_UNDO_MS
    })
    expect((await service.call('experiment:list', {})).items.map((item) => item.id)).toEqual([
      second.id
    ])
    expect(await refusal(service, 'experiment:open', { id })).toMatchObject({
      code: 'gone',
      key: 'experiments.deleted'
    })
    time.advance(EXPERIMENT_UNDO_MS - 1)
    expect((await service.call('experiment:restore', { id })).id).toBe(id)
    expect((await service.call('experiment:list', {})).total).toBe(2)
    expect(
      (await service.call('experiment:get', { id })).runs.map((r) => r.timeline.state)
    ).toEqual(['kept', 'kept'])

    await service.call('experiment:delete', { id })
    time.advance(EXPERIMENT_UNDO_MS + 1)
    expect(await refusal(service, 'experiment:restore', { id })).toMatchObject({
      code: 'gone',
      key: 'experiments.undoExpired'
    })
    await service.call('experiment:list', {})
    expect(await refusal(service, 'experiment:restore', { id })).toMatchObject({
      code: 'gone',
      key: 'experiments.purged'
    })
    expect((await service.call('experiment:list', {})).items.map((item) => item.id)).toEqual([
      second.id
    ])
  })
})

function clock(start: number): { now: () => number; advance: (ms: number) => void } {
  let time = start
  return { now: () => time, advance: (ms) => (time += ms) }
}
