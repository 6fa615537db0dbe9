import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { formatBytes } from '@shared/format/format-value'
import { LabError } from '@shared/lab-error'
import type { ExperimentFields } from '@shared/reports/experiment-fields'
import type { LabCaller } from '../reports/lab-caller'
import {
  reportFormatOf,
  requireChromium,
  writeRunReport,
  type ReportFormat
} from '../reports/write-report'
import { UsageError, type CliContext, type CliOption } from './command'
import { checkOutputPath, describeFileError } from './cli-files'

/** `--report FILE`: the format follows the extension. */
export const reportOption: CliOption = {
  type: 'string',
  valueName: 'FILE',
  descriptionKey: 'report.cli.option',
  value: { key: 'cli.value.file', params: { example: 'report.html' } }
}

/** Where a report goes, as checked before the run. */
export interface ReportTarget {
  /** As the user wrote it, for messages. */
  readonly file: string
  readonly path: string
  readonly format: ReportFormat
  /** The browser that prints a PDF report. */
  readonly browser?: string
}

/**
 * Everything that can be checked before the run starts, so a long run never
 * ends in "cannot write": a report format the extension names, a path that
 * can be written, and for a PDF an installed Chromium or Chrome.
 */
export async function reportTarget(
  value: unknown,
  ctx: CliContext,
  /** The format when the command names it; otherwise the extension says. */
  named?: ReportFormat
): Promise<ReportTarget | undefined> {
  if (typeof value !== 'string') return undefined
  const format = named ?? reportFormatOf(value)
  if (!format) throw new UsageError(ctx.t('report.cli.badExtension', { file: value }))
  await checkOutputPath(value, ctx)
  const browser = format === 'pdf' ? withLabErrors(ctx, () => requireChromium()) : undefined
  return {
    file: value,
    path: resolve(ctx.cwd, value),
    format,
    ...(browser !== undefined ? { browser } : {})
  }
}

/** Write the report of run `runId` (after the run, while the service still holds it). */
export async function writeReportFile(
  lab: LabCaller,
  runId: string,
  scenario: string,
  target: ReportTarget,
  ctx: CliContext,
  experiment?: ExperimentFields
): Promise<void> {
  try {
    await writeRunReport(
      lab,
      { runId, scenario, locale: ctx.locale, ...(experiment ? { experiment } : {}) },
      target.path,
      target.format,
      () => target.browser ?? requireChromium()
    )
  } catch (error) {
    if (error instanceof LabError) throw new UsageError(ctx.t(error.key, error.params))
    if (typeof (error as { code?: unknown }).code === 'string') {
      // Checked before the run, so only a disk that filled up or vanished since gets here.
      throw new UsageError(
        ctx.t('scenario.cli.cannotWrite', {
          file: target.file,
          reason: describeFileError(error, ctx)
        })
      )
    }
    throw error
  }
  const { size } = await stat(target.path)
  ctx.stderr(
    `${ctx.t('report.cli.written', { file: target.file, size: formatBytes(ctx.locale, size) })}\n`
  )
}

function withLabErrors<T>(ctx: CliContext, work: () => T): T {
  try {
    return work()
  } catch (error) {
    if (error instanceof LabError) throw new UsageError(ctx.t(error.key, error.params))
    throw error
  }
}
