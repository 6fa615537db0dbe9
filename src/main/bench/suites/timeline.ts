import { monitorEventLoopDelay } from 'node:perf_hooks'
import { STANDARD_WORKLOADS, compileScenario, generate } from '@shared/scenario'
import type { CompiledProgram } from '@shared/scenario/program'
import { runProgram } from '../../engine/runner'
import { builtWorkerLaunch } from '../../worker/built-worker-launch'
import { startRun } from '../../worker/worker-host'
import { parseAllocatorSpec, resolveAllocatorValues } from '../../engine/allocator-spec'
import { allFamilies } from '../../engine/families'
import { EngineReplayer } from '../../timeline/engine-replayer'
import { mapAfter } from '../../timeline/map-seek'
import { MetricColumns, downsampleSamples, downsampleSteps } from '../../timeline/metric-columns'
import { TimelineRecorder } from '../../timeline/timeline-recorder'
import { readStructures } from '../../timeline/structures'
import {
  DEFAULT_TIMELINE_OPTIONS,
  timelineBytes,
  type TimelineBuffers
} from '../../timeline/timeline-format'
import { TimelineReader } from '../../timeline/timeline-reader'
import { measureEngineOnly, perSecond } from '../engine-only'
import type { BenchSuite } from '../suite'
import { specTargets, standardProgram } from '../workloads'

const WORKLOADS = [
  { name: 'heap', workload: 'heap', spec: 'first-fit:order=front,coalesce=on,meta=inband' },
  { name: 'buddy', workload: 'buddy', spec: 'buddy' }
] as const
const SEEKS = 1000
const STRUCTURE_SEEKS = 100
const QUERIES = 100
const BIG_RUN = 10_000_000

/**
 * Timelines (issue 6). Keys, per workload W (heap: first-fit front/in-band on
 * the standard heap workload; buddy: the standard buddy workload, 65,536 frames):
 *   W.engineOnly.requestsPerSecond     engine-only speed, best of 3 rounds
 *   W.recording.requestsPerSecond      the same loop recording a timeline, best of 3
 *   W.recording.ratio                  recording / engine-only (target >= 0.4)
 *   W.bytesPerEvent                    timeline bytes / requests, keyframes included (target <= 32)
 *   W.keyframes                        keyframes recorded
 *   W.seekMap.medianMs / p99Ms         map at 1,000 random steps (target p99 <= 5 ms)
 *   W.seekStructures.medianMs / p99Ms  allocator structures at 100 random steps (engine replay from checkpoints)
 *   W.metricsQuery.firstMs             1,000 points over every step, deriving the column first
 *   W.metricsQuery.medianMs            the same query once derived, median of 100 (target <= 10 ms)
 * and for a 10-million-request heap run in a worker, recording:
 *   bigRun.requests / bigRun.runMs     requests and wall time of the run
 *   bigRun.eventLoopDelayMaxMs         longest event-loop delay on the main thread meanwhile (target <= 50)
 *   bigRun.peakRssMiB                  peak resident size of the whole process (target < 2048)
 *   bigRun.bytesPerEvent               timeline bytes / requests
 */
