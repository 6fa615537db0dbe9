import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startBrowserHost, type RunningHost } from './browser-host'
import { guardPage } from './guard-page'
import { pageLabCall } from './page-lab-call'

const ARTIFACTS = join(__dirname, 'artifacts')

let host: RunningHost
test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  host = await startBrowserHost()
})
test.afterAll(async () => {
  await host?.stop()
})

/** Requests the page tried to send off this machine: each one was refused, and each fails the test. */
let escaped: string[] = []
let problems: string[] = []
test.beforeEach(async ({ page }) => {
  escaped = []
  problems = guardPage(page).problems
  // Offline, proven: anything but the loopback host is refused before it leaves the browser.
  await page.context().route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:')
      return route.continue()
    escaped.push(route.request().url())
    return route.abort('blockedbyclient')
  })
})
test.afterEach(() => {
  expect(escaped, 'requests that tried to leave the machine').toEqual([])
  expect(problems).toEqual([])
})

const call = pageLabCall

/** A screenshot from the top of the view, after checking nothing spills out sideways. */
async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  if (focus) await expect(focus).toBeVisible()
  const spill = () =>
    page.evaluate(() => {
      const root = document.documentElement
      const wide = [...document.querySelectorAll('main *')]
        .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
        .filter(
          (element) =>
            ![...element.children].some(
              (child) => child.getBoundingClientRect().right > root.clientWidth + 1
            )
        )
        .slice(0, 3)
        .map(
          (element) =>
            `${element.tagName}.${element.className} ${element.textContent?.slice(0, 40)}`
        )
      return root.scrollWidth > root.clientWidth ? wide : []
    })
  // Canvases follow a new window size a frame or two later (ResizeObserver): let them settle.
  await expect.poll(spill, { message: `${name}: wider than the window` }).toEqual([])
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.move(0, 0)
  // A panel low in the view is shown with the whole page (the sticky transport would cover it).
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: focus !== undefined })
}

/**
 * How an exported sheet prints in Chromium: the page background and each
 * question's break rule under print media, and the paper size (in points)
 * of its PDF when the printer has Letter or A4 paper, to the nearest point.
 */
async function onPaper(page: Page, html: string) {
  const paper = await page.context().newPage()
  try {
    await paper.setContent(html)
    await paper.emulateMedia({ media: 'print' })
    const layout = await paper.evaluate(() => ({
      background: getComputedStyle(document.documentElement).backgroundColor,
      questionBreaks: [...document.querySelectorAll('section.question')].map(
        (question) => getComputedStyle(question).breakInside
      )
    }))
    const mediaBox = async (format: 'Letter' | 'A4') => {
      const pdf = (await paper.pdf({ format, preferCSSPageSize: true })).toString('latin1')
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)
      return box ? [Math.round(Number(box[1])), Math.round(Number(box[2]))] : null
    }
    return { ...layout, letter: await mediaBox('Letter'), a4: await mediaBox('A4') }
  } finally {
    await paper.close()
  }
}

const stepField = (page: Page) => page.getByRole('spinbutton', { name: /^(Step|步)$/ })

async function setLook(page: Page, language: 'en' | 'zh-CN', theme: 'light' | 'dark') {
  await page.goto(host.url)
  // Presentation mode is a setting the service keeps: every test starts without it.
  await call(page, 'settings:set', { language, theme, presentation: false })
  await page.reload()
}

