import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { generate } from '../src/shared/scenario/generators/generate'
import { startBrowserHost, type RunningHost } from './browser-host'
import { guardPage } from './guard-page'

const ARTIFACTS = join(__dirname, 'artifacts')

let host: RunningHost
test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  host = await startBrowserHost()
})
test.afterAll(async () => {
  await host?.stop()
})

/** A LabApi call from the page itself, as the renderer's web bridge makes it. */
async function call<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = new URL(location.href).searchParams.get('token')
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, input })
      })
      const result = (await response.json()) as
        | { ok: true; value: unknown }
        | { ok: false; error: { message: string } }
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value
    },
    { channel, input }
  ) as Promise<T>
}

/** Start a run through LabApi (the Workbench will do this for users) and wait until it is done. */
async function runToEnd(page: Page, scenario: string, allocators: string[]): Promise<string> {
  const { runId } = await call<{ runId: string }>(page, 'run:start', { scenario, allocators })
  await expect
    .poll(async () => (await call<{ status: string }>(page, 'run:summary', { runId })).status, {
      timeout: 90_000,
      intervals: [100, 250, 500, 1000]
    })
    .toBe('done')
  return runId
}

async function openReplay(page: Page, runId: string, query = ''): Promise<void> {
  await page.goto(`${host.url}${query}#/replay/${runId}`)
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
}

const stepField = (page: Page) => page.getByRole('spinbutton', { name: 'Step' })

/** The article's example: 256 frames asked of an empty 1024-frame pool. */
const ARTICLE = ['name The article’s buddy example', 'frames 1024', 'pages a 8', 'free-pages a', ''].join(
  '\n'
)

/**
 * Worked by hand on a 100-byte arena at 1000 (first fit and best fit,
 * textbook metadata) and an 8-frame pool of 16-byte pages (buddy): the
 * heaps fail at 2 (too little memory) and 5 (fragmented), the buddy at 2
 * (fragmented); the buddy's first merge is freeing a at 3.
 */
const THREE = [
  'name First fit, best fit and the buddy',
  'arena 100',
  'alloc a 10',
  'alloc b 20',
  'alloc c 80',
  'free a',
  'alloc d 60',
  'alloc e 15',
  'free b',
  'alloc a 25',
  'free d',
  'free a',
  'alloc f 40',
  'free e',
  ''
].join('\n')
const THREE_ALLOCATORS = [
  'first-fit:arena=100,base=1000,header=0,align=1,meta=side',
  'best-fit:arena=100,base=1000,header=0,align=1,meta=side',
  'buddy:frames=8,page=16B,max-order=3'
]

test.describe.configure({ mode: 'serial' })

test('the article’s example leaves one free 512-frame block and one free 256-frame block', async ({
  page
}) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  const runId = await runToEnd(page, ARTICLE, ['buddy:frames=1024,page=4KiB,max-order=10'])
  await openReplay(page, runId)
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect(stepField(page)).toHaveValue('0')

  const areas = page.getByRole('table', { name: 'Free areas per order' })
  await expect(areas.getByRole('row', { name: /^8 / })).toContainText('256 · 1 MiB')
  const freeRows = await areas.locator('tbody tr').evaluateAll((rows) =>
    rows
      .map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? ''))
      .filter((cells) => cells[2] !== '0')
  )
  expect(freeRows).toEqual([
    ['9', '512 · 2 MiB', '1', '512'],
    ['8', '256 · 1 MiB', '1', '256']
  ])
  await expect(page.getByText(/a asked for an order-8 block of 256 frames/).first()).toBeVisible()
  expect(problems).toEqual([])
})

