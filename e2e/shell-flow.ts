import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'

export const ARTIFACTS = join(__dirname, 'artifacts')

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/**
 * The shell's first user flow: open Settings, switch to Simplified Chinese,
 * come back (reload or restart via `reopen`) and find Chinese still chosen.
 * Screenshots of both languages go to e2e/artifacts/.
 */
export async function switchLanguageAndReload(
  page: Page,
  label: string,
  reopen: () => Promise<Page>
): Promise<Page> {
  await expect(page.getByTestId('view-library')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await screenshot(page, `${label}-library-en`)

  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('view-settings')).toBeVisible()
  await expect(page.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page')
  await screenshot(page, `${label}-settings-en`)

  await page.getByTestId('settings-language').selectOption('zh-CN')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByTestId('nav-settings')).toContainText('设置')

  const reopened = await reopen()
  await expect(reopened.getByTestId('view-settings')).toBeVisible()
  await expect(reopened.getByTestId('settings-language')).toHaveValue('zh-CN')
  await expect(reopened.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(reopened.getByTestId('nav-library')).toContainText('实验库')
  await screenshot(reopened, `${label}-settings-zh-CN`)

  await reopened.getByTestId('nav-library').click()
  await expect(reopened.getByTestId('view-library')).toBeVisible()
  await screenshot(reopened, `${label}-library-zh-CN`)
  return reopened
}
