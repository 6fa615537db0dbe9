import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startBrowserHost } from './browser-host'
import { guardPage } from './guard-page'
import { screenshot } from './shell-flow'

test('a damaged database is kept aside and the user is told where it went', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'alloclab-damaged-'))
  const databasePath = join(dir, 'alloclab.db')
  const damaged = 'these bytes are not a SQLite database '.repeat(100)
  writeFileSync(databasePath, damaged)
  const host = await startBrowserHost(databasePath)
  try {
    const { problems } = guardPage(page)
    await page.goto(host.url)
    const notice = page.getByTestId('database-notice')
    await expect(notice).toBeVisible()
    const kept = readdirSync(dir).find((name) => name.startsWith('alloclab.db.damaged-'))
    expect(kept).toBeDefined()
    expect(readFileSync(join(dir, kept!), 'utf8')).toBe(damaged)
    await expect(notice).toContainText(kept!)
    await screenshot(page, 'browser-database-notice')
    await page.getByTestId('database-notice-dismiss').click()
    await expect(notice).toBeHidden()
    expect(problems).toEqual([])
  } finally {
    await host.stop()
  }
})