export const timelineSuite: BenchSuite = {
  name: 'timeline',
  async run() {
    const figures: Record<string, number | string> = {}
    for (const { name, workload, spec } of WORKLOADS) {
      note(`timeline: ${name}`)
      const program = standardProgram(workload)
      const engine = measureEngineOnly(specTargets(spec, program), program)
      let timeline: TimelineBuffers | undefined
      let best = 0
      for (let round = 0; round < 4; round++) {
        const { target, pool } = specTargets(spec, program)()
        const recorder = new TimelineRecorder(target, program, DEFAULT_TIMELINE_OPTIONS)
        const summary = runProgram(target, program, pool, { sink: recorder })
        timeline = recorder.finish()
        if (round > 0) best = Math.max(best, (summary.requests * 1000) / summary.timing.elapsedMs)
      }
      const reader = new TimelineReader(timeline!, program)
      figures[`${name}.spec`] = spec
      figures[`${name}.requests`] = program.count
      figures[`${name}.engineOnly.requestsPerSecond`] = perSecond(engine.best)
      figures[`${name}.recording.requestsPerSecond`] = perSecond(best)
      figures[`${name}.recording.ratio`] = round2(best / engine.best)
      figures[`${name}.bytesPerEvent`] = round2(timelineBytes(timeline!) / program.count)
      figures[`${name}.keyframes`] = timeline!.keyPosition.length
      const random = seeded(7)
      const mapTimes: number[] = []
      for (let i = 0; i < SEEKS; i++) {
        const k = Math.floor(random() * program.count)
        mapTimes.push(timed(() => mapAfter(reader, k + 1)))
      }
      figures[`${name}.seekMap.medianMs`] = round3(percentile(mapTimes, 0.5))
      figures[`${name}.seekMap.p99Ms`] = round3(percentile(mapTimes, 0.99))
      note(`timeline: ${name} structures`)
      const parsed = parseAllocatorSpec(spec, allFamilies)
      const replayer = new EngineReplayer(
        parsed.family,
        resolveAllocatorValues(parsed, program.geometry),
        program
      )
      await replayer.read(program.count, () => undefined)
      const structureTimes: number[] = []
      for (let i = 0; i < STRUCTURE_SEEKS; i++) {
        const k = Math.floor(random() * program.count)
        const start = performance.now()
        await replayer.read(k + 1, readStructures)
        structureTimes.push(performance.now() - start)
      }
      figures[`${name}.seekStructures.medianMs`] = round3(percentile(structureTimes, 0.5))
      figures[`${name}.seekStructures.p99Ms`] = round3(percentile(structureTimes, 0.99))
      figures[`${name}.seekStructures.checkpointBytes`] = replayer.checkpointBytes
      const columns = new MetricColumns(reader)
      figures[`${name}.metricsQuery.firstMs`] = round3(
        timed(() => downsampleSteps(columns.step('requestedLive'), 0, program.count, 1000))
      )
      const queryTimes: number[] = []
      for (let i = 0; i < QUERIES; i++) {
        queryTimes.push(
          timed(() => {
            downsampleSteps(columns.step('requestedLive'), 0, program.count, 1000)
            const { positions, values } = columns.sampled('largestFree')
            downsampleSamples(positions, values, 0, program.count, 1000)
          })
        )
      }
      figures[`${name}.metricsQuery.medianMs`] = round3(percentile(queryTimes, 0.5))
    }
    Object.assign(figures, await bigRun())
    return figures
  }
}

async function bigRun(): Promise<Record<string, number>> {
  const workload = STANDARD_WORKLOADS.heap
  const generated = Date.now()
  const compiled = compileScenario(generate(workload.kind, { ...workload.options, count: BIG_RUN }))
  const program: CompiledProgram = compiled.program!
  note(`timeline: 10M program ready after ${Date.now() - generated} ms`)
  const generateMs = Date.now() - generated
  const parsed = parseAllocatorSpec(WORKLOADS[0].spec, allFamilies)
  const values = resolveAllocatorValues(parsed, program.geometry)
  const delay = monitorEventLoopDelay({ resolution: 5 })
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50)
  delay.enable()
  const started = performance.now()
  const handle = startRun({
    ...builtWorkerLaunch(),
    family: parsed.family,
    values,
    program,
    timeline: DEFAULT_TIMELINE_OPTIONS
  })
  const result = await handle.result
  const runMs = performance.now() - started
  delay.disable()
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
  return {
    'bigRun.requests': program.count,
    'bigRun.generateAndCompileMs': generateMs,
    'bigRun.runMs': Math.round(runMs),
    'bigRun.eventLoopDelayMaxMs': round2(delay.max / 1e6),
    'bigRun.peakRssMiB': Math.round(peakRss / (1024 * 1024)),
    'bigRun.bytesPerEvent': round2(timelineBytes(result.timeline!) / program.count)
  }
}

function note(text: string): void {
  process.stderr.write(`${text}\n`)
}

function timed(work: () => void): number {
  const start = performance.now()
  work()
  return performance.now() - start
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!
}

function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000
}
