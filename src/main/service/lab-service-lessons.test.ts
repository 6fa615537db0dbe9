import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExperimentFile } from '@shared/experiment-file'
import { samplePack, teacherLesson } from '@shared/lesson-pack/testing/sample-pack'
import { translate } from '@shared/i18n/translate'
import { findLesson } from '@shared/lessons'
import { packLessonOf } from '@shared/lesson-pack/lesson-pack'
import {
  PAGES_SCENARIO,
  finishedRun,
  libraryService,
  refusal
} from '../experiments/testing/library-service'
import { openStore } from '../store/open-store'
import type { LabService } from './lab-service'

const services: LabService[] = []
afterEach(() => {
  for (const lab of services.splice(0)) lab.close()
})

function lab(path = ':memory:', now = () => 1_764_580_000_000): LabService {
  const service = libraryService(openStore(path), { now })
  services.push(service)
  return service
}

function databasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'alloclab-lessons-')), 'alloclab.db')
}

/** A saved experiment's file, as a pack carries it. */
async function experimentFile(source: LabService, name: string): Promise<ExperimentFile> {
  const runId = await finishedRun(source, PAGES_SCENARIO, ['buddy'])
  const { id } = await source.call('experiment:save', { runId, name })
  const { text } = await source.call('experiment:export-file', { id })
  await source.call('experiment:delete', { id })
  return JSON.parse(text) as ExperimentFile
}

describe('LabService lesson packs', () => {
  it('keeps an imported pack’s lessons in the database, for the next session to list', async () => {
    const path = databasePath()
    const first = lab(path)
    const result = await first.call('lessons:import-pack', {
      text: JSON.stringify(samplePack())
    })
    expect(result).toMatchObject({ title: 'Week 3', lessons: 1, experiments: 0, builtIn: 0 })
    first.close()
    services.splice(services.indexOf(first), 1)

    const { lessons } = await lab(path).call('lessons:imported', {})
    expect(lessons).toEqual([
      {
        lesson: teacherLesson('week-3-buddy'),
        packTitle: 'Week 3',
        packVersion: 1,
        packCreatedAt: '2026-12-01T09:00:00.000Z',
        importedAt: 1_764_580_000_000
      }
    ])
  })

  it('leaves a built-in lesson the pack carries as it is, and counts it', async () => {
    const buddy = packLessonOf(findLesson('buddy-allocator')!, translate)
    const service = lab()
    const result = await service.call('lessons:import-pack', {
      text: JSON.stringify(samplePack([buddy, teacherLesson('week-3-buddy')]))
    })
    expect(result).toMatchObject({ lessons: 1, builtIn: 1 })
    expect(result.imported.map(({ lesson }) => lesson.id)).toEqual(['week-3-buddy'])
  })

  it('replaces an earlier import of the same lesson with the newer pack’s', async () => {
    let clock = 1000
    const service = lab(':memory:', () => clock)
    await service.call('lessons:import-pack', { text: JSON.stringify(samplePack()) })
    clock = 2000
    const newer = samplePack([teacherLesson('week-3-buddy', 'Buddy, revised')], 'Week 3 (v2)')
    const { imported } = await service.call('lessons:import-pack', {
      text: JSON.stringify(newer)
    })
    expect(imported).toHaveLength(1)
    expect(imported[0]).toMatchObject({
      packTitle: 'Week 3 (v2)',
      importedAt: 2000,
      lesson: { title: { en: 'Buddy, revised' } }
    })
  })

  it('refuses a damaged pack with the reason and where, and changes nothing', async () => {
    const service = lab()
    await service.call('lessons:import-pack', { text: JSON.stringify(samplePack()) })
    const damaged = samplePack([teacherLesson('week-4'), teacherLesson('week-5')], 'Week 4')
    damaged.lessons[1]!.notes[0]!.step = 9999

    expect(
      await refusal(service, 'lessons:import-pack', { text: JSON.stringify(damaged) })
    ).toMatchObject({
      code: 'invalid-input',
      key: 'classroom.pack.refused.noteStep',
      params: { field: 'lessons.1.notes.0', step: 9999 }
    })
    expect(await refusal(service, 'lessons:import-pack', { text: '{"format":' })).toMatchObject({
      key: 'classroom.pack.refused.notJson'
    })
    const { lessons } = await service.call('lessons:imported', {})
    expect(lessons.map(({ lesson }) => lesson.id)).toEqual(['week-3-buddy'])
  })

  it('brings in the pack’s experiments with its lessons', async () => {
    const service = lab()
    const pack = { ...samplePack(), experiments: [await experimentFile(service, 'Lab 3')] }
    const result = await service.call('lessons:import-pack', { text: JSON.stringify(pack) })
    expect(result).toMatchObject({ lessons: 1, experiments: 1 })
    const { items } = await service.call('experiment:list', {})
    expect(items.map((item) => item.name)).toEqual(['Lab 3'])
  })

  it('takes back the experiments already brought in when a later one is refused', async () => {
    const service = lab()
    const sound = await experimentFile(service, 'Lab 3')
    const damaged = await experimentFile(service, 'Lab 4')
    const timeline = damaged.runs[0]!.timeline as { data: string }
    const at = Math.floor(timeline.data.length / 2)
    timeline.data = `${timeline.data.slice(0, at)}${timeline.data[at] === 'A' ? 'B' : 'A'}${timeline.data.slice(at + 1)}`
    const pack = { ...samplePack(), experiments: [sound, damaged] }

    const error = await refusal(service, 'lessons:import-pack', { text: JSON.stringify(pack) })
    expect(error).toMatchObject({
      code: 'invalid-input',
      key: 'classroom.pack.refused.experiment',
      params: { name: 'Lab 4' },
      causes: [{ key: 'experiments.file.timelineDamaged', params: { config: 0 } }]
    })
    expect(error.message).toMatch(/^The experiment “Lab 4” could not be imported:/)
    expect((await service.call('experiment:list', {})).total).toBe(0)
    expect((await service.call('lessons:imported', {})).lessons).toEqual([])
  })

  it('removes an imported lesson, and says so when there is none by that id', async () => {
    const service = lab()
    await service.call('lessons:import-pack', {
      text: JSON.stringify(samplePack([teacherLesson('week-3'), teacherLesson('week-4')]))
    })
    const { lessons } = await service.call('lessons:remove-imported', { id: 'week-3' })
    expect(lessons.map(({ lesson }) => lesson.id)).toEqual(['week-4'])
    expect(await refusal(service, 'lessons:remove-imported', { id: 'week-3' })).toMatchObject({
      code: 'not-found',
      key: 'classroom.pack.notImported',
      params: { id: 'week-3' }
    })
    expect(await refusal(service, 'lessons:remove-imported', { id: '../x' })).toMatchObject({
      code: 'invalid-input',
      params: { field: 'id' }
    })
  })

  it('keeps presentation mode as a setting, beside the language and theme', async () => {
    const path = databasePath()
    const first = lab(path)
    await first.call('settings:set', { presentation: true })
    first.close()
    services.splice(services.indexOf(first), 1)
    expect(await lab(path).call('settings:get', {})).toMatchObject({ presentation: true })
  })
})
