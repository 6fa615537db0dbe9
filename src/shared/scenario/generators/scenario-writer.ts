import { formatSize } from '../size'
import { describeOptions, type GeneratorKind, type ResolvedOptions } from './options'

/**
 * Collects generated lines. Opens every scenario with the command that makes
 * it again, its name and the geometry it was generated for.
 */
export class ScenarioWriter {
  private readonly lines: string[] = []

  constructor(kind: GeneratorKind, options: ResolvedOptions, description: string) {
    const lines = this.lines
    lines.push(`# alloclab generate ${kind} ${describeOptions(kind, options)}`)
    const name = options.name.replace(/[#\r\n]/g, ' ').trim()
    lines.push(`name ${name || kind}`)
    lines.push(`description ${description}`)
    if (options.arena !== undefined) lines.push(`arena ${formatSize(options.arena)}`)
    if (options.base !== undefined) lines.push(`base 0x${options.base.toString(16)}`)
    if (options.frames !== undefined) lines.push(`frames ${options.frames}`)
    if (options.pageSize !== undefined) lines.push(`page-size ${formatSize(options.pageSize)}`)
    if (options.maxOrder !== undefined) lines.push(`max-order ${options.maxOrder}`)
    lines.push('')
  }

  push(line: string): void {
    this.lines.push(line)
  }

  text(): string {
    return `${this.lines.join('\n')}\n`
  }
}
