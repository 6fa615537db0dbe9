import { basename, extname } from 'node:path'
import { hasErrors, importMalloclab, importOpList, type ImportResult } from '@shared/scenario'
import { UsageError, type CliCommand } from '../command'
import {
  checkOutputPath,
  printDiagnostics,
  printDocument,
  readTextFile,
  writeTextFile,
  type TextKind
} from '../cli-files'

const FORMATS = {
  malloclab: importMalloclab,
  oplist: importOpList
} as const satisfies Record<string, (text: string, options: { name?: string }) => ImportResult>

const INPUT_KINDS: Record<keyof typeof FORMATS, TextKind> = { malloclab: 'trace', oplist: 'opList' }

const FORMAT_NAMES = Object.keys(FORMATS).join('|')

/**
 * `alloclab import --from malloclab|oplist FILE [-o OUT]`: scenario text on
 * stdout or in OUT. Problems in the input are listed with the input's own line
 * numbers; any error means nothing is written and the exit code is 2.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summaryKey: 'scenario.cli.import.summary',
  synopsis: `import --from ${FORMAT_NAMES} FILE [-o OUT] [--name NAME]`,
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
    }
  },
  async run(values, positionals, ctx) {
    const from = values['from']
    if (typeof from !== 'string') {
      throw new UsageError(ctx.t('scenario.cli.import.needFrom', { formats: FORMAT_NAMES }))
    }
    if (!(from in FORMATS)) {
      throw new UsageError(
        ctx.t('scenario.cli.import.badFrom', { value: from, formats: FORMAT_NAMES })
      )
    }
    if (positionals.length === 0) {
      throw new UsageError(ctx.t('scenario.cli.needFile', { command: 'import --from malloclab' }))
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
