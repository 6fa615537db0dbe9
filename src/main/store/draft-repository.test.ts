import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { Draft } from '@shared/draft-schemas'
import { LabError } from '@shared/lab-error'
import { openStore } from './open-store'
import { DraftRepository } from './draft-repository'

function repository(now = () => 1_700_000_000_000): DraftRepository {
  return new DraftRepository(openStore(':memory:').db, now)
}

describe('DraftRepository', () => {
  it('has no draft on a new database', () => {
    expect(repository().get()).toEqual({ draft: null, savedAt: null })
  })

  it('gives back a text draft exactly as saved, with the time it was saved', () => {
    const drafts = repository()
    const draft: Draft = {
      scenario: { encoding: 'text', text: 'alloc a 10\nfree a\n' },
      configs: ['first-fit:arena=100', 'buddy'],
      fileName: 'lesson.alloc'
    }
    expect(drafts.save(draft).savedAt).toBe(1_700_000_000_000)
    expect(drafts.get()).toEqual({ draft, savedAt: 1_700_000_000_000 })
  })

  it('keeps a compressed scenario as its gzip bytes and hands back the same base64', () => {
    const db = openStore(':memory:').db
    const drafts = new DraftRepository(db)
    const text = 'alloc a 10\n'.repeat(10_000)
    const data = gzipSync(text).toString('base64')
    const saved = drafts.save({
      scenario: { encoding: 'gzip-base64', data, length: text.length },
      configs: [],
      fileName: null
    })
    expect(saved.storedBytes).toBeLessThan(text.length / 10)
    const stored = db.prepare('SELECT typeof(scenario_gzip) FROM drafts').pluck().get()
    expect(stored).toBe('blob')
    expect(drafts.get().draft?.scenario).toEqual({
      encoding: 'gzip-base64',
      data,
      length: text.length
    })
  })

  it('replaces the previous draft instead of piling drafts up', () => {
    const drafts = repository()
    drafts.save({ scenario: { encoding: 'text', text: 'one' }, configs: [], fileName: null })
    drafts.save({ scenario: { encoding: 'text', text: 'two' }, configs: ['buddy'], fileName: null })
    expect(drafts.get().draft).toMatchObject({ scenario: { text: 'two' }, configs: ['buddy'] })
  })

  it('refuses compressed data that is not gzip, keeping the draft it had', () => {
    const drafts = repository()
    drafts.save({ scenario: { encoding: 'text', text: 'kept' }, configs: [], fileName: null })
    const notGzip = Buffer.from('plain text pretending to be gzip').toString('base64')
    expect(() =>
      drafts.save({
        scenario: { encoding: 'gzip-base64', data: notGzip, length: 10 },
        configs: [],
        fileName: null
      })
    ).toThrow(LabError)
    expect(drafts.get().draft?.scenario).toEqual({ encoding: 'text', text: 'kept' })
  })

  it('says why when the stored row is not one it could have written', () => {
    const db = openStore(':memory:').db
    db.prepare(
      "INSERT INTO drafts VALUES ('workbench', 'alloc a 1', NULL, 9, 'not json', NULL, 1)"
    ).run()
    try {
      new DraftRepository(db).get()
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(LabError)
      expect((error as LabError).key).toBe('workbench.draft.unreadable')
    }
  })
})
