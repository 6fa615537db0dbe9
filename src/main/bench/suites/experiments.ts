import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import BetterSqlite3 from 'better-sqlite3'
import { STANDARD_WORKLOADS, generate } from '@shared/scenario'
import type { RunSummary } from '@shared/vocabulary/run-summary'
import { RunFinishWatch } from '../../cli/run-finish'
import { ENGINE_VERSION } from '../../engine/engine-version'
import { POOL_LAYOUT_VERSION } from '../../engine/frame-pool'
import { ExperimentRepository } from '../../experiments/experiment-repository'
import { LabService } from '../../service/lab-service'
import { openStore } from '../../store/open-store'
import type { BenchSuite } from '../suite'

const SPECS = ['first-fit', 'best-fit', 'next-fit']
const ROUNDS = 5
const LIBRARY_SIZE = 10_000
const LIST_ROUNDS = 21
const GiB = 1024 * 1024 * 1024

/**
 * The experiment library (issue 16). A million-request run of the standard
 * heap workload against three heap fits, recorded, then:
 *   save.medianMs / save.minMs         experiment:save with every timeline kept, ROUNDS times (target <= 1000)
 *   save.cpuMs.median                  CPU time of a save, all threads (compression runs on the thread pool)
 *   open.medianMs / open.minMs         experiment:open of it, ROUNDS times (target <= 1000)
 *   open.cpuMs.median                  CPU time of an open, all threads
 *   open.firstMetricsMs                the first timeline:metrics query (1,000 points) after an open
 *   stored.timelineBytesPerEvent       compressed timeline bytes / (requests x configs)
 *   stored.rawTimelineBytesPerEvent    the same timelines in memory
 *   stored.totalBytesPerEvent          everything the experiment stores (timelines, program, scenario
 *                                      text, rows) / (requests x configs), from the file's growth
 *   bigLibrary.openStoreMs             opening the database holding ROUNDS copies of it (the store's
 *                                      quick_check reads every page)
 * and a library of LIBRARY_SIZE experiments (three runs each, no timelines):
 *   list.<query>.medianMs / p90Ms      experiment:list, one page of 50 (target <= 100)
 *   library.openStoreMs                opening that database (quick_check included)
 *   reference.deflateScenarioMs        deflating the scenario text once on this thread, in the same
 *                                      run: how busy the machine was
 * Times are wall-clock on a shared machine: medians, with the minimum beside them.
 */
