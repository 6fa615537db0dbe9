import { formatScenario } from '@shared/scenario'
import { UsageError, type CliCommand } from '../command'
import { readTextFile, writeTextFile } from '../cli-files'

/** `alloclab fmt FILE [--write]`: canonical text on stdout, or rewritten in place. */
export const fmtCommand: CliCommand = {
  name: 'fmt',
  summaryKey: 'scenario.cli.fmt.summary',
  synopsis: 'fmt FILE [--write]',
  allowPositionals: true,
  options: {
    write: { type: 'boolean', short: 'w', descriptionKey: 'scenario.cli.fmt.write' }
  },
  async run(values, positionals, ctx) {
    if (positionals.length === 0) {
      throw new UsageError(ctx.t('scenario.cli.needFile', { command: 'fmt' }))
    }
    if (positionals.length > 1) throw new UsageError(ctx.t('scenario.cli.fmt.oneFile'))
    const file = positionals[0]!
    const text = await readTextFile(file, ctx)
    const formatted = formatScenario(text)
    if (values['write'] !== true || file === '-') {
      ctx.stdout(formatted)
      return 0
    }
    if (formatted === text) {
      ctx.stderr(`${ctx.t('scenario.cli.fmt.unchanged', { file })}\n`)
      return 0
    }
    await writeTextFile(file, formatted, ctx)
    ctx.stderr(`${ctx.t('scenario.cli.fmt.wrote', { file })}\n`)
    return 0
  }
}
