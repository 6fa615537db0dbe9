import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { compileScenario, formatDiagnosticLine, type Diagnostic } from '@shared/scenario'
import { UsageError, type CliCommand, type CliContext } from '../command'

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
        ctx.stderr(`alloclab check: ${error.message}\n`)
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

export function printDiagnostics(
  file: string,
  diagnostics: readonly Diagnostic[],
  ctx: CliContext
): void {
  for (const d of diagnostics) ctx.stderr(`${formatDiagnosticLine(file, d, ctx.locale)}\n`)
}

/** The text of `file` (relative to the working folder; `-` is standard input), or a UsageError saying why not. */
export async function readTextFile(file: string, ctx: CliContext): Promise<string> {
  if (file === '-') return ctx.readStdin()
  try {
    return await readFile(resolve(ctx.cwd, file), 'utf8')
  } catch (error) {
    throw new UsageError(
      ctx.t('cli.fileUnreadable', { file, reason: describeFileError(error, ctx) })
    )
  }
}

/** Writes `text` to `file` relative to the working folder, or a UsageError saying why not. */
export async function writeTextFile(file: string, text: string, ctx: CliContext): Promise<void> {
  try {
    await writeFile(resolve(ctx.cwd, file), text, 'utf8')
  } catch (error) {
    throw new UsageError(
      ctx.t('scenario.cli.cannotWrite', { file, reason: describeFileError(error, ctx) })
    )
  }
}

function describeFileError(error: unknown, ctx: CliContext): string {
  const code = (error as { code?: string }).code
  if (code === 'ENOENT') return ctx.t('scenario.cli.noSuchFile')
  if (code === 'EISDIR') return ctx.t('scenario.cli.isFolder')
  return error instanceof Error ? error.message : String(error)
}
