import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import type { Locale } from '../src/shared/i18n/locales'
import { translate } from '../src/shared/i18n/translate'
import { startBrowserHost, type RunningHost } from './browser-host'
import { guardPage } from './guard-page'
import { ARTIFACTS } from './shell-flow'
import { HOLES_AND_BUDDIES_ALLOCATORS, holesAndBuddies } from './holes-and-buddies'
import { pageLabCall } from './page-lab-call'

const t = (key: string, params?: Record<string, string | number>): string =>
  translate('en', key, params)

/** Worked by hand in replay.browser.spec.ts: two heaps and a buddy that fail and merge. */
const SCENARIO = holesAndBuddies('Holes and buddies')
const CONFIGS = HOLES_AND_BUDDIES_ALLOCATORS
const SAVED_STEP = 5

let host: RunningHost
let folder = ''
test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  folder = mkdtempSync(join(tmpdir(), 'alloclab-e2e-library-'))
  host = await startBrowserHost()
})
test.afterAll(async () => {
  await host?.stop()
  rmSync(folder, { recursive: true, force: true })
})
test.describe.configure({ mode: 'serial' })

const call = pageLabCall

const stepField = (page: Page) => page.getByRole('spinbutton', { name: /^(Step|步)$/ })

test('a run saved from the Workbench and Replay comes back after a reload at the step it was saved at, and its report opens offline', async ({
  page
}) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  await call(page, 'draft:save', {
    scenario: { encoding: 'text', text: SCENARIO },
    configs: CONFIGS,
    fileName: null
  })
  await page.reload()
  await expect(page.getByRole('heading', { name: t('library.empty.title') })).toBeVisible()
  await page.screenshot({ path: join(ARTIFACTS, 'library-empty-en-light-1280.png') })

  // Run it in the Workbench and save it there: the scenario's name names the experiment.
  await page.getByTestId('nav-workbench').click()
  await page.getByTestId('workbench-run').click()
  await page.getByRole('button', { name: t('library.save.button') }).click({ timeout: 30_000 })
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: t('library.save.saved', { name: 'Holes and buddies' }) })
  ).toBeVisible()
  await page.getByRole('button', { name: t('workbench.run.openReplay') }).click()

  // In Replay, move to a step and save again (Ctrl+S): the same experiment is updated.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  await stepField(page).fill(String(SAVED_STEP))
  await stepField(page).press('Enter')
  await expect(stepField(page)).toHaveValue(String(SAVED_STEP))
  await page.getByRole('heading', { name: t('app.replay.title'), level: 1 }).click()
  await page.keyboard.press('Control+s')
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: t('library.save.updated', { name: 'Holes and buddies' }) })
  ).toBeVisible()

  // A reload forgets everything the window held; the library does not.
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: t('app.library.title'), level: 1 })).toBeVisible()
  const item = page.getByRole('article', { name: 'Holes and buddies' })
  await expect(item).toBeVisible()
  await expect(page.getByText(t('library.list.countOne'))).toBeVisible()
  await expect(item.getByRole('row')).toHaveCount(1 + CONFIGS.length)

  await item
    .getByRole('button', { name: t('library.item.openLabel', { name: 'Holes and buddies' }) })
    .click()
  await expect(page).toHaveURL(/#\/replay\/run-/)
  await expect(stepField(page)).toHaveValue(String(SAVED_STEP))
  await expect(page.getByTestId('engine-notice')).toHaveCount(0)

  // The HTML report, downloaded from the library and opened with every request blocked.
  await page.getByTestId('nav-library').click()
  const download = page.waitForEvent('download')
  await item.getByRole('button', { name: t('library.item.exportReport') }).click()
  const file = join(folder, (await download).suggestedFilename())
  await (await download).saveAs(file)
  expect(file.endsWith('Holes and buddies.html')).toBe(true)
  const report = await page.context().newPage()
  const url = pathToFileURL(file).href
  const attempts: string[] = []
  await report.route('**', (route) => {
    if (route.request().url() === url) return route.continue()
    attempts.push(route.request().url())
    return route.abort()
  })
  await report.goto(url)
  await expect(report.locator('h1')).toHaveText('Holes and buddies')
  expect(await report.locator('svg.map').count()).toBeGreaterThanOrEqual(CONFIGS.length)
  await expect(report.locator('#final pre.proc').first()).toContainText('Node 0, zone')
  await report.screenshot({ path: join(ARTIFACTS, 'library-report-en.png'), fullPage: true })
  await report.screenshot({ path: join(ARTIFACTS, 'library-report-en-top.png') })
  expect(attempts).toEqual([])
  console.log(`[library] report: ${Math.round(statSync(file).size / 1024)} KiB, no request left it`)
  await report.close()

  // Print lays the report out inside the window, under the window's own strict policy.
  await page.evaluate(() => {
    ;(window as unknown as { printedFrames: string[] }).printedFrames = []
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLIFrameElement) {
            const frame = node
            const print = (): void => {
              const document = frame.contentDocument!
              const heading = document.querySelector('h1')
              ;(window as unknown as { printedFrames: string[] }).printedFrames.push(
                `${heading?.textContent} ${document.adoptedStyleSheets.length} ${getComputedStyle(heading!).fontWeight}`
              )
            }
            frame.contentWindow!.print = print
          }
    }).observe(document.body, { childList: true })
  })
  await item.getByRole('button', { name: t('library.item.printReport') }).click()
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { printedFrames: string[] }).printedFrames)
    )
    .toEqual([expect.stringMatching(/^Holes and buddies 1 [6-9]00$/)])
  expect(problems).toEqual([])
})

