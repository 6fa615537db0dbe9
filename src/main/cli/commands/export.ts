import { resolve } from 'node:path'
import { UsageError, type CliCommand, type CliContext } from '../command'
import { checkOutputPath, describeFileError, writeTextFile } from '../cli-files'
import { MetricsCsvWriter } from '../metrics-csv'
import { DB_OPTION, openLibrary } from '../open-library'
import { writeMetricPages } from '../timeline-pages'
import { jsonWithoutControls } from '../visible-text'
import type { LabService } from '../../service/lab-service'

const FORMATS = ['csv', 'json', 'html', 'pdf'] as const
/** Formats the reports module renders; not part of this build yet. */
const REPORT_FORMATS: readonly string[] = ['html', 'pdf']
const FORMAT_CHOICES = FORMATS.join(', ')

/**
 * `alloclab export --experiment ID --format csv|json [-o FILE]`: a saved
 * experiment as per-request metrics (CSV, from its kept timelines, page by
 * page through `timeline:metrics` as the window reads them) or as the
 * experiment file (JSON, `experiment:export-file`), to FILE or stdout.
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
    if (REPORT_FORMATS.includes(format)) {
      throw new UsageError(ctx.t('experiments.cli.export.notInThisBuild', { format }))
    }
    if (values['no-timelines'] === true && format !== 'json') {
      throw new UsageError(ctx.t('experiments.cli.export.noTimelinesIsJson'))
    }
    const output = values['output'] as string | undefined
    if (output !== undefined) await checkOutputPath(output, ctx)
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
      return await exportCsv(service, id, output, ctx)
    } finally {
      service.close()
    }
  }
}

/** Every kept timeline's per-request metrics as one CSV; configs without one are named on stderr. */
async function exportCsv(
  service: LabService,
  id: number,
  output: string | undefined,
  ctx: CliContext
): Promise<number> {
  const opened = await service.call('experiment:open', { id })
  const summary = await service.call('run:summary', { runId: opened.runId })
  const readable = opened.configs.filter((config) => config.timeline === 'kept')
  if (readable.length === 0) {
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
  const path = output === undefined ? undefined : resolve(ctx.cwd, output)
  let csv: MetricsCsvWriter
  try {
    csv = new MetricsCsvWriter(path ?? ((chunk) => ctx.stdout(chunk)))
  } catch (error) {
    throw new UsageError(
      ctx.t('scenario.cli.cannotWrite', { file: output!, reason: describeFileError(error, ctx) })
    )
  }
  try {
    for (const config of readable) {
      const requests = summary.configs[config.config]!.summary?.requests ?? 0
      await writeMetricPages(
        service,
        opened.runId,
        { config: config.config, label: config.label, requests },
        csv
      )
    }
  } catch (error) {
    csv.close()
    // The path was checked before; only a disk that filled up or went away since gets here.
    if (typeof (error as NodeJS.ErrnoException).code !== 'string' || output === undefined)
      throw error
    throw new UsageError(
      ctx.t('scenario.cli.cannotWrite', { file: output, reason: describeFileError(error, ctx) })
    )
  }
  const rows = csv.close()
  if (output !== undefined) ctx.stderr(`${ctx.t('timeline.csvWritten', { rows, file: output })}\n`)
  return 0
}
