import { constants } from 'node:fs'
import { access, open, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { formatDiagnosticLine, type Diagnostic } from '@shared/scenario'
import { UsageError, type CliContext } from './command'
import { checkDecodedText, decodeText, type DecodedText } from './decode-text'
import { visibleParams, visibleText } from './visible-text'

/** Every diagnostic of `file` on stderr, gcc style, with the file's and the scenario's words escaped. */
export function printDiagnostics(
  file: string,
  diagnostics: readonly Diagnostic[],
  ctx: CliContext
): void {
  for (const d of diagnostics) {
    const shown = { ...d, params: visibleParams(d.params) ?? {} }
    ctx.stderr(`${formatDiagnosticLine(visibleText(file), shown, ctx.locale)}\n`)
  }
}

/**
 * A document (a formatted, imported or generated scenario) on stdout. Into a
 * pipe or a file it goes byte for byte; on a terminal its control characters
 * are shown escaped, so a comment cannot drive the terminal.
 */
export function printDocument(text: string, ctx: CliContext): void {
  ctx.stdout(ctx.stdoutIsTerminal === true ? visibleText(text, 'lines-and-tabs') : text)
}

/** What the text file holds: shown in the message when it is not text at all. */
export type TextKind = 'scenario' | 'trace' | 'opList' | 'experimentFile'

/**
 * The text of `file` (relative to the working folder; `-` is standard input),
 * or a UsageError saying why not: unreadable, or not text (a zero byte, or
 * bytes that are not UTF-8), with the offset of the first bad byte.
 */
export async function readTextFile(
  file: string,
  ctx: CliContext,
  kind: TextKind = 'scenario'
): Promise<string> {
  let decoded: DecodedText
  if (file === '-') {
    const input = await ctx.readStdin()
    decoded = typeof input === 'string' ? checkDecodedText(input) : decodeText(input)
  } else {
    let bytes: Uint8Array
    try {
      bytes = await readFile(resolve(ctx.cwd, file))
    } catch (error) {
      throw new UsageError(
        ctx.t('cli.fileUnreadable', { file, reason: describeFileError(error, ctx) })
      )
    }
    decoded = decodeText(bytes)
  }
  if (decoded.ok) return decoded.text
  const { kind: problem, offset, byte } = decoded.problem
  const params = {
    file,
    offset,
    byte: `0x${byte.toString(16).padStart(2, '0')}`,
    what: ctx.t(`cli.notText.${kind}`)
  }
  throw new UsageError(ctx.t(problem === 'nul' ? 'cli.notText.nul' : 'cli.notText.utf8', params))
}

/**
 * Refuse an output path that cannot be written before any work starts: a
 * folder, a missing folder, a file or folder without write permission. The
 * file itself is neither created nor changed. With `createsFolders` (the
 * database, whose folders are made on first use) a missing folder is fine as
 * long as the nearest one that exists can be written.
 */
export async function checkOutputPath(
  file: string,
  ctx: CliContext,
  { createsFolders = false }: { readonly createsFolders?: boolean } = {}
): Promise<void> {
  const path = resolve(ctx.cwd, file)
  const fail = (reason: string): never => {
    throw new UsageError(ctx.t('scenario.cli.cannotWrite', { file, reason }))
  }
  const existing = await stat(path).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ENOENT') return undefined
    return fail(describeFileError(error, ctx))
  })
  if (existing?.isDirectory()) return fail(ctx.t('scenario.cli.isFolder'))
  if (existing) {
    // Opening for writing without truncating is the one test that also sees a read-only disk.
    const handle = await open(path, 'r+').catch((error: unknown) =>
      fail(describeFileError(error, ctx))
    )
    await handle.close()
    return
  }
  let folder = dirname(path)
  let parent = await stat(folder).catch(() => undefined)
  while (!parent && createsFolders && dirname(folder) !== folder) {
    folder = dirname(folder)
    parent = await stat(folder).catch(() => undefined)
  }
  const shown = createsFolders ? folder : dirname(file)
  if (!parent) return fail(ctx.t('cli.noSuchFolder', { folder: shown }))
  if (!parent.isDirectory()) return fail(ctx.t('cli.notAFolder', { folder: shown }))
  await access(folder, constants.W_OK).catch(() =>
    fail(ctx.t('cli.folderReadOnly', { folder: shown }))
  )
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

/** Why a file operation failed, in words, for the common causes. */
export function describeFileError(error: unknown, ctx: CliContext): string {
  switch ((error as { code?: string }).code) {
    case 'ENOENT':
      return ctx.t('scenario.cli.noSuchFile')
    case 'EISDIR':
      return ctx.t('scenario.cli.isFolder')
    case 'ENOTDIR':
      return ctx.t('cli.fileError.notDir')
    case 'EACCES':
    case 'EPERM':
      return ctx.t('cli.fileError.permission')
    case 'EROFS':
      return ctx.t('cli.fileError.readOnlyDisk')
    case 'ENOSPC':
      return ctx.t('cli.fileError.diskFull')
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