export const experimentsSuite: BenchSuite = {
  name: 'experiments',
  async run() {
    const folder = mkdtempSync(join(tmpdir(), 'alloclab-bench-library-'))
    try {
      const big = await bigExperiment(folder)
      return { ...big, ...startUp(join(folder, 'big.db')), ...(await listing(folder)) }
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }
}

async function bigExperiment(folder: string): Promise<Record<string, number | string>> {
  const path = join(folder, 'big.db')
  const lab = new LabService(openStore(path), 'cli', { budgetBytes: 2 * GiB })
  try {
    const workload = STANDARD_WORKLOADS.heap
    const scenario = generate(workload.kind, workload.options)
    note('experiments: recording a 1M-request run against three configs')
    const watch = new RunFinishWatch(lab)
    const started = await lab.call('run:start', { scenario, allocators: SPECS })
    await watch.finished(started.runId)
    watch.stop()
    const summary = await lab.call('run:summary', { runId: started.runId })
    const events = started.requests * SPECS.length
    const reference = deflateReference(scenario)
    const rawTimeline = summary.configs.reduce((sum, config) => sum + config.timelineBytes, 0)

    note('experiments: save')
    const saveTimes: number[] = []
    const saveCpu: number[] = []
    let id = 0
    let growth = 0
    for (let round = 0; round < ROUNDS; round++) {
      const before = round === 0 ? checkpointedBytes(path) : 0
      const start = performance.now()
      const cpu = process.cpuUsage()
      id = (await lab.call('experiment:save', { runId: started.runId, name: `big ${round}` })).id
      saveTimes.push(performance.now() - start)
      saveCpu.push(cpuMs(process.cpuUsage(cpu)))
      if (round === 0) growth = checkpointedBytes(path) - before
    }
    const detail = await lab.call('experiment:get', { id })
    const storedTimelines = detail.runs.reduce((sum, run) => sum + run.timeline.storedBytes, 0)

    note('experiments: open')
    const openTimes: number[] = []
    const openCpu: number[] = []
    let firstMetricsMs = 0
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now()
      const cpu = process.cpuUsage()
      const opened = await lab.call('experiment:open', { id })
      openTimes.push(performance.now() - start)
      openCpu.push(cpuMs(process.cpuUsage(cpu)))
      if (round === 0) {
        const query = performance.now()
        await lab.call('timeline:metrics', {
          runId: opened.runId,
          config: 0,
          from: 0,
          to: started.requests,
          maxPoints: 1000
        })
        firstMetricsMs = performance.now() - query
      }
    }
    return {
      workload: 'standard heap (random, seed 1)',
      configs: SPECS.join(' '),
      requests: started.requests,
      'save.medianMs': round1(median(saveTimes)),
      'save.minMs': round1(Math.min(...saveTimes)),
      'save.cpuMs.median': round1(median(saveCpu)),
      'open.medianMs': round1(median(openTimes)),
      'open.minMs': round1(Math.min(...openTimes)),
      'open.cpuMs.median': round1(median(openCpu)),
      'open.firstMetricsMs': round1(firstMetricsMs),
      'stored.timelineBytesPerEvent': round2(storedTimelines / events),
      'stored.rawTimelineBytesPerEvent': round2(rawTimeline / events),
      'stored.totalBytesPerEvent': round2(growth / events),
      'stored.scenarioChars': scenario.length,
      'reference.deflateScenarioMs': reference
    }
  } finally {
    lab.close()
  }
}

/** Opening a library that holds the big experiment ROUNDS times, as the app does at start. */
function startUp(path: string): Record<string, number> {
  const bytes = checkpointedBytes(path)
  const start = performance.now()
  const store = openStore(path)
  const openStoreMs = performance.now() - start
  store.db.close()
  return {
    'bigLibrary.fileMiB': round1(bytes / (1024 * 1024)),
    'bigLibrary.openStoreMs': round1(openStoreMs)
  }
}

async function listing(folder: string): Promise<Record<string, number>> {
  const path = join(folder, 'library.db')
  note(`experiments: seeding a library of ${LIBRARY_SIZE} experiments`)
  seedLibrary(path)
  const openStart = performance.now()
  const lab = new LabService(openStore(path), 'cli')
  const openStoreMs = performance.now() - openStart
  const figures: Record<string, number> = { 'library.experiments': LIBRARY_SIZE }
  const queries: Record<string, Record<string, unknown>> = {
    newest: {},
    byName: { sort: 'name' },
    byUtilization: { sort: 'utilization' },
    search: { search: 'buddy lab' },
    tag: { tags: ['week 3'] },
    lastPage: { offset: LIBRARY_SIZE - 50 }
  }
  try {
    for (const [name, input] of Object.entries(queries)) {
      const times: number[] = []
      for (let round = 0; round < LIST_ROUNDS; round++) {
        const start = performance.now()
        await lab.call('experiment:list', input)
        times.push(performance.now() - start)
      }
      figures[`list.${name}.medianMs`] = round2(median(times))
      figures[`list.${name}.p90Ms`] = round2(percentile(times, 0.9))
    }
  } finally {
    lab.close()
  }
  figures['library.openStoreMs'] = round1(openStoreMs)
  figures['library.fileMiB'] = round1(checkpointedBytes(path) / (1024 * 1024))
  return figures
}

