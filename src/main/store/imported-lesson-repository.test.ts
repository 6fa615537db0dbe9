import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LabError } from '@shared/lab-error'
import { samplePack, teacherLesson } from '@shared/lesson-pack/testing/sample-pack'
import { openStore } from './open-store'
import { ImportedLessonRepository } from './imported-lesson-repository'

function repository(now = () => 5000): ImportedLessonRepository {
  return new ImportedLessonRepository(openStore(':memory:').db, now)
}

describe('ImportedLessonRepository', () => {
  it('has no imported lessons on a new database', () => {
    expect(repository().list()).toEqual([])
  })

  it('gives back each lesson as the pack carried it, with its pack and import time, oldest first', () => {
    let clock = 2000
    const lessons = repository(() => clock)
    lessons.importFrom(samplePack(), [teacherLesson('week-4'), teacherLesson('week-3')])
    clock = 1000
    lessons.importFrom(samplePack([], 'Week 2'), [teacherLesson('week-2')])
    expect(lessons.list().map(({ lesson, packTitle }) => [lesson.id, packTitle])).toEqual([
      ['week-2', 'Week 2'],
      ['week-3', 'Week 3'],
      ['week-4', 'Week 3']
    ])
    expect(lessons.list()[1]).toEqual({
      lesson: teacherLesson('week-3'),
      packTitle: 'Week 3',
      packVersion: 1,
      packCreatedAt: '2026-12-01T09:00:00.000Z',
      importedAt: 2000
    })
  })

  it('keeps a pack’s lessons all or none', () => {
    const lessons = repository()
    const refused = { ...teacherLesson('week-5'), id: 'Not An Id' }
    expect(() => lessons.importFrom(samplePack(), [teacherLesson('week-4'), refused])).toThrow(
      /CHECK/
    )
    expect(lessons.list()).toEqual([])
  })

  it('leaves a row it cannot read in place and lists the rest', () => {
    const db = openStore(':memory:').db
    const lessons = new ImportedLessonRepository(db)
    lessons.importFrom(samplePack(), [teacherLesson('week-3')])
    db.prepare(
      `INSERT INTO imported_lessons VALUES ('from-newer', '{"id":"from-newer","future":1}', 'Later', 2, 'x', 1)`
    ).run()
    expect(lessons.list().map(({ lesson }) => lesson.id)).toEqual(['week-3'])
    expect(db.prepare('SELECT count(*) FROM imported_lessons').pluck().get()).toBe(2)
  })

  it('removes one lesson by id and says whether there was one', () => {
    const lessons = repository()
    lessons.importFrom(samplePack(), [teacherLesson('week-3'), teacherLesson('week-4')])
    expect(lessons.remove('week-3')).toBe(true)
    expect(lessons.remove('week-3')).toBe(false)
    expect(lessons.list().map(({ lesson }) => lesson.id)).toEqual(['week-4'])
  })

  it('answers a write on a read-only database with LabError read-only', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'alloclab-lessons-ro-')), 'alloclab.db')
    openStore(path).db.close()
    const readOnly = new BetterSqlite3(path, { readonly: true })
    const lessons = new ImportedLessonRepository(readOnly)
    const write = () => lessons.importFrom(samplePack(), [teacherLesson('week-3')])
    expect(write).toThrow(LabError)
    expect(write).toThrow(expect.objectContaining({ code: 'read-only' }))
    expect(lessons.list()).toEqual([])
    readOnly.close()
  })
})
