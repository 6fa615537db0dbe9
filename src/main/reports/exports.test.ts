import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  EXPERIMENT_FILE_FORMAT,
  EXPERIMENT_FILE_VERSION,
  ExperimentFileSchema
} from '@shared/experiment-file'
import type { LabService } from '../service/lab-service'
import { METRIC_NAMES } from '@shared/vocabulary/metrics'
import { runExperimentFile } from './experiment-json'
import { metricsCsvChunks } from './metrics-csv'
import { FAMILY_SCENARIOS, finishedRun, testLabService } from './testing/report-runs'
import { reportFormatOf } from './write-report'

let lab: LabService
beforeAll(() => {
  lab = testLabService()
})
afterAll(() => lab.close())

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = ''
  for await (const chunk of chunks) out += chunk
  return out
}

describe('the CSV export', () => {
  it('is the layout alloclab run --csv promises, one row per request of each configuration', async () => {
    const { scenario } = FAMILY_SCENARIOS.slab
    const allocators = ['slab:frames=64', 'buddy:frames=64']
    for (const metricStride of [1, 3]) {
      const runId = await finishedRun(lab, scenario, allocators, { metricStride })
      const summary = await lab.call('run:summary', { runId })
      const lines = (await text(metricsCsvChunks(lab, runId))).trimEnd().split('\n')
      expect(lines[0]).toBe(`config,step,${METRIC_NAMES.join(',')}`)
      const requests = summary.configs.map((c) => c.summary!.requests)
      expect(lines).toHaveLength(1 + requests[0]! + requests[1]!)
      expect(lines[1]).toMatch(/^"slab:frames=64,[^"]*",0,/)
      // Sampled columns are empty where the run did not sample (every third request).
      const sampledCells = lines[2]!.split(',').slice(-7)
      if (metricStride === 3) expect(sampledCells.every((cell) => cell === '')).toBe(true)
      else expect(sampledCells.every((cell) => cell !== '')).toBe(true)
    }
  })
})

describe('the JSON export', () => {
  it('is the experiment file the Library imports, with the run whole and its timelines', async () => {
    const { scenario, allocators } = FAMILY_SCENARIOS.heap
    const runId = await finishedRun(lab, scenario, allocators)
    const text = await runExperimentFile(lab, runId, {
      experiment: { name: 'Fits', notes: 'two fits', tags: ['heap'] }
    })
    const file = ExperimentFileSchema.parse(JSON.parse(text))
    expect(file).toMatchObject({
      format: EXPERIMENT_FILE_FORMAT,
      version: EXPERIMENT_FILE_VERSION,
      experiment: { name: 'Fits', notes: 'two fits', tags: ['heap'], scenario }
    })
    expect(file.runs.map((r) => r.family)).toEqual(['first-fit', 'best-fit'])
    expect(file.runs.every((r) => r.timeline.state === 'kept')).toBe(true)
    expect(file.runs[0]!.summary!.largestFailedRequest).toEqual({
      bytes: 80,
      step: 4,
      cause: 'no-memory'
    })
    expect(file.runs[0]!.final!.freeList).toEqual([
      { addr: 1000, size: 3 },
      { addr: 1043, size: 57 }
    ])
    // Made through the library, and gone from it again.
    expect((await lab.call('experiment:list', {})).total).toBe(0)
    const imported = await lab.call('experiment:import-file', { text })
    expect(imported.name).toBe('Fits')
  })

  it('names a bare run by its title and leaves the timelines out when asked', async () => {
    const { scenario, allocators } = FAMILY_SCENARIOS.buddy
    const runId = await finishedRun(lab, scenario, allocators)
    const title = (await lab.call('run:summary', { runId })).title
    const file = ExperimentFileSchema.parse(
      JSON.parse(await runExperimentFile(lab, runId, { timelines: false }))
    )
    expect(file.experiment.name).toBe(title || runId)
    expect(file.runs.every((r) => r.timeline.state !== 'kept')).toBe(true)
  })
})

describe('reportFormatOf', () => {
  it('reads the format off the extension, in any case, and refuses the rest', () => {
    expect(
      ['a.html', 'b.HTM', 'c.pdf', 'd.json', 'e.alloclab.json', 'f.CSV', 'g.txt', 'h'].map(
        reportFormatOf
      )
    ).toEqual(['html', 'html', 'pdf', 'json', 'json', 'csv', null, null])
  })
})