/** LIBRARY_SIZE experiments, written through the repository in one transaction. */
function seedLibrary(path: string): void {
  const store = openStore(path)
  const repository = new ExperimentRepository(store.db, {
    engineVersion: ENGINE_VERSION,
    poolLayoutVersion: POOL_LAYOUT_VERSION
  })
  const words = ['buddy', 'slab', 'first fit', 'best fit', 'lab', 'orders', 'caches', 'rover']
  const now = Date.now()
  store.db.transaction(() => {
    for (let i = 0; i < LIBRARY_SIZE; i++) {
      const name = `${words[i % words.length]} ${words[(i * 7) % words.length]} #${i}`
      repository.insert({
        name,
        notes: i % 3 === 0 ? `notes on ${words[(i * 5) % words.length]} for week ${i % 12}` : '',
        tags: [`week ${i % 12}`, ...(i % 4 === 0 ? ['graded'] : [])],
        scenario: 'frames 64\npages a 2\nfree-pages a\n',
        requests: 2,
        configurations: SPECS.map((spec) => ({ spec, label: spec, display: null })),
        replayState: '{"step":0}',
        createdAt: now - i * 60_000,
        updatedAt: now - i * 30_000,
        program: null,
        runs: SPECS.map((spec, config) => ({
          config,
          spec,
          label: spec,
          family: spec,
          status: 'done' as const,
          summary: summaryWith((((i * 37 + config * 11) % 100) + 1) / 101),
          final: null,
          error: null,
          recordedBy: { engineVersion: ENGINE_VERSION, poolLayoutVersion: POOL_LAYOUT_VERSION },
          timelineState: 'dropped' as const,
          timelineBytes: 1000,
          timeline: null
        }))
      })
    }
  })()
  store.db.close()
}

/** A summary shaped like a real one, with the figures the library sorts by varied. */
function summaryWith(share: number): RunSummary {
  const peak = (value: number) => ({ value, step: 1 })
  return {
    requests: 2,
    ok: 2,
    failures: 0,
    failNoMemory: 0,
    failFragmented: 0,
    invalid: 0,
    noop: 0,
    utilization: share,
    cancelled: false,
    metrics: {
      poolBytes: 262144,
      requestedLive: 0,
      allocatedLive: 0,
      internalFragmentation: 0,
      freeBytes: 262144,
      freeBlocks: 1,
      largestFree: 262144,
      externalFragmentation: 0,
      metadataBytes: 0,
      highWater: 16384,
      peakRequested: 16384,
      liveBlocks: 0
    },
    peaks: {
      requestedLive: peak(16384),
      allocatedLive: peak(16384),
      internalFragmentation: peak(share * 100),
      externalFragmentation: peak(1 - share),
      freeBlocks: peak(2),
      metadataBytes: peak(0),
      strides: { live: 1, structures: 1 }
    },
    largestFailedRequest: null,
    cost: {
      examined: 2,
      splits: 1,
      merges: 1,
      ctorCalls: 0,
      ctorSaved: 0,
      workUnits: 0,
      slabsGrown: 0,
      slabsReaped: 0,
      copied: 0
    },
    costPerRequest: { examined: 1, splits: 0.5, merges: 0.5, ctorCalls: 0, workUnits: 0 },
    timing: { elapsedMs: 0.01, nsPerRequest: 5000 }
  }
}

/** The database file's size once everything in its WAL is written into it. */
function checkpointedBytes(path: string): number {
  const db = new BetterSqlite3(path)
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  return fileBytes(path)
}

function fileBytes(path: string): number {
  return statSync(path).size
}

/**
 * How busy the machine was during this run, in one figure to compare runs
 * by: milliseconds to deflate `text` (the scenario, 12.6 MB) at level 1 on
 * this thread. On a shared machine save and open times move with it.
 */
function deflateReference(text: string): number {
  const bytes = Buffer.from(text, 'utf8')
  const start = performance.now()
  deflateSync(bytes, { level: 1 })
  return round1(performance.now() - start)
}

/** User plus system time of the whole process (every thread), in milliseconds. */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000
}

function note(text: string): void {
  process.stderr.write(`${text}\n`)
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5)
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
