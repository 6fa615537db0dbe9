import { expect, test } from '@playwright/test'
import { startBrowserHost, type RunningHost } from './browser-host'
import { guardPage } from './guard-page'
import { screenshot, switchLanguageAndReload } from './shell-flow'

let host: RunningHost
test.beforeAll(async () => {
  host = await startBrowserHost()
})
test.afterAll(async () => {
  await host?.stop()
})

test('the page is cross-origin isolated and can make a SharedArrayBuffer', async ({ page }) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  await expect(page.getByTestId('view-library')).toBeVisible()
  expect(await page.evaluate('crossOriginIsolated')).toBe(true)
  expect(await page.evaluate('new SharedArrayBuffer(16).byteLength')).toBe(16)
  expect(problems).toEqual([])
})

test('switching to Chinese survives a reload', async ({ page }) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  await switchLanguageAndReload(page, 'browser', async () => {
    await page.reload()
    await page.getByTestId('nav-settings').click()
    return page
  })
  expect(problems).toEqual([])
})

test('the navigation works with the keyboard alone', async ({ page }) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  await expect(page.getByTestId('view-library')).toBeVisible()
  await page.getByTestId('nav-workbench').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('view-workbench')).toBeVisible()
  expect(problems).toEqual([])
})

test('an API call without the token is refused', async ({ page, request }) => {
  await page.goto(host.url)
  const origin = new URL(host.url).origin
  const refused = await request.post(`${origin}/api/invoke`, {
    data: { channel: 'settings:get', input: {} }
  })
  expect(refused.status()).toBe(401)
  const foreign = await request.post(`${origin}/api/invoke`, {
    data: { channel: 'settings:get', input: {} },
    headers: {
      origin: 'http://evil.example',
      authorization: `Bearer ${new URL(host.url).searchParams.get('token')}`
    }
  })
  expect(foreign.status()).toBe(403)
})

test('the dark theme applies at once and survives a reload', async ({ page }) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  await page.getByTestId('nav-settings').click()
  const background = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
  const light = await background()
  await page.getByTestId('settings-theme').selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(background).not.toBe(light)
  await page.reload()
  await expect(page.getByTestId('settings-theme')).toHaveValue('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await screenshot(page, 'browser-settings-dark')
  await page.getByTestId('settings-theme').selectOption('system')
  expect(problems).toEqual([])
})
