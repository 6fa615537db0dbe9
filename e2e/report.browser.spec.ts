import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test } from '@playwright/test'
import { ARTIFACTS } from './shell-flow'

/** Small blocks, every other one freed, then larger requests the holes cannot hold. */
function fragmentationScenario(): string {
  const lines = [
    'name Holes in the heap <script>alert(1)</script>',
    'description Every other block freed, then requests larger than any hole.',
    'arena 64KiB',
    'frames 64'
  ]
  for (let i = 0; i < 120; i++) lines.push(`alloc a${i} ${16 + ((i * 37) % 480)}`)
  for (let i = 0; i < 120; i += 2) lines.push(`free a${i}`)
  for (let i = 0; i < 24; i++) lines.push(`alloc b${i} ${600 + ((i * 91) % 2400)}`)
  lines.push('alloc 缓冲区 4KiB  # a handle named in Chinese')
  return `${lines.join('\n')}\n`
}

let folder = ''
let scenarioFile = ''
const ALLOCATORS = ['first-fit', 'best-fit', 'buddy:frames=64', 'slab:frames=64']

/** Make the report the way a user does: `alloclab run FILE -a SPEC... --report FILE`. */
function makeReport(lang: 'en' | 'zh-CN'): string {
  const out = join(folder, `report-${lang}.html`)
  const run = spawnSync(
    process.execPath,
    [
      join(__dirname, '..', 'bin', 'alloclab.cjs'),
      'run',
      scenarioFile,
      ...ALLOCATORS.flatMap((spec) => ['-a', spec]),
      '--report',
      out,
      '--lang',
      lang
    ],
    { encoding: 'utf8' }
  )
  expect(run.status, run.stderr).toBe(0)
  return out
}

test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'alloclab-e2e-report-'))
  scenarioFile = join(folder, 'holes.alloc')
  writeFileSync(scenarioFile, fragmentationScenario())
  mkdirSync(ARTIFACTS, { recursive: true })
})
test.afterAll(() => rmSync(folder, { recursive: true, force: true }))

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a ${lang} report opens with every network request blocked and shows everything it holds`, async ({
    page
  }) => {
    const file = makeReport(lang)
    const url = pathToFileURL(file).href
    const attempts: string[] = []
    const problems: string[] = []
    await page.route('**', (route) => {
      if (route.request().url() === url) return route.continue()
      attempts.push(route.request().url())
      return route.abort()
    })
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    await page.goto(url)
    await page.evaluate(() => document.fonts.ready)

    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expect(page.locator('h1')).toHaveText('Holes in the heap <script>alert(1)</script>')
    await expect(page.locator('figure.chart svg.plot')).toHaveCount(10)
    expect(await page.locator('svg.map').count()).toBeGreaterThanOrEqual(ALLOCATORS.length)
    await expect(page.locator('#final pre.proc').first()).toContainText('Node 0, zone   Normal')
    await expect(page.locator('#final pre.proc').last()).toContainText('slabinfo - version: 2.1')
    await expect(page.locator('#key-steps article.key-step').first()).toBeVisible()
    if (lang === 'zh-CN') {
      await expect(page.locator('#summary h2')).toHaveText('汇总')
      // Every Chinese glyph comes from the face the report carries: this machine has no CJK font.
      expect(
        await page.evaluate(() =>
          document.fonts.check('14px "AllocLab Noto Sans SC"', '运行状态汇总')
        )
      ).toBe(true)
    }

    await page.screenshot({ path: join(ARTIFACTS, `report-${lang}.png`), fullPage: true })
    expect(attempts).toEqual([])
    expect(problems).toEqual([])
    console.log(
      `[report] ${lang}: ${Math.round(statSync(file).size / 1024)} KiB, no request left the file`
    )
  })
}

test('a report that tries to reach out is stopped by the guard this test relies on', async ({
  page
}) => {
  // The blocking above must see what a report would fetch; a page that does fetch proves it.
  const leaky = join(folder, 'leaky.html')
  writeFileSync(
    leaky,
    '<img src="http://127.0.0.1:9/x.png"><link rel="stylesheet" href="https://example.com/a.css">'
  )
  const url = pathToFileURL(leaky).href
  const attempts: string[] = []
  await page.route('**', (route) => {
    if (route.request().url() === url) return route.continue()
    attempts.push(route.request().url())
    return route.abort()
  })
  await page.goto(url)
  await expect.poll(() => attempts.length).toBe(2)
})
