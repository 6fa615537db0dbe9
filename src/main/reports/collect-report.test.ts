import { pixelState } from '@shared/timeline/map-pixel-text'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JSDOM } from 'jsdom'
import type { LabChannel, LabInput, LabOutput } from '@shared/api'
import type { LabService } from '../service/lab-service'
import { collectReport, cutScenario } from './collect-report'
import { firstFailureStep } from './first-failure'
import type { LabCaller } from './lab-caller'
import { renderReportHtml } from './render-html'
import { FAMILY_SCENARIOS, finishedRun, testLabService } from './testing/report-runs'

let lab: LabService
beforeAll(() => {
  lab = testLabService()
})
afterAll(() => lab.close())

const TEXTBOOK = FAMILY_SCENARIOS.heap

describe('collectReport', () => {
  it('finds the key steps of the textbook trace and explains them in numbers', async () => {
    const runId = await finishedRun(lab, TEXTBOOK.scenario, TEXTBOOK.allocators.slice(0, 1))
    const model = await collectReport(lab, runId, { scenario: TEXTBOOK.scenario, locale: 'en' })
    const [config] = model.configs
    // Worked by hand: 3 + 40 bytes from 1000, free p0 leaves 3 free below p1 and 57 above:
    // 58 fails fragmented (60 free in total), 80 fails for want of memory.
    expect(config!.keySteps.map((k) => [k.kind, k.step, k.value])).toEqual([
      ['firstFailure', 3, 58],
      ['largestFailed', 4, 80],
      ['peakExternal', 2, 0.05]
    ])
    const first = config!.keySteps[0]!
    expect(first.figures).toEqual({
      requestedLive: 40,
      allocatedLive: 40,
      freeBytes: 60,
      freeBlocks: 2,
      largestFree: 57
    })
    expect(first.event).toMatchObject({
      step: 3,
      op: 'alloc',
      handle: '缓冲区',
      status: 'fragmented'
    })
    expect(first.around.map((event) => event.step)).toEqual([1, 2, 3, 4])
    expect(config!.maps.map((map) => [map.step, map.reasons])).toEqual([
      [2, ['peakExternal']],
      [3, ['firstFailure']],
      [4, ['end']]
    ])
    // A 100-byte arena gets a pixel per byte at most: the map is exact.
    const pixels = config!.maps[0]!.pixels.dominant
    expect([0, 1, 2, 3].map((i) => pixelState(pixels, i))).toEqual(['free', 'free', 'free', 'used'])

    const html = renderReportHtml(model)
    const text = new JSDOM(html).window.document.querySelector('#key-steps')!.textContent!
    expect(text).toContain('Request 3 (line 11): alloc 缓冲区 58.')
    expect(text).toContain(
      'It failed although 60 B were free in total: they were scattered over 2 blocks, and the largest was only 57 B.'
    )
    expect(text).toContain('80 B asked for at request 4: not enough memory was free in total.')
    expect(text).toContain(
      'No request got more than it asked for: internal fragmentation stayed at 0.'
    )
  })

  it('gives every chart one series per recorded configuration, downsampled to the points asked for', async () => {
    const lines = ['arena 64KiB']
    for (let i = 0; i < 1000; i++) lines.push(`alloc a${i} ${16 + (i % 7) * 8}`, `free a${i}`)
    const scenario = `${lines.join('\n')}\n`
    const runId = await finishedRun(lab, scenario, ['first-fit', 'buddy'])
    const model = await collectReport(lab, runId, {
      scenario,
      locale: 'en',
      maxPoints: 100,
      metrics: ['allocatedLive', 'externalFragmentation']
    })
    expect(model.charts.map((chart) => chart.metric)).toEqual([
      'allocatedLive',
      'externalFragmentation'
    ])
    for (const chart of model.charts) {
      expect(chart.requests).toBe(2000)
      expect(chart.series.map((series) => series.config)).toEqual([0, 1])
      for (const series of chart.series) {
        expect(series.bucketSize).toBe(20)
        expect(series.start.length).toBeLessThanOrEqual(100)
        expect(series.min.every((low, i) => low <= series.max[i]!)).toBe(true)
      }
    }
    // The buddy rounds every request up to a page: internal fragmentation, and a map at its end.
    expect(model.configs[1]!.keySteps.map((k) => k.kind)).toContain('peakInternal')
    expect(model.configs.map((c) => c.maps.at(-1)!.reasons)).toEqual([['end'], ['end']])
  })

  it('reports a configuration run without a timeline, with its summary and no charts or maps', async () => {
    const runId = await finishedRun(lab, TEXTBOOK.scenario, TEXTBOOK.allocators, { record: false })
    const model = await collectReport(lab, runId, { scenario: TEXTBOOK.scenario, locale: 'zh-CN' })
    expect(model.configs.map((c) => [c.recorded, c.keySteps.length, c.maps.length])).toEqual([
      [false, 0, 0],
      [false, 0, 0]
    ])
    expect(model.configs[0]!.summary!.failures).toBe(2)
    expect(model.charts.every((chart) => chart.series.length === 0)).toBe(true)
    const text = new JSDOM(renderReportHtml(model)).window.document.body.textContent!
    expect(text).toContain('#1 first-fit：没有记录时间线，无从绘图。')
  })
})

