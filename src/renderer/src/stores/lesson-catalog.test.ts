// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { LabError } from '@shared/api'
import { LESSONS } from '@shared/lessons'
import { samplePack, teacherLesson } from '@shared/lesson-pack/testing/sample-pack'
import { IMPORTED_LESSONS_KEY } from '@renderer/classroom/legacy-imported-lessons'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { useLessonCatalogStore } from './lesson-catalog'
import { useNoticeStore } from './notices'

afterEach(() => localStorage.clear())

/** A window over `bridge`: a new one over the same bridge is the page after a reload. */
async function windowOver(bridge: FakeLabBridge) {
  const pinia = piniaWithLab(bridge)
  const catalog = useLessonCatalogStore(pinia)
  await catalog.load()
  return { catalog, notices: useNoticeStore(pinia) }
}

const importedIds = (catalog: ReturnType<typeof useLessonCatalogStore>) =>
  catalog.lessons.slice(LESSONS.length).map((lesson) => lesson.id)

describe('useLessonCatalogStore', () => {
  it('lists the built-in lessons, then the ones the host keeps, with their own texts', async () => {
    const bridge = new FakeLabBridge()
    await (await windowOver(bridge)).catalog.importPack(JSON.stringify(samplePack()))

    const { catalog } = await windowOver(bridge)
    expect(catalog.lessons).toHaveLength(LESSONS.length + 1)
    const lesson = catalog.find('week-3-buddy')!
    expect(catalog.text(lesson.titleKey)).toBe('Buddy, week 3')
    expect(catalog.packTitleOf('week-3-buddy')).toBe('Week 3')
    expect(catalog.packTitleOf('buddy-allocator')).toBeNull()
  })

  it('imports a pack through the host and says what it brought', async () => {
    const bridge = new FakeLabBridge()
    const { catalog } = await windowOver(bridge)
    const result = await catalog.importPack(JSON.stringify(samplePack()))
    expect(result).toEqual({
      ok: true,
      title: 'Week 3',
      lessons: 1,
      experiments: 0,
      builtIn: 0
    })
    expect(importedIds(catalog)).toEqual(['week-3-buddy'])
    expect(bridge.lessons.imported.map(({ lesson }) => lesson.id)).toEqual(['week-3-buddy'])
    expect(localStorage.getItem(IMPORTED_LESSONS_KEY)).toBeNull()
  })

  it('gives the host’s reason when a pack is refused, and lists what it did before', async () => {
    const bridge = new FakeLabBridge()
    const { catalog } = await windowOver(bridge)
    await catalog.importPack(JSON.stringify(samplePack()))
    const damaged = samplePack([teacherLesson('week-4')])
    damaged.lessons[0]!.notes[0]!.step = 9999

    const result = await catalog.importPack(JSON.stringify(damaged))
    expect(result).toMatchObject({
      ok: false,
      reason: { key: 'classroom.pack.refused.noteStep', params: { step: 9999 } }
    })
    expect(importedIds(catalog)).toEqual(['week-3-buddy'])
  })

  it('carries lessons an older window kept in localStorage into the host once, then clears them', async () => {
    localStorage.setItem(
      IMPORTED_LESSONS_KEY,
      JSON.stringify([
        { packTitle: 'Week 1', lesson: teacherLesson('week-1') },
        { packTitle: 'Week 2', lesson: teacherLesson('week-2') },
        { packTitle: 'Week 2', lesson: { id: 'damaged' } }
      ])
    )
    const bridge = new FakeLabBridge()
    const { catalog } = await windowOver(bridge)

    expect(importedIds(catalog)).toEqual(['week-1', 'week-2'])
    expect(bridge.lessons.imported.map(({ lesson, packTitle }) => [lesson.id, packTitle])).toEqual([
      ['week-1', 'Week 1'],
      ['week-2', 'Week 2']
    ])
    expect(localStorage.getItem(IMPORTED_LESSONS_KEY)).toBeNull()
    await windowOver(bridge)
    expect(bridge.callsTo('lessons:import-pack')).toHaveLength(2)
  })

  it('never carries over an old copy of a lesson the host already holds', async () => {
    const bridge = new FakeLabBridge()
    await (await windowOver(bridge)).catalog.importPack(JSON.stringify(samplePack()))
    localStorage.setItem(
      IMPORTED_LESSONS_KEY,
      JSON.stringify([{ packTitle: 'Old', lesson: teacherLesson('week-3-buddy', 'Old text') }])
    )
    const { catalog } = await windowOver(bridge)
    expect(catalog.text(catalog.find('week-3-buddy')!.titleKey)).toBe('Buddy, week 3')
    expect(bridge.callsTo('lessons:import-pack')).toHaveLength(1)
    expect(localStorage.getItem(IMPORTED_LESSONS_KEY)).toBeNull()
  })

  it('keeps lessons the host could not take in localStorage, still listed, and says so', async () => {
    const stored = [{ packTitle: 'Week 1', lesson: teacherLesson('week-1') }]
    localStorage.setItem(IMPORTED_LESSONS_KEY, JSON.stringify(stored))
    const bridge = new FakeLabBridge()
    bridge.failChannel(
      'lessons:import-pack',
      new LabError('read-only', 'app.databaseErrors.readOnly', {})
    )
    const { catalog, notices } = await windowOver(bridge)

    expect(importedIds(catalog)).toEqual(['week-1'])
    expect(catalog.packTitleOf('week-1')).toBe('Week 1')
    expect(JSON.parse(localStorage.getItem(IMPORTED_LESSONS_KEY)!)).toEqual(stored)
    expect(notices.notices).toMatchObject([
      {
        titleKey: 'classroom.pack.carryOverFailed',
        reason: { key: 'app.databaseErrors.readOnly' }
      }
    ])

    bridge.recover('lessons:import-pack')
    expect(importedIds((await windowOver(bridge)).catalog)).toEqual(['week-1'])
    expect(localStorage.getItem(IMPORTED_LESSONS_KEY)).toBeNull()
  })

  it('removes an imported lesson from the host, and reports a removal the host refuses', async () => {
    const bridge = new FakeLabBridge()
    const { catalog, notices } = await windowOver(bridge)
    await catalog.importPack(
      JSON.stringify(samplePack([teacherLesson('week-3'), teacherLesson('week-4')]))
    )
    await catalog.remove('week-3')
    expect(importedIds(catalog)).toEqual(['week-4'])
    expect(bridge.lessons.imported.map(({ lesson }) => lesson.id)).toEqual(['week-4'])

    bridge.failChannel(
      'lessons:remove-imported',
      new LabError('read-only', 'app.databaseErrors.readOnly', {})
    )
    await catalog.remove('week-4')
    expect(importedIds(catalog)).toEqual(['week-4'])
    expect(notices.notices).toMatchObject([{ titleKey: 'classroom.pack.removeFailed' }])
  })

  it('still opens with the built-in lessons when the host cannot list imported ones', async () => {
    const bridge = new FakeLabBridge()
    bridge.failChannel(
      'lessons:imported',
      new LabError('internal', 'service.internal', { detail: 'database is locked' })
    )
    const { catalog, notices } = await windowOver(bridge)
    expect(catalog.lessons).toEqual(LESSONS)
    expect(catalog.loaded).toBe(true)
    expect(notices.notices).toMatchObject([{ titleKey: 'classroom.pack.loadFailed' }])
  })
})