test('a student walks the buddy lesson in Chinese and predicts five steps', async ({ page }) => {
  await setLook(page, 'zh-CN', 'light')
  await page.getByRole('link', { name: '课程' }).click()
  await expect(page.getByRole('heading', { name: '伙伴系统：分割、合并与向上取整' })).toBeVisible()
  await shot(page, 'classroom-lessons-zh-CN-light-1280.png')

  await page.getByRole('button', { name: '打开课程: 伙伴系统：分割、合并与向上取整' }).click()
  await expect(page).toHaveURL(/#\/replay\/[\w-]+\?lesson=buddy-allocator$/)
  const note = page.getByRole('complementary', { name: '伙伴系统：分割、合并与向上取整' })
  await expect(note).toContainText('内存池有 1024 个 4 KiB 的页框', { timeout: 30_000 })
  await expect(note).toContainText('第一个请求之前')

  // The first request splits 1024 → 512 → 256: both of its explanations come together.
  await page.getByRole('button', { name: '前进一步' }).click()
  await expect(stepField(page)).toHaveValue('0')
  await expect(note).toContainText('1024 页框的块先分成两个 512')
  await expect(note).toContainText('每次分割得到的两半，互为伙伴')
  await note.getByRole('button', { name: '下一条讲解' }).click()
  await expect(stepField(page)).toHaveValue('1')
  await expect(note).toContainText('b 也申请 256 个页框')
  await shot(page, 'classroom-buddy-lesson-zh-CN-light-1280.png')
  await page.setViewportSize({ width: 1920, height: 1080 })
  await shot(page, 'classroom-buddy-lesson-zh-CN-light-1920.png')
  await page.setViewportSize({ width: 1280, height: 800 })

  await page.getByRole('button', { name: '预测下一步' }).click()
  const exercise = page.getByRole('region', { name: '预测下一步' })
  const score = exercise.getByRole('status')
  await expect(score).toHaveText('还没有作答')

  // Step 2, alloc c 9 KiB: four frames cut from the upper half, at frame 512 (right).
  await expect(exercise).toContainText('第 2 步：alloc c 9 KiB')
  await exercise.getByRole('radio', { name: '成功' }).check()
  await exercise.getByRole('textbox', { name: '起始页框' }).fill('512')
  await exercise.getByRole('button', { name: '检查并揭晓' }).click()
  await expect(exercise).toContainText('答对了。')
  await expect(score).toHaveText('得分：1 题答对 1 题')
  await expect(stepField(page)).toHaveValue('2')
  await expect(note).toContainText('c 申请 9 KiB')
  await shot(page, 'classroom-exercise-right-zh-CN-light-1280.png', exercise)

  // Step 3, free a: its buddy b is busy, so a waits on the order-8 list beside 768 (right).
  await exercise.getByRole('button', { name: '下一题' }).click()
  await expect(exercise).toContainText('第 3 步：free-pages a')
  await exercise.getByRole('radio', { name: '之后每一阶各有多少个空闲块？' }).check()
  await exercise
    .getByRole('textbox', { name: '每一阶的空闲块数，从 0 阶开始' })
    .fill('0 0 1 1 1 1 1 1 2 0 0')
  await exercise.getByRole('button', { name: '检查并揭晓' }).click()
  await expect(exercise).toContainText('答对了。')
  await expect(score).toHaveText('得分：2 题答对 2 题')

  // Step 4, pages d 9: 764 frames are free but no block of 512 is left: it fails (a wrong guess).
  await exercise.getByRole('button', { name: '下一题' }).click()
  await expect(exercise).toContainText('第 4 步：pages d 9')
  // The question chosen last stays chosen; this one asks for the result again.
  await exercise.getByRole('radio', { name: '分配器返回什么？' }).check()
  await exercise.getByRole('radio', { name: '成功' }).check()
  await exercise.getByRole('textbox', { name: '起始页框' }).fill('0')
  await exercise.getByRole('button', { name: '检查并揭晓' }).click()
  await expect(exercise).toContainText('不太对。')
  await expect(exercise).toContainText('正确答案：请求失败')
  await expect(score).toHaveText('得分：3 题答对 2 题')
  await shot(page, 'classroom-exercise-wrong-zh-CN-light-1280.png', exercise)

  // Step 5, free b: it merges with a and succeeds (right).
  await exercise.getByRole('button', { name: '下一题' }).click()
  await expect(exercise).toContainText('第 5 步：free-pages b')
  await exercise.getByRole('radio', { name: '成功' }).check()
  await exercise.getByRole('button', { name: '检查并揭晓' }).click()
  await expect(exercise).toContainText('答对了。')
  await expect(score).toHaveText('得分：4 题答对 3 题')

  // Step 6, pages e 9: the order-9 list has a block now, one list looked at; 3 is wrong.
  await exercise.getByRole('button', { name: '下一题' }).click()
  await expect(exercise).toContainText('第 6 步：pages e 9')
  await exercise.getByRole('radio', { name: '它要查看多少个表项？' }).check()
  await exercise.getByRole('textbox', { name: '查看的表项数' }).fill('3')
  await exercise.getByRole('button', { name: '检查并揭晓' }).click()
  await expect(exercise).toContainText('不太对。')
  await expect(exercise).toContainText('正确答案：1。')
  await expect(score).toHaveText('得分：5 题答对 3 题')
  await expect(note).toContainText('现在申请 512 个页框立刻就成功了')
  await shot(page, 'classroom-exercise-score-zh-CN-light-1280.png', exercise)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await shot(page, 'classroom-exercise-score-zh-CN-light-1920.png')

  // Every glyph came from the bundle: the Chinese font is loaded, not borrowed from the network.
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '伙伴'))).toBe(true)
})

