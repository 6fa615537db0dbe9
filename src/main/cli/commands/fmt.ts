import { compileScenario, formatScenario, hasErrors } from '@shared/scenario'
import { UsageError, type CliCommand } from '../command'
import {
  checkOutputPath,
  printDiagnostics,
  printDocument,
  readTextFile,
  writeTextFile
} from '../cli-files'

/**
 * `alloclab fmt FILE [--write]`: canonical text on stdout, or rewritten in
 * place. Only a scenario without errors is formatted: one with errors gets its
 * diagnostics and exit 2, and a file that is not text is refused, so `--write`
 * never rewrites what it could not read faithfully.
 */
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
    const write = values['write'] === true && file !== '-'
    const text = await readTextFile(file, ctx)
    if (write) await checkOutputPath(file, ctx)
    const { diagnostics } = compileScenario(text)
    if (hasErrors(diagnostics)) {
      printDiagnostics(file, diagnostics, ctx)
      const count = diagnostics.filter((d) => d.severity === 'error').length
      ctx.stderr(`${ctx.t('scenario.cli.fmt.hasErrors', { file, count })}\n`)
      return 2
    }
    const formatted = formatScenario(text)
    if (!write) {
      printDocument(formatted, ctx)
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
