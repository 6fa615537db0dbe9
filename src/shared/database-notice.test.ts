import { describe, expect, it } from 'vitest'
import {
  DATABASE_FALLBACKS,
  DATABASE_PROBLEMS,
  DatabaseNoticeSchema,
  FILE_FAILURES,
  databaseNoticeText,
  describeDatabaseNotice,
  type DatabaseNotice
} from './database-notice'
import { catalog } from './i18n/catalog'
import { LOCALES } from './i18n/locales'
import { translate } from './i18n/translate'

const base: DatabaseNotice = {
  kind: 'damaged',
  fallback: 'fresh',
  path: '/home/ada/.alloclab/alloclab.db',
  folder: '/home/ada/.alloclab',
  movedTo: '/home/ada/.alloclab/alloclab.db.damaged-1',
  failure: null,
  detail: 'file is not a database'
}

/** Every notice the store can produce, and a few it never does, to be safe. */
const everyNotice: DatabaseNotice[] = DATABASE_PROBLEMS.flatMap((kind) =>
  DATABASE_FALLBACKS.flatMap((fallback) =>
    [null, ...FILE_FAILURES].map((failure) => ({
      ...base,
      kind,
      fallback,
      failure,
      movedTo: fallback === 'fresh' ? base.movedTo : null
    }))
  )
)

function lookup(locale: (typeof LOCALES)[number], key: string): unknown {
  let node: unknown = catalog[locale]
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return node
}

describe('describeDatabaseNotice', () => {
  it.each(LOCALES)('has a sentence in %s for every key any notice can use', (locale) => {
    const missing = everyNotice.flatMap((notice) => {
      const { title, lines } = describeDatabaseNotice(notice)
      return [title, ...lines].filter((message) => typeof lookup(locale, message.key) !== 'string')
    })
    expect(missing.map((message) => message.key)).toEqual([])
  })

  it.each(LOCALES)('leaves no placeholder unfilled in %s', (locale) => {
    const unfilled = everyNotice.flatMap((notice) => {
      const { title, lines } = databaseNoticeText(notice, (key, params) =>
        translate(locale, key, params)
      )
      return [title, ...lines].filter((text) => /\{\w+\}/.test(text))
    })
    expect(unfilled).toEqual([])
  })

  it('tells a moved-aside damaged database in order: what, where it went, what works', () => {
    const { title, lines } = databaseNoticeText(base, (key, params) => translate('en', key, params))
    expect(title).toBe('Your database was damaged')
    expect(lines).toEqual([
      'The file /home/ada/.alloclab/alloclab.db is not a database AllocLab can read.',
      'The old file was not deleted: it was moved to /home/ada/.alloclab/alloclab.db.damaged-1, where you can inspect it or try to recover it.',
      'AllocLab started a new, empty database at /home/ada/.alloclab/alloclab.db; everything works and is saved as usual.'
    ])
  })

  it('explains a failed move with its reason, the temporary database and the fix', () => {
    const notice: DatabaseNotice = {
      ...base,
      fallback: 'in-memory',
      movedTo: null,
      failure: 'read-only-filesystem'
    }
    const keys = describeDatabaseNotice(notice).lines.map((line) => line.key)
    expect(keys).toEqual([
      'app.databaseNotice.problems.damaged',
      'app.databaseNotice.moveFailed',
      'app.databaseNotice.failures.readOnlyFilesystem',
      'app.databaseNotice.untouched',
      'app.databaseNotice.fallbacks.inMemory',
      'app.databaseNotice.fixes.damaged'
    ])
  })

  it('says for a read-only database what still works and how to save again', () => {
    const notice: DatabaseNotice = {
      ...base,
      kind: 'read-only-folder',
      fallback: 'read-only',
      movedTo: null
    }
    const { lines } = databaseNoticeText(notice, (key, params) => translate('zh-CN', key, params))
    expect(lines).toContain(
      '你仍然可以运行和回放实验，已保存的设置也在生效，但本次使用期间对设置和实验的更改都无法保存。'
    )
    expect(lines.at(-1)).toContain('文件夹 /home/ada/.alloclab 变为可写')
  })

  it('is plain data the host boundary accepts', () => {
    for (const notice of everyNotice) expect(DatabaseNoticeSchema.parse(notice)).toEqual(notice)
  })
})
