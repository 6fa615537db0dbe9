import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { formatDiagnosticLine, type Diagnostic } from '@shared/scenario'
import { UsageError, type CliContext } from './command'

/** Every diagnostic of `file` on stderr, gcc style. */
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