test('deleting an experiment can be undone, and a search narrows the list', async ({ page }) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  const item = page.getByRole('article', { name: 'Holes and buddies' })
  await item.getByRole('button', { name: t('library.item.duplicate') }).click()
  const copy = page.getByRole('article', { name: 'Holes and buddies (copy)' })
  await expect(copy).toBeVisible()
  await copy.getByRole('button', { name: t('library.item.delete') }).click()
  await expect(copy).toHaveCount(0)
  await page.getByRole('button', { name: t('library.notice.undo') }).click()
  await expect(copy).toBeVisible()
  await page.getByRole('searchbox', { name: t('library.toolbar.search') }).fill('copy')
  await expect(page.getByRole('article')).toHaveCount(1)
  await page.getByRole('searchbox', { name: t('library.toolbar.search') }).fill('')
  await expect(page.getByRole('article')).toHaveCount(2)
  expect(problems).toEqual([])
})

test('screenshots of the Library in both languages, both themes and two window sizes', async ({
  page
}) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  const { items } = await call<{ items: { id: number; name: string }[] }>(
    page,
    'experiment:list',
    {}
  )
  const copy = items.find((entry) => entry.name.endsWith('(copy)'))!
  await call(page, 'experiment:rename', { id: copy.id, name: '伙伴系统与首次适配：碎片对比' })
  await call(page, 'experiment:annotate', {
    id: copy.id,
    tags: ['buddy', '作业 3'],
    notes: 'The buddy fails at step 2 while the heaps still have room.'
  })
  try {
    for (const language of ['en', 'zh-CN'] as Locale[]) {
      for (const theme of ['light', 'dark'] as const) {
        await call(page, 'settings:set', { language, theme })
        for (const size of [
          { width: 1280, height: 800 },
          { width: 1920, height: 1080 }
        ]) {
          await page.setViewportSize(size)
          // A fresh page, as the user would see the library on opening the app.
          await page.goto(`${host.url}#/library`)
          await page.reload()
          await expect(page.getByRole('article')).toHaveCount(2)
          await expect(page.getByRole('article').first()).toContainText('作业 3')
          await page.screenshot({
            path: join(ARTIFACTS, `library-${language}-${theme}-${size.width}.png`)
          })
        }
      }
    }
  } finally {
    await call(page, 'settings:set', { language: 'en', theme: 'light' })
  }
  expect(problems).toEqual([])
})

test('a run saved from Replay without its timelines is listed as summaries only, says so when opened, and its report downloads from Replay', async ({
  page
}) => {
  const { problems } = guardPage(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(host.url)
  await call(page, 'draft:save', {
    scenario: { encoding: 'text', text: holesAndBuddies('Summaries only') },
    configs: CONFIGS,
    fileName: null
  })
  await page.reload()
  await page.getByTestId('nav-workbench').click()
  await page.getByTestId('workbench-run').click()
  const openReplay = page.getByRole('button', { name: t('workbench.run.openReplay') })
  await expect(openReplay).toBeVisible({ timeout: 30_000 })
  await page.screenshot({ path: join(ARTIFACTS, 'workbench-save-choice-en-light-1280.png') })
  await openReplay.click()
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()

  // The choice sits beside Save, on by default, with its cost in one line.
  const keep = page.getByRole('checkbox', { name: t('library.save.keepTimelines') })
  await expect(keep).toBeChecked()
  await expect(page.getByText(t('library.save.keepTimelinesHint'))).toBeVisible()
  await keep.uncheck()
  await page.screenshot({ path: join(ARTIFACTS, 'replay-save-choice-en-light-1280.png') })
  await page.getByRole('button', { name: t('library.save.button') }).click()
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: t('library.save.savedWithoutTimelines', { name: 'Summaries only' }) })
  ).toBeVisible()

  // The report of the run on screen, from Replay's own button (keyboard: focus and Enter).
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: t('library.report.export') }).focus()
  await page.keyboard.press('Enter')
  const file = join(folder, (await download).suggestedFilename())
  await (await download).saveAs(file)
  expect(file.endsWith('Summaries only.html')).toBe(true)
  await expect(
    page.getByRole('status').filter({
      hasText: t('library.notice.exported', { file: 'Summaries only.html' })
    })
  ).toBeVisible()
  const report = await page.context().newPage()
  await report.goto(pathToFileURL(file).href)
  await expect(report.locator('h1')).toHaveText('Summaries only')
  await report.close()

  // The Library lists it as summaries only; opened, Replay says why there is nothing to step through.
  await page.getByTestId('nav-library').click()
  const item = page.getByRole('article', { name: 'Summaries only' })
  await expect(item).toContainText(t('library.item.noTimelines'))
  await item
    .getByRole('button', { name: t('library.item.openLabel', { name: 'Summaries only' }) })
    .click()
  const notice = page.getByTestId('timelines-notice')
  await expect(notice).toContainText(t('library.timelines.title'))
  await expect(page.getByText(t('replay.state.savedWithoutTimelines'))).toBeVisible()
  await expect(notice.getByRole('button', { name: t('library.timelines.rerun') })).toBeVisible()
  await page.screenshot({ path: join(ARTIFACTS, 'replay-no-timelines-en-light-1280.png') })
  try {
    for (const [language, theme] of [
      ['zh-CN', 'dark'],
      ['en', 'dark']
    ] as const) {
      await call(page, 'settings:set', { language, theme })
      await expect(notice).toContainText(translate(language, 'library.timelines.title'))
      await page.screenshot({
        path: join(ARTIFACTS, `replay-no-timelines-${language}-${theme}-1280.png`)
      })
    }
  } finally {
    await call(page, 'settings:set', { language: 'en', theme: 'light' })
  }
  expect(problems).toEqual([])
})
