import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startBrowserHost } from './browser-host'
import { guardPage } from './guard-page'
import { screenshot } from './shell-flow'

/**
 * Root (which runs these tests in CI) ignores permission bits, so the file is
 * made immutable, which binds root too; where chattr cannot do that, an
 * ordinary user's cleared write bits do.
 */
function writeProtect(path: string): { release: () => void } | string {
  if (process.getuid?.() !== 0) {
    execFileSync('chmod', ['a-w', path])
    return { release: () => execFileSync('chmod', ['u+w', path]) }
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'ignore' })
    return { release: () => execFileSync('chattr', ['-i', path], { stdio: 'ignore' }) }
  } catch {
    return 'running as root, which ignores permission bits, and "chattr +i" is not available here'
  }
}

test('a read-only database still opens, says nothing can be saved, and refuses a save plainly', async ({
  page
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'alloclab-read-only-'))
  const databasePath = join(dir, 'alloclab.db')
  // Let the host create a real database first, then take away the right to write it.
  const first = await startBrowserHost(databasePath)
  await first.stop()
  const protection = writeProtect(databasePath)
  test.skip(typeof protection === 'string', String(protection))
  if (typeof protection === 'string') return
  const before = readdirSync(dir)
  try {
    const host = await startBrowserHost(databasePath)
    try {
      expect(host.output()).toContain('Your database file cannot be written')
      const { problems } = guardPage(page)
      await page.goto(host.url)
      const notice = page.getByTestId('database-notice')
      await expect(notice).toHaveAttribute('data-kind', 'read-only-file')
      await expect(notice).toContainText('You can still run and replay experiments')
      await expect(notice).toContainText('cannot be saved this session')

      await page.getByTestId('nav-settings').click()
      await page.getByTestId('settings-theme').selectOption('dark')
      const notices = page.getByTestId('app-notices')
      await expect(notices).toContainText('Could not save your settings')
      await expect(notices).toContainText('the database is open read-only')
      await expect(page.getByTestId('settings-theme')).toHaveValue('system')
      await screenshot(page, 'browser-database-notice-read-only')
      expect(readdirSync(dir)).toEqual(before)
      expect(problems).toEqual([])
    } finally {
      await host.stop()
    }
  } finally {
    protection.release()
  }
})
