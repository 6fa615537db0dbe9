/**
 * Test double of a TTY stream that keeps the screen the written text would
 * leave, understanding the few controls the progress display sends (carriage
 * return, line feed, cursor up, erase line, erase below), so tests can assert
 * what the user sees rather than which bytes were sent.
 */
import type { ProgressStream } from './progress-display'

export class FakeTerminal implements ProgressStream {
  readonly isTTY = true
  readonly writes: string[] = []
  private readonly lines: string[] = ['']
  private row = 0
  private col = 0

  constructor(
    readonly columns = 80,
    readonly rows = 24
  ) {}

  write(text: string): boolean {
    this.writes.push(text)
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!
      if (c === '\x1b') {
        const match = /^\x1b\[(\d*)([AKJ])/.exec(text.slice(i))
        if (!match)
          throw new Error(`the fake terminal does not know ${JSON.stringify(text.slice(i, i + 6))}`)
        this.control(Number(match[1] || '1'), match[2]!)
        i += match[0].length - 1
      } else if (c === '\r') {
        this.col = 0
      } else if (c === '\n') {
        this.row++
        this.col = 0
        while (this.lines.length <= this.row) this.lines.push('')
      } else {
        const line = this.lines[this.row]!.padEnd(this.col)
        this.lines[this.row] = line.slice(0, this.col) + c + line.slice(this.col + 1)
        this.col++
      }
    }
    return true
  }

  /** The screen's lines, without the empty ones at the bottom. */
  screen(): string[] {
    const lines = this.lines.map((line) => line.trimEnd())
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
    return lines
  }

  private control(n: number, command: string): void {
    if (command === 'A') this.row = Math.max(0, this.row - n)
    else if (command === 'K') this.lines[this.row] = ''
    else {
      this.lines[this.row] = this.lines[this.row]!.slice(0, this.col)
      this.lines.length = this.row + 1
    }
  }
}
