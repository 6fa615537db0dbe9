import { describe, expect, it } from 'vitest'
import type { Locale } from '@shared/i18n/locales'
import { translator } from '@shared/i18n/translate'
import { FakeTerminal } from './fake-terminal'
import { createProgressDisplay, formatDuration, type ProgressStream } from './progress-display'

function setup(options: { labels?: string[]; locale?: Locale; terminal?: ProgressStream } = {}): {
  terminal: FakeTerminal
  clock: { now: number }
  display: ReturnType<typeof createProgressDisplay>
} {
  const terminal = (options.terminal as FakeTerminal | undefined) ?? new FakeTerminal()
  const clock = { now: 0 }
  const locale = options.locale ?? 'en'
  const display = createProgressDisplay({
    stream: terminal,
    now: () => clock.now,
    labels: options.labels ?? ['#1 first-fit', '#2 buddy'],
    t: translator(locale),
    locale
  })
  return { terminal, clock, display }
}

describe('the progress display', () => {
  it('draws nothing when standard error is not a terminal', () => {
    const pipe = {
      isTTY: false,
      writes: [] as string[],
      write: (text: string) => pipe.writes.push(text)
    }
    const { clock, display } = setup({ terminal: pipe })
    clock.now = 5000
    display.progress({ config: 0, done: 10, total: 100, rate: 1000 })
    display.ended({ config: 0, status: 'done' })
    display.finish()
    expect(pipe.writes).toEqual([])
  })

  it('stays silent through the first second of a run', () => {
    const { terminal, clock, display } = setup()
    clock.now = 999
    display.progress({ config: 0, done: 500, total: 1000, rate: 500 })
    expect(terminal.writes).toEqual([])
  })

  it('then shows a line per config with percent, rate and time left', () => {
    const { terminal, clock, display } = setup()
    clock.now = 1200
    display.progress({ config: 0, done: 250_000, total: 1_000_000, rate: 125_000 })
    expect(terminal.screen()).toEqual([
      '#1 first-fit   25%  125K requests/s  0:06 left',
      '#2 buddy      waiting'
    ])
  })

  it('redraws in place: the screen keeps one line per config with the latest figures', () => {
    const { terminal, clock, display } = setup()
    for (let step = 1; step <= 20; step++) {
      clock.now += 150
      display.progress({ config: 0, done: step * 5000, total: 100_000, rate: 40_000 })
      clock.now += 150
      display.progress({ config: 1, done: step * 2000, total: 100_000, rate: 20_000 })
    }
    expect(terminal.screen()).toEqual([
      '#1 first-fit  100%  40K requests/s  0:00 left',
      '#2 buddy       40%  20K requests/s  0:03 left'
    ])
  })

  it('redraws at most ten times a second, however many events arrive', () => {
    const { terminal, clock, display } = setup()
    clock.now = 1000
    for (let i = 0; i < 50; i++) {
      clock.now += 10
      display.progress({ config: i % 2, done: i, total: 100, rate: 10 })
    }
    // 500 ms of events: one draw at the first event after the delay, then one per 100 ms.
    expect(terminal.writes).toHaveLength(5)
  })

  it('says when a config has finished, failed or was cancelled', () => {
    const { terminal, clock, display } = setup({ labels: ['#1 a', '#2 b', '#3 c', '#4 d'] })
    clock.now = 2000
    display.progress({ config: 3, done: 0, total: 100, rate: 0 })
    display.ended({ config: 0, status: 'done' })
    display.ended({ config: 1, status: 'failed' })
    display.ended({ config: 2, status: 'cancelled' })
    expect(terminal.screen()).toEqual([
      '#1 a  done',
      '#2 b  failed',
      '#3 c  cancelled',
      '#4 d  starting'
    ])
  })

  it('lifts itself out of the way of a message and redraws below it', () => {
    const { terminal, clock, display } = setup()
    clock.now = 1500
    display.progress({ config: 0, done: 1, total: 2, rate: 1 })
    display.aside(() => terminal.write('lesson.alloc:3:1: warning: something\n'))
    expect(terminal.screen()).toEqual([
      'lesson.alloc:3:1: warning: something',
      '#1 first-fit   50%  1 requests/s  0:01 left',
      '#2 buddy      waiting'
    ])
  })

  it('erases itself when the run is over, leaving the screen as it was', () => {
    const { terminal, clock, display } = setup()
    terminal.write('$ alloclab run big.alloc -a first-fit -a buddy\n')
    clock.now = 3000
    display.progress({ config: 0, done: 1, total: 2, rate: 1 })
    display.ended({ config: 1, status: 'done' })
    display.finish()
    expect(terminal.screen()).toEqual(['$ alloclab run big.alloc -a first-fit -a buddy'])
    clock.now = 4000
    display.progress({ config: 0, done: 2, total: 2, rate: 1 })
    expect(terminal.screen()).toHaveLength(1)
  })

  it('cuts lines to the terminal width so that none wraps', () => {
    const terminal = new FakeTerminal(30)
    const { clock, display } = setup({ terminal, labels: ['#1 first-fit:arena=16MiB,align=16'] })
    clock.now = 1000
    display.progress({ config: 0, done: 1, total: 4, rate: 2 })
    const [line] = terminal.screen()
    expect(line).toBe('#1 first-fit:arena=16MiB,ali…')
  })

  it('uses one line for all configs when they would not fit on the screen', () => {
    const terminal = new FakeTerminal(100, 4)
    const labels = ['#1 a', '#2 b', '#3 c', '#4 d']
    const { clock, display } = setup({ terminal, labels })
    clock.now = 1000
    display.progress({ config: 1, done: 30, total: 100, rate: 10 })
    display.ended({ config: 0, status: 'done' })
    expect(terminal.screen()).toEqual(['1 of 4 configs finished   30%  10 requests/s  0:07 left'])
  })

  it('speaks Chinese, with Chinese number abbreviations', () => {
    const { terminal, clock, display } = setup({ locale: 'zh-CN' })
    clock.now = 1000
    display.progress({ config: 0, done: 1_000_000, total: 4_000_000, rate: 1_250_000 })
    expect(terminal.screen()).toEqual([
      '#1 first-fit   25%  每秒 125万 个请求  剩余 0:03',
      '#2 buddy      等待中'
    ])
  })
})

describe('formatDuration', () => {
  it('writes minutes and seconds, and hours from an hour on, rounding up', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(0.2)).toBe('0:01')
    expect(formatDuration(75)).toBe('1:15')
    expect(formatDuration(3600 + 62)).toBe('1:01:02')
  })
})
