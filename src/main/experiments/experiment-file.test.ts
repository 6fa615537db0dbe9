import { afterEach, describe, expect, it } from 'vitest'
import { ExperimentFileSchema, type ExperimentFile } from '@shared/experiment-file'
import type { LabService } from '../service/lab-service'
import { openStore } from '../store/open-store'
import { PAGES_SCENARIO, finishedRun, libraryService, refusal } from './testing/library-service'

const services: LabService[] = []
afterEach(() => {
  for (const lab of services.splice(0)) lab.close()
})

function lab(): LabService {
  const service = libraryService(openStore(':memory:'))
  services.push(service)
  return service
}

const SPECS = ['buddy', 'first-fit:arena=256KiB']

async function exported(
  timelines?: boolean
): Promise<{ text: string; fileName: string; runId: string; source: LabService }> {
  const source = lab()
  const runId = await finishedRun(source, PAGES_SCENARIO, SPECS)
  const { id } = await source.call('experiment:save', {
    runId,
    name: 'Lab 3: buddy/first fit?',
    notes: 'hand in by Friday',
    tags: ['lab 3'],
    replayState: { step: 4 }
  })
  const file = await source.call('experiment:export-file', {
    id,
    ...(timelines !== undefined ? { timelines } : {})
  })
  return { ...file, runId, source }
}

function edited(
  text: string,
  change: (file: ExperimentFile & Record<string, unknown>) => void
): string {
  const file = JSON.parse(text) as ExperimentFile & Record<string, unknown>
  change(file)
  return JSON.stringify(file)
}

describe('the experiment file', () => {
  it('carries everything, and imports elsewhere into an experiment that replays the same', async () => {
    const { text, fileName, runId, source } = await exported()
    expect(fileName).toBe('Lab 3- buddy-first fit.alloclab.json')
    const file = ExperimentFileSchema.parse(JSON.parse(text))
    expect(file).toMatchObject({
      format: 'alloclab-experiment',
      version: 1,
      experiment: {
        name: 'Lab 3: buddy/first fit?',
        tags: ['lab 3'],
        scenario: PAGES_SCENARIO,
        requests: 6
      }
    })
    expect(file.program).not.toBeNull()
    expect(file.runs.map((run) => run.timeline.state)).toEqual(['kept', 'kept'])

    const target = lab()
    const item = await target.call('experiment:import-file', { text })
    expect(item).toMatchObject({
      name: 'Lab 3: buddy/first fit?',
      tags: ['lab 3'],
      timelinesKept: 2
    })
    const detail = await target.call('experiment:get', { id: item.id })
    expect(detail.notes).toBe('hand in by Friday')
    expect(detail.replayState).toEqual({ step: 4 })
    const opened = await target.call('experiment:open', { id: item.id })
    for (const config of [0, 1]) {
      const query = { config, from: 0, count: 6 }
      expect(await target.call('timeline:events', { runId: opened.runId, ...query })).toEqual(
        await source.call('timeline:events', { runId, ...query })
      )
      expect(
        await target.call('timeline:structures', { runId: opened.runId, config, step: 3 })
      ).toEqual(await source.call('timeline:structures', { runId, config, step: 3 }))
    }
  })

  it('leaves the timelines out when asked, keeping their sizes', async () => {
    const { text } = await exported(false)
    const file = ExperimentFileSchema.parse(JSON.parse(text))
    expect(file.program).toBeNull()
    expect(file.runs.map((run) => run.timeline.state)).toEqual(['dropped', 'dropped'])
    const target = lab()
    const item = await target.call('experiment:import-file', { text, name: 'Renamed' })
    expect(item).toMatchObject({ name: 'Renamed', timelinesKept: 0 })
    const detail = await target.call('experiment:get', { id: item.id })
    expect(detail.runs.every((run) => run.timeline.bytes > 0)).toBe(true)
  })

  it('refuses a file whole, saying what is wrong and where, and imports nothing', async () => {
    const { text } = await exported()
    const middle = (data: string): string => {
      const at = Math.floor(data.length / 2)
      return `${data.slice(0, at)}${data[at] === 'A' ? 'B' : 'A'}${data.slice(at + 1)}`
    }
    const cases: [string, Record<string, unknown>][] = [
      ['{"format": "alloclab-experiment", ', { key: 'experiments.file.notJson' }],
      ['{"format": "report", "version": 1}', { key: 'experiments.file.notExperiment' }],
      ['[1, 2]', { key: 'experiments.file.notExperiment' }],
      [
        edited(text, (file) => ((file as { version: number }).version = 2)),
        { key: 'experiments.file.newerVersion', params: { version: 2, supported: 1 } }
      ],
      [
        edited(text, (file) => ((file.runs[0] as { status: string }).status = 'running')),
        { key: 'experiments.file.invalid', params: { field: 'runs.0.status' } }
      ],
      [
        edited(text, (file) => (file.experiment.name = '')),
        { key: 'experiments.file.invalid', params: { field: 'experiment.name' } }
      ],
      [
        edited(text, (file) => file.runs.pop()),
        { key: 'experiments.file.invalid', params: { field: 'runs' } }
      ],
      [
        edited(text, (file) => {
          const timeline = file.runs[1]!.timeline as { data: string }
          timeline.data = middle(timeline.data)
        }),
        {
          key: 'experiments.file.timelineDamaged',
          params: { config: 1, field: 'runs.1.timeline.data' }
        }
      ],
      [
        edited(text, (file) => {
          const timeline = file.runs[0]!.timeline as { bytes: number }
          timeline.bytes += 1
        }),
        { key: 'experiments.file.timelineDamaged', params: { config: 0 } }
      ],
      [
        edited(text, (file) => {
          const timeline = file.runs[0]!.timeline as { format: number }
          timeline.format = 9
        }),
        { key: 'experiments.file.timelineFormat', params: { config: 0, format: 9 } }
      ],
      [
        edited(text, (file) => (file.program!.data = middle(file.program!.data))),
        { key: 'experiments.file.programDamaged', params: { field: 'program.data' } }
      ],
      [
        edited(text, (file) => (file.program = null)),
        { key: 'experiments.file.invalid', params: { field: 'program' } }
      ]
    ]
    const target = lab()
    for (const [bad, expected] of cases) {
      expect(
        await refusal(target, 'experiment:import-file', { text: bad }),
        bad.slice(0, 60)
      ).toMatchObject({
        code: 'invalid-input',
        ...expected
      })
    }
    expect((await target.call('experiment:list', {})).total).toBe(0)
  })

  it('explains a refused file in words that name the field', async () => {
    const { text } = await exported()
    const error = await refusal(lab(), 'experiment:import-file', {
      text: edited(text, (file) => ((file.runs[0] as { status: string }).status = 'running'))
    })
    expect(error.message).toMatch(
      /^The experiment file is not valid at "runs\.0\.status": .+\. Nothing was imported\.$/
    )
  })
})
