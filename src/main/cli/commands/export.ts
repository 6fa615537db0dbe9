import { UsageError, type CliCommand, type CliContext } from '../command'
import { checkOutputPath, writeTextFile } from '../cli-files'
import { DB_OPTION, openLibrary } from '../open-library'
import { reportTarget, writeReportFile } from '../report-option'
import { metricsCsvChunks } from '../../reports/metrics-csv'
import { runReportHtml } from '../../reports/write-report'
import { jsonWithoutControls } from '../visible-text'
import type { LabService } from '../../service/lab-service'

const FORMATS = ['csv', 'json', 'html', 'pdf'] as const
const FORMAT_CHOICES = FORMATS.join(', ')

/**
 * `alloclab export --experiment ID --format html|pdf|csv|json [-o FILE]`: a
 * saved experiment as its report (HTML or PDF, in the CLI's language), its
 * per-request metrics (CSV) or the experiment file (JSON,
 * `experiment:export-file`, which `alloclab import` and the Library take
 * back), to FILE or stdout (a PDF needs FILE).
 */
export const exportCommand: CliCommand = {
  name: 'export',
  summaryKey: 'experiments.cli.export.summary',
  synopsis: `export --experiment ID --format FORMAT [-o FILE] [--no-timelines] [--db PATH]`,
  allowPositionals: false,
  options: {
    experiment: {
      type: 'string',
      valueName: 'ID',
      descriptionKey: 'experiments.cli.export.experiment',
      value: { key: 'experiments.cli.export.idValue' }
    },
    format: {
      type: 'string',
      valueName: 'FORMAT',
      descriptionKey: 'experiments.cli.export.format',
      value: { key: 'cli.value.choice', params: { choices: FORMAT_CHOICES } }
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      descriptionKey: 'experiments.cli.export.output',
      value: { key: 'cli.value.file', params: { example: 'lab3.alloclab.json' } }
    },
    'no-timelines': { type: 'boolean', descriptionKey: 'experiments.cli.export.noTimelines' },
    db: DB_OPTION
  },
  async run(values, _positionals, ctx) {
    const idText = values['experiment']
    if (typeof idText !== 'string') throw new UsageError(ctx.t('experiments.cli.export.needId'))
    if (!/^[1-9]\d{0,14}$/.test(idText)) {
      throw new UsageError(ctx.t('experiments.cli.export.badId', { value: idText }))
    }
    const format = values['format']
    if (typeof format !== 'string') {
      throw new UsageError(ctx.t('experiments.cli.export.needFormat', { choices: FORMAT_CHOICES }))
    }
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(
        ctx.t('experiments.cli.export.badFormat', { value: format, choices: FORMAT_CHOICES })
      )
    }
    if (format === 'pdf' && values['output'] === undefined) {
      throw new UsageError(ctx.t('experiments.cli.export.pdfNeedsFile'))
    }
    if (values['no-timelines'] === true && format !== 'json') {
      throw new UsageError(ctx.t('experiments.cli.export.noTimelinesIsJson'))
    }
    const output = values['output'] as string | undefined
    if (output !== undefined && format === 'json') await checkOutputPath(output, ctx)
    const id = Number(idText)
    const service = await openLibrary(values['db'] as string | undefined, ctx, { writes: false })
    try {
      if (format === 'json') {
        const file = await service.call('experiment:export-file', {
          id,
          timelines: values['no-timelines'] !== true
        })
        if (output === undefined) {
          ctx.stdout(ctx.stdoutIsTerminal === true ? jsonWithoutControls(file.text) : file.text)
        } else {
          await writeTextFile(output, file.text, ctx)
          ctx.stderr(`${ctx.t('scenario.cli.import.wrote', { file: output })}\n`)
        }
        return 0
      }
      return await exportReport(service, id, format as 'csv' | 'html' | 'pdf', output, ctx)
    } finally {
      service.close()
    }
  }
}

/**
 * A report of a saved experiment, from its saved runs opened into the
 * service (no re-run): HTML or PDF through src/main/reports, CSV of the
 * per-request metrics of every kept timeline. Configurations without a
 * timeline are named on stderr; the report says the same in its pages.
 */
async function exportReport(
  service: LabService,
  id: number,
  format: 'csv' | 'html' | 'pdf',
  output: string | undefined,
  ctx: CliContext
): Promise<number> {
  const target = output === undefined ? undefined : await reportTarget(output, ctx, format)
  const detail = await service.call('experiment:get', { id })
  const opened = await service.call('experiment:open', { id })
  const readable = opened.configs.filter((config) => config.timeline === 'kept')
  if (format === 'csv' && readable.length === 0) {
    throw new UsageError(ctx.t('experiments.cli.export.noTimelinesKept', { id }))
  }
  for (const config of opened.configs) {
    if (config.timeline === 'kept') continue
    ctx.stderr(
      `${ctx.t('experiments.cli.export.configSkipped', {
        config: config.config,
        label: config.label,
        why: ctx.t(`experiments.cli.export.timeline.${config.timeline}`)
      })}\n`
    )
  }
  const scenario = detail.scenario ?? ''
  const experiment = { name: detail.name, notes: detail.notes, tags: [...detail.tags] }
  if (target) {
    await writeReportFile(service, opened.runId, scenario, target, ctx, experiment)
    return 0
  }
  if (format === 'csv') {
    for await (const chunk of metricsCsvChunks(service, opened.runId)) ctx.stdout(chunk)
  } else {
    const html = await runReportHtml(service, {
      runId: opened.runId,
      scenario,
      locale: ctx.locale,
      experiment
    })
    ctx.stdout(html)
  }
  return 0
}
