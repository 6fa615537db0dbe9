import { createWriteStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { LabError } from '@shared/lab-error'
import type { Locale } from '@shared/i18n/locales'
import type { ExperimentFields } from '@shared/reports/experiment-fields'
import { cjkFontsFor } from './cjk-font'
import { collectReport, type CollectReportOptions } from './collect-report'
import { runExperimentFile } from './experiment-json'
import { findChromium, type BrowserSearch } from './find-chromium'
import type { LabCaller } from './lab-caller'
import { metricsCsvChunks } from './metrics-csv'
import { printHtmlToPdf } from './print-pdf'
import { renderReportHtml } from './render-html'

export const REPORT_FORMATS = ['html', 'pdf', 'json', 'csv'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** The format a file name asks for by its extension (.html/.htm, .pdf, .json, .csv), or null. */
export function reportFormatOf(file: string): ReportFormat | null {
  const extension = extname(file).toLowerCase()
  if (extension === '.htm' || extension === '.html') return 'html'
  return (REPORT_FORMATS as readonly string[]).includes(extension.slice(1))
    ? (extension.slice(1) as ReportFormat)
    : null
}

/** What a report needs besides the run: its text and, for an experiment, name, notes and tags. */
export interface ReportSource {
  readonly runId: string
  readonly scenario: string
  readonly locale: Locale
  readonly experiment?: ExperimentFields
}

/**
 * The HTML report of a run: gathered through LabApi, drawn, and given the
 * glyphs of the CJK characters it shows (see cjk-font.ts) unless `fonts` is
 * 'system'.
 */
export async function runReportHtml(
  lab: LabCaller,
  source: ReportSource,
  options: Omit<CollectReportOptions, 'scenario' | 'locale' | 'experiment'> & {
    readonly fonts?: 'embed' | 'system'
  } = {}
): Promise<string> {
  const { fonts = 'embed', ...collect } = options
  const model = await collectReport(lab, source.runId, {
    ...collect,
    scenario: source.scenario,
    locale: source.locale,
    ...(source.experiment ? { experiment: source.experiment } : {})
  })
  const plain = renderReportHtml(model)
  if (fonts === 'system') return plain
  const embedded = cjkFontsFor(plain)
  return embedded.length > 0 ? renderReportHtml(model, { fonts: embedded }) : plain
}

/** Fails with LabError 'unavailable' (report.pdf.noBrowser) when no browser can print a PDF. */
export function requireChromium(search: BrowserSearch = findChromium()): string {
  if (search.path) return search.path
  const looked = search.looked.join(', ')
  throw new LabError(
    'unavailable',
    'report.pdf.noBrowser',
    { looked },
    [],
    `no Chromium or Chrome (${looked})`
  )
}

/** Write a report of the run to `file` (an absolute path) in `format`. */
export async function writeRunReport(
  lab: LabCaller,
  source: ReportSource,
  file: string,
  format: ReportFormat,
  browser: () => string = requireChromium
): Promise<void> {
  switch (format) {
    case 'html':
      await writeFile(file, await runReportHtml(lab, source), 'utf8')
      return
    case 'pdf':
      await printHtmlToPdf(await runReportHtml(lab, source), file, { browser: browser() })
      return
    case 'json': {
      const text = await runExperimentFile(
        lab,
        source.runId,
        source.experiment ? { experiment: source.experiment } : {}
      )
      await writeFile(file, text, 'utf8')
      return
    }
    case 'csv':
      await writeChunks(file, metricsCsvChunks(lab, source.runId))
      return
  }
}

async function writeChunks(file: string, chunks: AsyncIterable<string>): Promise<void> {
  const stream = createWriteStream(file, 'utf8')
  const failed = new Promise<never>((_, reject) => stream.once('error', reject))
  failed.catch(() => undefined)
  try {
    for await (const chunk of chunks) {
      if (!stream.write(chunk)) {
        await Promise.race([
          new Promise<void>((resolve) => stream.once('drain', () => resolve())),
          failed
        ])
      }
    }
  } finally {
    await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), failed])
  }
}