test('a teacher presents a lesson: large type, high contrast, one key per step', async ({
  page
}) => {
  await setLook(page, 'en', 'dark')
  const rootSize = () =>
    page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize))
  const before = await rootSize()
  await page.getByRole('link', { name: 'Lessons' }).click()
  await page.keyboard.press('F9')
  const toggle = page.getByRole('button', { name: /Presentation mode/ })
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  expect(await rootSize()).toBeGreaterThan(before * 1.3)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await shot(page, 'classroom-presentation-lessons-en-dark-1920.png')

  await page
    .getByRole('button', { name: 'Open the lesson: First fit, best fit and the holes they leave' })
    .click()
  const note = page.getByRole('complementary', {
    name: 'First fit, best fit and the holes they leave'
  })
  await expect(note).toBeVisible({ timeout: 30_000 })
  await page.getByRole('heading', { name: 'Replay' }).click()
  await page.keyboard.press('PageDown')
  await expect(stepField(page)).toHaveValue('0')
  await page.keyboard.press('PageDown')
  await page.keyboard.press('PageDown')
  await expect(stepField(page)).toHaveValue('2')
  await page.keyboard.press('PageUp')
  await expect(stepField(page)).toHaveValue('1')
  await shot(page, 'classroom-presentation-replay-en-dark-1920.png')
  await call(page, 'settings:set', { theme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await shot(page, 'classroom-presentation-replay-en-light-1920.png')
  await page.setViewportSize({ width: 1280, height: 800 })
  await shot(page, 'classroom-presentation-replay-en-light-1280.png')

  // Off again with the same key: Page Down is the page's own key once more.
  await page.keyboard.press('F9')
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  expect(await rootSize()).toBe(before)
  await call(page, 'settings:set', { language: 'en', theme: 'light' })
})