test('a first-fit, best-fit and buddy run: step, play, pause, next failure, breakpoint, scrub, compare', async ({
  page
}) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  const runId = await runToEnd(page, THREE, THREE_ALLOCATORS)
  await openReplay(page, runId)
  await expect(page.getByRole('img', { name: /^Memory map of / })).toHaveCount(3)

  // Step with the buttons and the keys.
  await page.getByRole('button', { name: 'Step forward' }).click()
  await expect(stepField(page)).toHaveValue('0')
  await page.locator('body').press('ArrowRight')
  await page.locator('body').press('ArrowRight')
  await expect(stepField(page)).toHaveValue('2')
  await page.locator('body').press('ArrowLeft')
  await expect(stepField(page)).toHaveValue('1')

  // Play, then pause.
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect.poll(async () => Number(await stepField(page).inputValue())).toBeGreaterThan(1)
  await page.getByRole('button', { name: 'Pause' }).click()
  const paused = Number(await stepField(page).inputValue())
  await page.waitForTimeout(400)
  expect(Number(await stepField(page).inputValue())).toBe(paused)

  // The next failure from the start is the heaps' refusal at step 2, then step 5.
  await page.getByRole('button', { name: 'To the start' }).click()
  await page.getByRole('button', { name: 'Next failure' }).click()
  await expect(stepField(page)).toHaveValue('2')
  await expect(page.getByRole('status').filter({ hasText: 'Step 2 in' })).toBeVisible()
  await page.locator('body').press(']')
  await expect(stepField(page)).toHaveValue('5')

  // A breakpoint on the first merge: the buddy's, when a is freed at step 3.
  await page.getByRole('button', { name: 'To the start' }).click()
  await page.getByLabel('Stop at').selectOption({ label: 'a buddy merge' })
  await page.getByRole('button', { name: 'Run to the next one' }).click()
  await expect(stepField(page)).toHaveValue('3')
  await expect(page.getByRole('status').filter({ hasText: 'Step 3 in buddy' })).toBeVisible()

  // Scrub: three quarters along the run.
  const scrubber = page.getByRole('slider', { name: 'Position in the run' })
  const box = (await scrubber.boundingBox())!
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2)
  await expect(stepField(page)).toHaveValue('9')
  await expect(scrubber).toHaveAttribute('aria-valuenow', '9')

  // Hover a block: its details, and the step that made it (a was placed again at 7).
  await stepField(page).fill('7')
  await stepField(page).press('Enter')
  const firstFit = page.getByRole('img', { name: 'Memory map of first-fit' })
  const mapBox = (await firstFit.boundingBox())!
  await page.mouse.move(mapBox.x + mapBox.width * 0.1, mapBox.y + 15)
  await expect(page.getByRole('tooltip')).toContainText('Handlea')
  await expect(page.getByRole('tooltip')).toContainText('step 7')

  // The event log explains the step and seeks on click.
  await page.getByRole('button', { name: /^Go to step 4:/ }).click()
  await expect(stepField(page)).toHaveValue('4')

  // Compare: three rows, sorted by a column.
  await page.getByRole('link', { name: 'Compare these configurations' }).click()
  const table = page.getByRole('table', { name: /Every configuration of the run/ })
  await expect(table.locator('tbody tr')).toHaveCount(3)
  const names = () => table.locator('tbody th').evaluateAll((cells) => cells.map((c) => c.querySelector('span')?.textContent?.trim()))
  expect(await names()).toEqual(['first-fit', 'best-fit', 'buddy'])
  await table.getByRole('button', { name: 'Time per request' }).click()
  await expect(table.getByRole('columnheader', { name: /Time per request/ })).toHaveAttribute('aria-sort', 'ascending')
  await table.getByRole('button', { name: 'Utilization' }).click()
  await expect(table.getByRole('columnheader', { name: /Utilization/ })).toHaveAttribute('aria-sort', 'descending')
  const byUtilization = await names()
  expect(byUtilization).toHaveLength(3)
  expect(byUtilization.at(-1)).toBe('buddy')
  await table.getByRole('button', { name: 'Utilization' }).click()
  expect((await names()).at(0)).toBe('buddy')
  expect(problems).toEqual([])
})
