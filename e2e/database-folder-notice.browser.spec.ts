import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startBrowserHost } from './browser-host'
import { guardPage } from './guard-page'
import { screenshot } from './shell-flow'

test('a folder at the database path is named as such, left alone, and the session runs in memory', async ({
  page
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'alloclab-folder-'))
  const databasePath = join(dir, 'alloclab.db')
  mkdirSync(databasePath)
  writeFileSync(join(databasePath, 'notes.txt'), 'the user’s own notes')
  const host = await startBrowserHost(databasePath, ['--lang', 'zh-CN'])
  try {
    // The command line says it first, in the language it was asked for.
    expect(host.output()).toContain('数据库的位置上是一个文件夹')
    expect(host.output()).toContain('临时数据库')

    const { problems } = guardPage(page)
    await page.goto(host.url)
    const notice = page.getByTestId('database-notice')
    await expect(notice).toBeVisible()
    await expect(notice).toHaveAttribute('data-kind', 'path-is-folder')
    await expect(notice).toContainText('There is a folder where your database should be')
    await expect(notice).toContainText(`${databasePath} is a folder, not a file`)
    await expect(notice).toContainText('temporary database')
    await screenshot(page, 'browser-database-notice-folder-en')

    // In memory, settings still change for this session, and the notice follows the language.
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-language').selectOption('zh-CN')
    await expect(notice).toContainText('数据库的位置上是一个文件夹')
    await screenshot(page, 'browser-database-notice-folder-zh-CN')

    expect(readdirSync(dir)).toEqual(['alloclab.db'])
    expect(readdirSync(databasePath)).toEqual(['notes.txt'])
    expect(problems).toEqual([])
  } finally {
    await host.stop()
  }
})
