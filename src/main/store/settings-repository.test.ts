import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/api'
import { openStore } from './open-store'
import { SettingsRepository } from './settings-repository'

function repository(): SettingsRepository {
  return new SettingsRepository(openStore(':memory:').db)
}

describe('SettingsRepository', () => {
  it('returns the defaults on a new database', () => {
    expect(repository().get()).toEqual(DEFAULT_SETTINGS)
  })

  it('persists a partial update and merges it with the rest', () => {
    const settings = repository()
    expect(settings.set({ language: 'zh-CN' })).toEqual({ ...DEFAULT_SETTINGS, language: 'zh-CN' })
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'zh-CN' })
  })

  it('ignores a stored value that is no longer valid instead of failing', () => {
    const store = openStore(':memory:')
    store.db
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('theme', '\"purple\"'), ('language', 'not json')"
      )
      .run()
    expect(new SettingsRepository(store.db).get()).toEqual(DEFAULT_SETTINGS)
  })

  it('rejects an invalid update without writing anything', () => {
    const settings = repository()
    expect(() => settings.set({ theme: 'purple' as never })).toThrow()
    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
  })
})

describe('SettingsRepository with two connections', () => {
  it('sees the other connection’s committed writes and loses none (WAL)', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const path = join(mkdtempSync(join(tmpdir(), 'alloclab-concurrent-')), 'lab.db')
    const first = openStore(path)
    const second = openStore(path)
    const a = new SettingsRepository(first.db)
    const b = new SettingsRepository(second.db)
    for (let i = 0; i < 50; i++) {
      a.set({ theme: i % 2 === 0 ? 'dark' : 'light' })
      b.set({ language: i % 2 === 0 ? 'zh-CN' : 'en' })
    }
    expect(a.get()).toEqual({ language: 'en', theme: 'light', presentation: false })
    expect(b.get()).toEqual({ language: 'en', theme: 'light', presentation: false })
    first.db.close()
    second.db.close()
  })
})
