import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LabService } from '../service/lab-service'
import { reportFileName } from './report-html-call'
import { externalReferences } from './testing/external-references'
import { FAMILY_SCENARIOS, finishedRun, testLabService } from './testing/report-runs'

let lab: LabService
beforeAll(() => {
  lab = testLabService()
})
afterAll(() => lab.close())

describe('the report:html call', () => {
  it('gives the self-contained report of a held run, named after its title', async () => {
    const { scenario, allocators } = FAMILY_SCENARIOS.heap
    const runId = await finishedRun(lab, scenario, allocators)
    const { title } = await lab.call('run:summary', { runId })
    const report = await lab.call('report:html', { runId, locale: 'en' })
    expect(report.fileName).toBe(reportFileName(title))
    expect(report.html).toMatch(/^<!doctype html>/i)
    expect(report.html).toContain('lang="en"')
    expect(externalReferences(report.html)).toEqual([])
  })

  it('heads the report of a saved experiment with its name and notes, in the language asked for', async () => {
    const { scenario, allocators } = FAMILY_SCENARIOS.buddy
    const runId = await finishedRun(lab, scenario, allocators)
    const saved = await lab.call('experiment:save', {
      runId,
      name: 'Buddy orders / week 3',
      notes: 'merges after the frees'
    })
    const report = await lab.call('report:html', { id: saved.id, locale: 'zh-CN' })
    expect(report.fileName).toBe('Buddy orders - week 3.html')
    expect(report.html).toContain('lang="zh-CN"')
    expect(report.html).toContain('Buddy orders / week 3')
    expect(report.html).toContain('merges after the frees')
    expect(externalReferences(report.html)).toEqual([])
  })

  it('refuses a call that names neither a run nor an experiment', async () => {
    const answer = await lab.dispatch('report:html', { locale: 'en' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})

describe('a report file name', () => {
  it('keeps the title but drops characters file systems refuse', () => {
    expect(reportFileName('a/b: c?')).toBe('a-b- c.html')
    expect(reportFileName('  ...  ')).toBe('report.html')
  })
})
