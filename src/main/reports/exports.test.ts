import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  EXPERIMENT_FORMAT,
  EXPERIMENT_FORMAT_VERSION,
  ExperimentDocumentSchema
} from '@shared/reports/experiment-document'
import type { LabService } from '../service/lab-service'
import { METRIC_NAMES } from '@shared/vocabulary/metrics'
import { collectExperimentDocument, stringifyExperimentDocument } from './experiment-json'
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
  it('holds the whole run in a versioned document its schema accepts', async () => {
    const { scenario, allocators } = FAMILY_SCENARIOS.heap
    const runId = await finishedRun(lab, scenario, allocators)
    const document = await collectExperimentDocument(lab, runId, {
      scenario,
      experiment: { name: 'Fits', notes: 'two fits', tags: ['heap'] },
      now: () => new Date('2026-01-02T03:04:05Z')
    })
    const parsed = ExperimentDocumentSchema.parse(JSON.parse(stringifyExperimentDocument(document)))
    expect(parsed).toEqual(document)
    expect(parsed).toMatchObject({
      format: EXPERIMENT_FORMAT,
      version: EXPERIMENT_FORMAT_VERSION,
      exportedAt: '2026-01-02T03:04:05.000Z',
      experiment: { name: 'Fits', notes: 'two fits', tags: ['heap'] },
      scenario: { text: scenario, requests: 5 }
    })
    expect(parsed.configurations.map((c) => c.family)).toEqual(['first-fit', 'best-fit'])
    expect(parsed.runs[0]!.summary!.largestFailedRequest).toEqual({
      bytes: 80,
      step: 4,
      cause: 'no-memory'
    })
    expect(parsed.runs[0]!.final!.freeList).toEqual([
      { addr: 1000, size: 3 },
      { addr: 1043, size: 57 }
    ])
    expect(parsed).not.toHaveProperty('timelines')
  })

  it('adds downsampled timelines only when asked, and names a bare run by its title', async () => {
    const { scenario, allocators } = FAMILY_SCENARIOS.buddy
    const runId = await finishedRun(lab, scenario, allocators)
    const document = await collectExperimentDocument(lab, runId, {
      scenario,
      includeTimelines: true,
      maxPoints: 4,
      metrics: ['freeBlocks']
    })
    expect(document.experiment).toEqual({ name: document.scenario.title, notes: '', tags: [] })
    expect(document.timelines).toHaveLength(1)
    expect(document.timelines![0]!.metrics.columns.map((c) => c.name)).toEqual(['freeBlocks'])
    expect(document.timelines![0]!.metrics.bucketSize).toBe(2)
  })

  it('is refused by its schema when it is of another format or a newer version', () => {
    const base = {
      format: EXPERIMENT_FORMAT,
      version: EXPERIMENT_FORMAT_VERSION,
      producer: { app: 'AllocLab', appVersion: '0', engineVersion: '0' },
      exportedAt: '2026-01-02T03:04:05Z',
      experiment: { name: 'x', notes: '', tags: [] },
      scenario: { title: 'x', text: 'arena 1\n', requests: 0 },
      configurations: [{ config: 0, label: 'first-fit', family: 'first-fit' }],
      runs: [
        { config: 0, status: 'done', done: 0, total: 0, summary: null, final: null, error: null }
      ]
    }
    expect(ExperimentDocumentSchema.safeParse(base).success).toBe(true)
    expect(ExperimentDocumentSchema.safeParse({ ...base, version: 2 }).success).toBe(false)
    expect(ExperimentDocumentSchema.safeParse({ ...base, format: 'other' }).success).toBe(false)
    expect(ExperimentDocumentSchema.safeParse({ ...base, runs: [] }).success).toBe(false)
    expect(ExperimentDocumentSchema.safeParse({ ...base, extra: 1 }).success).toBe(false)
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
