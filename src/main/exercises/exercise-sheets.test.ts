import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JSDOM } from 'jsdom'
import { findLesson } from '@shared/lessons'
import type { LabService } from '../service/lab-service'
import { externalReferences } from '../reports/testing/external-references'
import { finishedRun, testLabService } from '../reports/testing/report-runs'
import { cssString } from './sheet-style'

const buddy = findLesson('buddy-allocator')!
const HOSTILE_TITLE = '<script>alert(1)</script><img src="http://evil.example/x.png">'

let lab: LabService
let runId: string
beforeAll(async () => {
  lab = testLabService()
  runId = await finishedRun(
    lab,
    buddy.scenario,
    buddy.allocators.map((allocator) => allocator.spec)
  )
}, 60_000)
afterAll(() => lab.close())

const QUESTIONS = [
  { step: 2, kind: 'result' },
  { step: 3, kind: 'freeAreas' },
  { step: 4, kind: 'result' },
  { step: 6, kind: 'examined' }
] as const

function text(html: string): string {
  return new JSDOM(html).window.document.body.textContent!.replace(/\s+/g, ' ')
}

describe('exercise sheets and their answer keys', () => {
  it('ask the chosen questions on the sheet and answer them from the run on the key', async () => {
    const { sheet, answers, fileStem } = await lab.call('exercise:export-sheet', {
      runId,
      config: 0,
      locale: 'en',
      title: 'Buddy quiz',
      questions: [...QUESTIONS]
    })
    expect(fileStem).toBe('buddy-quiz')
    const asked = text(sheet)
    expect(asked).toContain('Question 1 · step 2: alloc c 9 KiB')
    expect(asked).toContain('Question 4 · step 6: pages e 9')
    expect(asked).not.toContain('it succeeds at frame 512')
    const key = text(answers)
    expect(key).toContain('it succeeds at frame 512')
    expect(key).toContain('0 0 1 1 1 1 1 1 2')
    expect(key).toMatch(/it fails \(.+\)/)
    expect(key).toMatch(/Answer: 1 What happens/)
  })

  it('write the Chinese sheet with its own font and no external reference, even from a hostile title', async () => {
    const { sheet, answers } = await lab.call('exercise:export-sheet', {
      runId,
      config: 0,
      locale: 'zh-CN',
      title: HOSTILE_TITLE,
      questions: [...QUESTIONS]
    })
    for (const html of [sheet, answers]) {
      expect(externalReferences(html)).toEqual([])
      expect(html).toContain('@font-face')
      expect(html).not.toContain('<script>')
      // The title also foots every printed page, inside the stylesheet: it must stay a CSS string.
      const styles = new JSDOM(html).window.document.querySelectorAll('style')
      expect(styles).toHaveLength(1)
      expect(styles[0]!.textContent).toMatch(/@bottom-left \{ content: "[^"<>]+"; font:/)
    }
    expect(text(sheet)).toContain('第 1 题 · 第 2 步：alloc c 9 KiB')
    expect(text(answers)).toContain('成功，位置是 第 512 号页框')
    // A full-width colon brings its own space: none is added after it.
    expect(text(answers)).toMatch(/答案：成功/)
    expect(text(answers)).toMatch(/发生了什么：\S/)
  })

  it('refuse a question past the run’s last step, and one the allocator cannot answer', async () => {
    await expect(
      lab.call('exercise:export-sheet', {
        runId,
        config: 0,
        locale: 'en',
        questions: [{ step: 9, kind: 'result' }]
      })
    ).rejects.toThrow(/past the run's last step \(8\)/)
    await expect(
      lab.call('exercise:export-sheet', {
        runId,
        config: 0,
        locale: 'en',
        questions: [{ step: 1, kind: 'freeList' }]
      })
    ).rejects.toThrow(/does not apply to a buddy allocator/)
    await expect(
      lab.call('exercise:export-sheet', { runId, config: 0, locale: 'en', questions: [] })
    ).rejects.toThrow(/questions/)
  })
})

describe('cssString', () => {
  it('keeps letters, digits and spaces and escapes everything else', () => {
    expect(cssString('Week 3')).toBe('"Week 3"')
    expect(cssString('a"b\\c</style>')).toBe('"a\\22 b\\5c c\\3c \\2f style\\3e "')
    expect(cssString('练习')).toBe('"\\7ec3 \\4e60 "')
  })
})
