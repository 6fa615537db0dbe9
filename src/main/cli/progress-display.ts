/**
 * Live progress of a long `alloclab run` on a terminal: one line per config
 * (percent, requests per second, time left), redrawn in place on standard
 * error and erased when the run is over, so the results table and the JSON
 * on standard output are never touched. Nothing is drawn into a pipe or a
 * file, and nothing for a run that ends within a second.
 */
import type { Locale } from '@shared/i18n/locales'
import type { MessageParams } from '@shared/i18n/translate'
import { displayWidth, padEndDisplay } from '../engine/text-table'

/** The part of a Node TTY stream the display uses; tests pass a fake. */
export interface ProgressStream {
  readonly isTTY?: boolean
  /** Size of the terminal, when known. */
  readonly columns?: number
  readonly rows?: number
  write(text: string): unknown
}

export interface ConfigProgress {
  readonly config: number
  readonly done: number
  readonly total: number
  /** Requests per second so far. */
  readonly rate: number
}

export interface ConfigEnded {
  readonly config: number
  readonly status: 'done' | 'cancelled' | 'failed'
}

export interface ProgressDisplayOptions {
  /** Where to draw; nothing is drawn unless it is a TTY. */
  readonly stream: ProgressStream | undefined
  /** Milliseconds on any steady clock. */
  readonly now: () => number
  /** The start of each config's line, already safe to print. */
  readonly labels: readonly string[]
  readonly t: (key: string, params?: MessageParams) => string
  readonly locale: Locale
  /** Nothing is drawn before the run has lasted this long (default 1000 ms). */
  readonly delayMs?: number
  /** Fewest milliseconds between two redraws (default 100). */
  readonly redrawMs?: number
}

export interface ProgressDisplay {
  progress(event: ConfigProgress): void
  ended(event: ConfigEnded): void
  /** Run `write` (a message on the same terminal) with the display lifted out of its way, then redraw it below. */
  aside(write: () => void): void
  /** Erase the display for good; call once when the run is over. */
  finish(): void
}

type Status = 'queued' | 'running' | ConfigEnded['status']

interface Line {
  status: Status
  done: number
  total: number
  rate: number
}

const ESC = '\x1b'

export function createProgressDisplay(options: ProgressDisplayOptions): ProgressDisplay {
  const stream = options.stream
  if (stream?.isTTY !== true) {
    return {
      progress: () => undefined,
      ended: () => undefined,
      aside: (w) => w(),
      finish: () => {}
    }
  }
  return new TerminalProgress(stream, options)
}

class TerminalProgress implements ProgressDisplay {
  private readonly lines: Line[]
  private readonly startedAt: number
  private readonly delayMs: number
  private readonly redrawMs: number
  private readonly percent: Intl.NumberFormat
  private readonly compact: Intl.NumberFormat
  /** Lines now on the terminal, above the cursor. */
  private drawn = 0
  private lastDrawAt = -Infinity
  private finished = false

  constructor(
    private readonly stream: ProgressStream,
    private readonly options: ProgressDisplayOptions
  ) {
    this.lines = options.labels.map(() => ({ status: 'queued', done: 0, total: 0, rate: 0 }))
    this.startedAt = options.now()
    this.delayMs = options.delayMs ?? 1000
    this.redrawMs = options.redrawMs ?? 100
    this.percent = new Intl.NumberFormat(options.locale, {
      style: 'percent',
      maximumFractionDigits: 0
    })
    this.compact = new Intl.NumberFormat(options.locale, {
      notation: 'compact',
      maximumFractionDigits: 1
    })
  }

  progress(event: ConfigProgress): void {
    const line = this.lines[event.config]
    if (!line) return
    if (line.status === 'queued') line.status = 'running'
    line.done = event.done
    line.total = event.total
    line.rate = event.rate
    this.maybeDraw(false)
  }

  ended(event: ConfigEnded): void {
    const line = this.lines[event.config]
    if (!line) return
    line.status = event.status
    this.maybeDraw(true)
  }

  aside(write: () => void): void {
    const wasDrawn = this.drawn > 0
    this.clear()
    write()
    if (wasDrawn && !this.finished) this.draw()
  }

  finish(): void {
    this.clear()
    this.finished = true
  }

  private maybeDraw(force: boolean): void {
    if (this.finished) return
    const now = this.options.now()
    if (now - this.startedAt < this.delayMs) return
    if (!force && now - this.lastDrawAt < this.redrawMs) return
    this.lastDrawAt = now
    this.draw()
  }

  /** Back to the first line of the display, then every line cleared and written again. */
  private draw(): void {
    const width = Math.max(20, (this.stream.columns ?? 80) - 1)
    const text = this.render().map((line) => `${ESC}[2K${truncateDisplay(line, width)}\n`)
    this.stream.write(`${this.up()}${text.join('')}`)
    this.drawn = text.length
  }

  private clear(): void {
    if (this.drawn === 0) return
    this.stream.write(`${this.up()}${ESC}[J`)
    this.drawn = 0
  }

  private up(): string {
    return this.drawn > 0 ? `\r${ESC}[${this.drawn}A` : '\r'
  }

  private render(): string[] {
    // A line per config, unless they would not fit on the screen: then one line for all.
    const rows = this.stream.rows
    if (rows !== undefined && this.lines.length > rows - 2) return [this.combined()]
    const labelWidth = Math.max(...this.options.labels.map(displayWidth))
    return this.lines.map(
      (line, i) => `${padEndDisplay(this.options.labels[i]!, labelWidth)}  ${this.describe(line)}`
    )
  }

  private describe(line: Line): string {
    const t = this.options.t
    switch (line.status) {
      case 'queued':
        return t('cli.progress.queued')
      case 'running':
        if (line.total <= 0 || line.rate <= 0) return t('cli.progress.starting')
        return t('cli.progress.running', this.figures(line.done, line.total, line.rate))
      default:
        return t(`cli.progress.${line.status}`)
    }
  }

  private combined(): string {
    const running = this.lines.filter((line) => line.status === 'running')
    const done = this.lines.reduce((sum, line) => sum + line.done, 0)
    const total = this.lines.reduce((sum, line) => sum + line.total, 0)
    const rate = running.reduce((sum, line) => sum + line.rate, 0)
    const finished = this.lines.filter((l) => l.status !== 'queued' && l.status !== 'running')
    return this.options.t('cli.progress.combined', {
      finished: finished.length,
      count: this.lines.length,
      ...this.figures(done, total, rate)
    })
  }

  private figures(done: number, total: number, rate: number): Record<string, string> {
    const share = total > 0 ? Math.floor((done / total) * 100) / 100 : 0
    const left = rate > 0 ? Math.max(0, total - done) / rate : 0
    return {
      percent: this.percent.format(share).padStart(4),
      rate: this.compact.format(rate),
      left: formatDuration(left)
    }
  }
}

/** Seconds as m:ss, or h:mm:ss from an hour on, rounded up so "0:00" means finished. */
export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds)
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** `text` cut to `width` terminal columns, so a line never wraps (a wrapped line would break the redraw). */
function truncateDisplay(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  let out = ''
  let used = 0
  for (const char of text) {
    const w = displayWidth(char)
    if (used + w > width - 1) break
    out += char
    used += w
  }
  return `${out}…`
}
