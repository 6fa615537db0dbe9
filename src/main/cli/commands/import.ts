import { basename, extname } from 'node:path'
import { hasErrors, importMalloclab, importOpList, type ImportResult } from '@shared/scenario'
import { EXPERIMENT_FILE_EXTENSION } from '@shared/experiment-file'
import { UsageError, type CliCommand, type CliContext, type CliValues } from '../command'
import {
  checkOutputPath,
  printDiagnostics,
  printDocument,
  readTextFile,
  writeTextFile,
  type TextKind
} from '../cli-files'
import { DB_OPTION, openLibrary } from '../open-library'

const FORMATS = {
  malloclab: importMalloclab,
  oplist: importOpList
} as const satisfies Record<string, (text: string, options: { name?: string }) => ImportResult>

const INPUT_KINDS: Record<keyof typeof FORMATS, TextKind> = { malloclab: 'trace', oplist: 'opList' }

/** `--from experiment`, or a file named *.alloclab.json: an experiment file, imported into the library. */
const EXPERIMENT_FORMAT = 'experiment'

const FORMAT_NAMES = [...Object.keys(FORMATS), EXPERIMENT_FORMAT].join('|')

/**
 * `alloclab import --from malloclab|oplist FILE [-o OUT]`: scenario text on
 * stdout or in OUT. Problems in the input are listed with the input's own line
 * numbers; any error means nothing is written and the exit code is 2.
 *
 * `alloclab import FILE.alloclab.json [--db PATH]` (or `--from experiment`):
 * the experiment file into the library, whole or not at all.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summaryKey: 'scenario.cli.import.summary',
  synopsis: `import --from ${FORMAT_NAMES} FILE [-o OUT] [--name NAME] [--db PATH]`,
  allowPositionals: true,
  options: {
    from: {
      type: 'string',
      valueName: 'FORMAT',
      descriptionKey: 'scenario.cli.import.from',
      value: { key: 'scenario.cli.import.fromValue', params: { formats: FORMAT_NAMES } }
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      descriptionKey: 'scenario.cli.import.output',
      value: { key: 'cli.value.file', params: { example: 'trace.alloc' } }
    },
    name: {
      type: 'string',
      valueName: 'NAME',
      descriptionKey: 'scenario.cli.import.name',
      value: { key: 'cli.value.name' }
    },
    db: DB_OPTION
  },
  async run(values, positionals, ctx) {
    const from = values['from']
    const only = positionals.length === 1 ? positionals[0]! : undefined
    const experimentFile =
      from === EXPERIMENT_FORMAT ||
      (from === undefined && only?.toLowerCase().endsWith(EXPERIMENT_FILE_EXTENSION) === true)
    if (experimentFile) {
      if (positionals.length === 0) {
        throw new UsageError(ctx.t('experiments.cli.import.needFile'))
      }
      if (only === undefined) throw new UsageError(ctx.t('scenario.cli.import.oneFile'))
      return importExperiment(only, values, ctx)
    }
    if (typeof values['db'] === 'string') {
      throw new UsageError(ctx.t('experiments.cli.import.dbOnlyForExperiments'))
    }
    if (typeof from !== 'string') {
      throw new UsageError(ctx.t('scenario.cli.import.needFrom', { formats: FORMAT_NAMES }))
    }
    if (!(from in FORMATS)) {
      throw new UsageError(
        ctx.t('scenario.cli.import.badFrom', { value: from, formats: FORMAT_NAMES })
      )
    }
    if (positionals.length === 0) {
      throw new UsageError(ctx.t('scenario.cli.needFile', { command: `import --from ${from}` }))
    }
    if (positionals.length > 1) throw new UsageError(ctx.t('scenario.cli.import.oneFile'))
    const file = positionals[0]!
    const output = values['output']
    if (typeof output === 'string') await checkOutputPath(output, ctx)
    const format = from as keyof typeof FORMATS
    const text = await readTextFile(file, ctx, INPUT_KINDS[format])
    const name =
      typeof values['name'] === 'string'
        ? values['name']
        : file === '-'
          ? undefined
          : basename(file, extname(file))
    const result = FORMATS[format](text, { name })
    printDiagnostics(file, result.diagnostics, ctx)
    if (hasErrors(result.diagnostics)) return 2
    if (typeof output === 'string') {
      await writeTextFile(output, result.text, ctx)
      ctx.stderr(`${ctx.t('scenario.cli.import.wrote', { file: output })}\n`)
    } else {
      printDocument(result.text, ctx)
    }
    return 0
  }
}

/** An experiment file into the library: one transaction, or nothing and the reason. */
async function importExperiment(file: string, values: CliValues, ctx: CliContext): Promise<number> {
  if (typeof values['output'] === 'string') {
    throw new UsageError(ctx.t('experiments.cli.import.noOutput'))
  }
  const text = await readTextFile(file, ctx, 'experimentFile')
  const service = await openLibrary(values['db'] as string | undefined, ctx, { writes: true })
  try {
    const item = await service.call('experiment:import-file', {
      text,
      ...(typeof values['name'] === 'string' ? { name: values['name'] } : {})
    })
    ctx.stderr(
      `${ctx.t('experiments.cli.import.imported', {
        id: item.id,
        name: item.name,
        configs: item.configs.length,
        timelines: item.timelinesKept
      })}\n`
    )
    return 0
  } finally {
    service.close()
  }
}