test('copying a lesson to the Workbench makes it an editable scenario', async ({ page }) => {
  await setLook(page, 'en', 'light')
  await page.getByRole('link', { name: 'Lessons' }).click()
  await page
    .getByRole('button', {
      name: 'Copy to the Workbench: The slab cache: objects that stay constructed'
    })
    .click()
  await expect(page).toHaveURL(/#\/workbench$/)
  await expect(page.getByRole('textbox', { name: /scenario/i }).first()).toContainText(
    'cache inode 600 ctor 40'
  )
  await shot(page, 'classroom-copied-workbench-en-light-1280.png')
})

test('a teacher exports exercise sheets and a lesson pack, and a class imports the pack', async ({
  page
}) => {
  await setLook(page, 'en', 'light')
  const downloads: { name: string; text: string }[] = []
  page.on('download', (download) => {
    void download.path().then(async (path) => {
      const { readFileSync } = await import('node:fs')
      downloads.push({ name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') })
    })
  })

  // Two questions of the buddy lesson on a sheet, and its answer key.
  await page.getByRole('link', { name: 'Lessons' }).click()
  await page
    .getByRole('button', {
      name: 'Open the lesson: The buddy allocator: splitting, merging and rounding up'
    })
    .click()
  await page.getByRole('button', { name: 'Predict the next step' }).click()
  const exercise = page.getByRole('region', { name: 'Predict the next step' })
  await expect(exercise).toContainText('Step 0: pages a 8')
  await exercise.getByText('For the teacher').click()
  await exercise.getByRole('button', { name: 'Add this question to a sheet' }).click()
  await exercise.getByRole('radio', { name: 'How many entries does it examine?' }).check()
  await exercise.getByRole('textbox', { name: 'Entries examined' }).fill('3')
  await exercise.getByRole('button', { name: 'Check and reveal' }).click()
  await expect(exercise.getByRole('status').first()).toHaveText('Score: 1 of 1')
  await exercise.getByRole('button', { name: 'Next question' }).click()
  await exercise.getByRole('button', { name: 'Add this question to a sheet' }).click()
  await expect(exercise).toContainText('Questions on the sheet: 2')
  await exercise.getByRole('button', { name: 'Export the sheet and its answer key' }).click()
  await expect.poll(() => downloads.length).toBe(2)
  const sheet = downloads.find((file) => file.name.endsWith('-exercises.html'))!
  const key = downloads.find((file) => file.name.endsWith('-answers.html'))!
  expect(sheet.text).toContain('Question 2 · step 1: pages b 8')
  // Question 1 asked for the result, question 2 (the question chosen last) for the entries examined.
  expect(sheet.text).toContain('What does the allocator return?')
  expect(sheet.text).not.toContain('it succeeds at frame 0')
  expect(key.text).toContain('it succeeds at frame 0')
  expect(key.text).toContain('How many entries does it examine?')
  for (const html of [sheet.text, key.text]) expect(html).not.toMatch(/<script|<link|https?:/)
  // On paper: a white page, no question split across pages, and the printer's own paper size.
  for (const html of [sheet.text, key.text]) {
    expect(await onPaper(page, html)).toEqual({
      background: 'rgb(255, 255, 255)',
      questionBreaks: ['avoid', 'avoid'],
      letter: [612, 792],
      a4: [596, 843]
    })
  }
  await shot(page, 'classroom-exercise-sheet-en-light-1280.png', exercise)

  // The pack: the buddy lesson, ticked on its card.
  await page.getByRole('link', { name: 'Lessons' }).click()
  const buddyCard = page.getByRole('article', {
    name: 'The buddy allocator: splitting, merging and rounding up'
  })
  await buddyCard.getByRole('checkbox', { name: 'Put in the pack' }).check()
  await page.getByRole('textbox', { name: 'Pack title' }).fill('Week 3')
  downloads.length = 0
  await page.getByRole('button', { name: 'Export the lesson pack' }).click()
  await expect.poll(() => downloads.length).toBe(1)
  expect(downloads[0]!.name).toBe('week-3.alloclab-pack.json')
  const pack = JSON.parse(downloads[0]!.text) as {
    format: string
    lessons: { id: string; title: Record<string, string> }[]
  }
  expect(pack.format).toBe('alloclab-lesson-pack')
  expect(pack.lessons.map((lesson) => lesson.id)).toEqual(['buddy-allocator'])

  // A teacher's own variant of it, as another window would import it.
  pack.lessons[0]!.id = 'buddy-week-3'
  pack.lessons[0]!.title = { en: 'Buddy, week 3', 'zh-CN': '伙伴系统（第三周）' }
  const fileInput = page
    .getByLabel('Import a lesson pack', { exact: true })
    .and(page.locator('input'))
  const cards = page.getByRole('article')
  const before = await cards.count()

  // A damaged pack is refused with a reason, and nothing changes.
  await fileInput.setInputFiles({
    name: 'week-3.alloclab-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(pack).slice(0, 500))
  })
  await expect(page.getByRole('alert')).toContainText(
    'This lesson pack was refused, and nothing was changed. The file is not JSON.'
  )
  await expect(cards).toHaveCount(before)
  await shot(page, 'classroom-pack-refused-en-light-1280.png', page.getByRole('alert'))

  await fileInput.setInputFiles({
    name: 'week-3.alloclab-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(pack))
  })
  await expect(page.getByRole('status').filter({ hasText: 'Imported “Week 3”' })).toContainText(
    'lessons 1, experiments 0, already built in 0'
  )
  await expect(cards).toHaveCount(before + 1)
  const imported = page.getByRole('article', { name: 'Buddy, week 3' })
  await expect(imported).toContainText('From “Week 3”')
  await imported.getByRole('button', { name: 'Open the lesson: Buddy, week 3' }).click()
  await expect(page.getByRole('complementary', { name: 'Buddy, week 3' })).toContainText(
    'The pool has 1024 page frames',
    { timeout: 30_000 }
  )
  await shot(page, 'classroom-pack-lesson-en-light-1280.png')

  // The service keeps the pack's lesson, not the page: it is still listed after a reload.
  await page.getByRole('link', { name: 'Lessons' }).click()
  await page.reload()
  await expect(page.getByRole('article', { name: 'Buddy, week 3' })).toBeVisible()
})