describe('firstFailureStep', () => {
  /** A fake host answering timeline:metrics for a run of `requests` whose first failure is at `first`. */
  function fakeRun(requests: number, first: number | null): { lab: LabCaller; calls: number } {
    const state = { calls: 0 }
    const lab: LabCaller = {
      call<C extends LabChannel>(channel: C, input: LabInput<C>): Promise<LabOutput<C>> {
        expect(channel).toBe('timeline:metrics')
        state.calls++
        const { from, to, maxPoints } = input as LabInput<'timeline:metrics'>
        expect(to).toBeLessThanOrEqual(requests)
        const size = Math.max(1, Math.ceil((to - from) / maxPoints))
        const start: number[] = []
        const max: number[] = []
        for (let b = from; b < to; b += size) {
          start.push(b)
          // Running total of failures: 1 from the first failure on.
          max.push(first !== null && Math.min(to, b + size) - 1 >= first ? 1 : 0)
        }
        const column = (name: 'failNoMemory' | 'failFragmented') => ({
          name,
          stride: 1,
          start,
          min: max.map(() => 0),
          max: name === 'failFragmented' ? max : max.map(() => 0)
        })
        return Promise.resolve({
          from,
          to,
          bucketSize: size,
          columns: [column('failNoMemory'), column('failFragmented')]
        } as LabOutput<C>)
      }
    }
    return {
      lab,
      get calls() {
        return state.calls
      }
    }
  }

  it('narrows ten million requests down to the first failure in a few calls', async () => {
    const run = fakeRun(10_000_000, 6_543_210)
    expect(await firstFailureStep(run.lab, 'run-1', 0, 10_000_000)).toBe(6_543_210)
    expect(run.calls).toBe(2)
  })

  it('says null when nothing failed', async () => {
    expect(await firstFailureStep(fakeRun(5000, null).lab, 'run-1', 0, 5000)).toBeNull()
  })
})

describe('cutScenario', () => {
  it('keeps a short scenario whole and a long one to its first lines', () => {
    expect(cutScenario('t', 'a\nb\n', 10, 100)).toEqual({
      title: 't',
      shown: 'a\nb\n',
      lines: 2,
      shownLines: 2
    })
    expect(cutScenario('t', 'a\nb\nc\n', 2, 100)).toMatchObject({
      shown: 'a\nb\n',
      lines: 3,
      shownLines: 2
    })
    expect(cutScenario('t', 'aaaa\nbbbb\ncccc\n', 10, 7)).toMatchObject({
      shown: 'aaaa\n',
      shownLines: 1
    })
  })
})
