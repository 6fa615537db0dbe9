import { compileScenario } from '@shared/scenario'
import { UsageError, type CliCommand } from '../command'
import { printDiagnostics, readTextFile } from '../cli-files'

/**
 * `alloclab check FILE...`: every diagnostic as `FILE:LINE:COL: error|warning:
 * message [code]` on stderr, then a one-line count on stdout. Exit 0 when no
 * file has an error (warnings are shown but pass, unless --strict), 2 when
 * any has, or when a file cannot be read.
 */
export const checkCommand: CliCommand = {
  name: 'check',
  summaryKey: 'scenario.cli.check.summary',
  synopsis: 'check FILE... [--strict]',
  allowPositionals: true,
  options: {
    strict: { type: 'boolean', descriptionKey: 'scenario.cli.check.strict' }
  },
  async run(values, positionals, ctx) {
    if (positionals.length === 0) {
      throw new UsageError(ctx.t('scenario.cli.needFile', { command: 'check' }))
    }
    const strict = values['strict'] === true
    let errors = 0
    let warnings = 0
    let unreadable = 0
    for (const file of positionals) {
      let text: string
      try {
        text = await readTextFile(file, ctx)
      } catch (error) {
        if (!(error instanceof UsageError)) throw error
        ctx.stderr(`${ctx.t('cli.badArguments', { command: 'check', message: error.message })}\n`)
        unreadable++
        continue
      }
      const { diagnostics } = compileScenario(text)
      printDiagnostics(file, diagnostics, ctx)
      for (const d of diagnostics) {
        if (d.severity === 'error') errors++
        else warnings++
      }
    }
    ctx.stdout(
      `${ctx.t('scenario.cli.check.result', { files: positionals.length - unreadable, errors, warnings })}\n`
    )
    return errors > 0 || unreadable > 0 || (strict && warnings > 0) ? 2 : 0
  }
}
