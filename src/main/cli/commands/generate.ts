import {
  GENERATOR_KINDS,
  GENERATOR_OPTIONS,
  GeneratorOptionError,
  generate,
  isGeneratorKind,
  parseSize,
  type GeneratorOptionInfo,
  type GeneratorOptions
} from '@shared/scenario'
import {
  UsageError,
  type CliCommand,
  type CliContext,
  type CliOption,
  type CliValues
} from '../command'
import { writeTextFile } from '../cli-files'

const KIND_NAMES = GENERATOR_KINDS.join('|')

const generatorFlags: Record<string, CliOption> = Object.fromEntries(
  GENERATOR_OPTIONS.map((option) => [
    option.flag,
    {
      type: 'string',
      valueName: option.type === 'choice' ? option.choices!.join('|') : option.type.toUpperCase(),
      descriptionKey: option.descriptionKey
    } satisfies CliOption
  ])
)

/**
 * `alloclab generate KIND --seed N [options] [-o OUT]`: scenario text from a
 * seeded generator. Option flags are the kebab-case keys of GeneratorOptions.
 */
export const generateCommand: CliCommand = {
  name: 'generate',
  summaryKey: 'scenario.cli.generate.summary',
  synopsis: `generate ${KIND_NAMES} --seed N [options] [-o OUT]`,
  allowPositionals: true,
  options: {
    seed: { type: 'string', valueName: 'N', descriptionKey: 'scenario.cli.generate.seed' },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      descriptionKey: 'scenario.cli.generate.output'
    },
    name: { type: 'string', valueName: 'NAME', descriptionKey: 'scenario.cli.generate.name' },
    ...generatorFlags
  },
  async run(values, positionals, ctx) {
    const kind = positionals[0]
    if (kind === undefined) {
      throw new UsageError(
        ctx.t('scenario.cli.generate.needKind', { kinds: GENERATOR_KINDS.join(', ') })
      )
    }
    if (!isGeneratorKind(kind)) {
      throw new UsageError(
        ctx.t('scenario.generator.error.unknownKind', { kind, kinds: GENERATOR_KINDS.join(', ') })
      )
    }
    if (positionals.length > 1) {
      throw new UsageError(ctx.t('cli.unexpectedArgument', { arg: positionals[1]! }))
    }
    const seedText = values['seed']
    if (typeof seedText !== 'string') throw new UsageError(ctx.t('scenario.cli.generate.needSeed'))
    if (!/^-?\d+$/.test(seedText)) {
      throw new UsageError(ctx.t('scenario.generator.error.badSeed', { value: seedText }))
    }
    const options: Record<string, unknown> = { seed: Number(seedText) }
    if (typeof values['name'] === 'string') options['name'] = values['name']
    for (const option of GENERATOR_OPTIONS) {
      const raw = values[option.flag]
      if (typeof raw === 'string') options[option.key] = parseOptionValue(option, raw, ctx)
    }
    let text: string
    try {
      text = generate(kind, options as unknown as GeneratorOptions)
    } catch (error) {
      if (error instanceof GeneratorOptionError) {
        throw new UsageError(ctx.t(error.messageKey, error.params))
      }
      throw error
    }
    await writeOrPrint(values, text, ctx)
    return 0
  }
}

function parseOptionValue(option: GeneratorOptionInfo, raw: string, ctx: CliContext): unknown {
  let value: number | undefined
  switch (option.type) {
    case 'choice':
      return raw
    case 'size':
      value = parseSize(raw)
      break
    case 'integer':
      value = /^\d+(_\d+)*$/.test(raw) ? Number(raw.replaceAll('_', '')) : undefined
      break
    case 'share':
      value = raw.trim() === '' ? undefined : Number(raw)
      break
  }
  if (value === undefined || !Number.isFinite(value)) {
    throw new UsageError(
      ctx.t('scenario.cli.generate.badNumber', { option: option.flag, value: raw })
    )
  }
  return value
}

async function writeOrPrint(values: CliValues, text: string, ctx: CliContext): Promise<void> {
  const output = values['output']
  if (typeof output === 'string') {
    await writeTextFile(output, text, ctx)
    ctx.stderr(`${ctx.t('scenario.cli.generate.wrote', { file: output })}\n`)
  } else {
    ctx.stdout(text)
  }
}
