import { mkdtempSync } from 'node:fs'
import { RunFinishWatch } from '../cli/run-finish'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tinyFamily } from '../engine/testing/tiny-family'
import { engineWorkerFromSource } from '../worker/testing/tsx-worker'
import { allFamilies } from '../engine/families'
import { openStore } from '../store/open-store'
import { SettingsRepository } from '../store/settings-repository'
import { ImportedLessonRepository } from '../store/imported-lesson-repository'
import { samplePack, teacherLesson } from '@shared/lesson-pack/testing/sample-pack'
import { probeWriteProtection } from '../store/testing/write-protection'
import { LabService } from './lab-service'

const writeProtection = probeWriteProtection()
const protection = writeProtection.available ? writeProtection.protection : undefined
const services: LabService[] = []
afterEach(() => {
  for (const lab of services.splice(0)) lab.close()
  protection?.releaseAll()
})

/** A service on a saved database (dark theme, one imported lesson) whose file may not be written. */
function serviceOnReadOnlyFile(): { lab: LabService; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'alloclab-service-ro-')), 'alloclab.db')
  const seed = openStore(path)
  new SettingsRepository(seed.db).set({ theme: 'dark' })
  new ImportedLessonRepository(seed.db).importFrom(samplePack(), [teacherLesson('week-3')])
  seed.db.close()
  protection!.protect(path)
  const lab = new LabService(openStore(path), 'test', {
    families: () => [...allFamilies, tinyFamily],
    launch: engineWorkerFromSource
  })
  services.push(lab)
  return { lab, path }
}

const how = protection
  ? ` (${protection.how})`
  : ` (skipped: ${writeProtection.available ? '' : writeProtection.reason})`

describe('LabService on a database it may not write', () => {
  it.skipIf(!protection)(`tells the window why, through app:info${how}`, async () => {
    const { lab, path } = serviceOnReadOnlyFile()
    const info = await lab.call('app:info', {})
    expect(info.databasePath).toBe(path)
    expect(info.databaseNotice).toMatchObject({
      kind: 'read-only-file',
      fallback: 'read-only',
      path
    })
  })

  it.skipIf(!protection)(
    `answers a settings change with code read-only, never internal${how}`,
    async () => {
      const { lab } = serviceOnReadOnlyFile()
      expect(await lab.dispatch('settings:get', {})).toMatchObject({
        ok: true,
        value: { theme: 'dark' }
      })
      expect(await lab.dispatch('settings:set', { theme: 'light' })).toMatchObject({
        ok: false,
        error: {
          code: 'read-only',
          key: 'app.databaseErrors.readOnly',
          message:
            'Nothing can be saved this session: the database is open read-only. AllocLab said why when it started.'
        }
      })
    }
  )

  it.skipIf(!protection)(`still runs and replays experiments${how}`, async () => {
    const { lab } = serviceOnReadOnlyFile()
    const watch = new RunFinishWatch(lab)
    const started = await lab.call('run:start', {
      scenario: 'frames 16\npages a 1\nfree-pages a\n',
      allocators: ['buddy']
    })
    await watch.finished(started.runId)
    watch.stop()
    expect((await lab.call('run:summary', { runId: started.runId })).status).toBe('done')
    const events = await lab.call('timeline:events', {
      runId: started.runId,
      config: 0,
      from: 0,
      count: 10
    })
    expect(events.total).toBe(2)
    expect(events.events).toHaveLength(2)
  })

  it.skipIf(!protection)(
    `lists the lessons imported before and refuses a new pack with code read-only${how}`,
    async () => {
      const { lab } = serviceOnReadOnlyFile()
      const { lessons } = await lab.call('lessons:imported', {})
      expect(lessons.map(({ lesson }) => lesson.id)).toEqual(['week-3'])
      const pack = samplePack([teacherLesson('week-4')])
      expect(
        await lab.dispatch('lessons:import-pack', { text: JSON.stringify(pack) })
      ).toMatchObject({
        ok: false,
        error: { code: 'read-only', key: 'app.databaseErrors.readOnly' }
      })
      expect(await lab.dispatch('lessons:remove-imported', { id: 'week-3' })).toMatchObject({
        ok: false,
        error: { code: 'read-only' }
      })
      expect((await lab.call('lessons:imported', {})).lessons).toHaveLength(1)
    }
  )
})
