import {
  GENERATOR_KINDS,
  GENERATOR_OPTIONS,
  GeneratorOptionError,
  generate,
  formatSize,
  isGeneratorKind,
  parseSize,
  type GeneratorOptionInfo,
  type GeneratorOptions
} from '@shared/scenario'
import { UsageError, type CliCommand, type CliContext, type CliOption } from '../command'
import { checkOutputPath, printDocument, writeTextFile } from '../cli-files'

const KIND_NAMES = GENERATOR_KINDS.join('|')

const generatorFlags: Record<string, CliOption> = Object.fromEntries(
  GENERATOR_OPTIONS.map((option) => [
    option.flag,
    {
      type: 'string',
      valueName: option.type === 'choice' ? option.choices!.join('|') : option.type.toUpperCase(),
      descriptionKey: option.descriptionKey,
      value: expectedValue(option)
    } satisfies CliOption
  ])
)

/** What a generator option's value must be, for the messages about a missing or bad one. */
function expectedValue(option: GeneratorOptionInfo): NonNullable<CliOption['value']> {
  switch (option.type) {
    case 'choice':
      return { key: 'cli.value.choice', params: { choices: option.choices!.join(', ') } }
    case 'size':
      return {
        key: 'cli.value.size',
        params: { min: formatSize(option.min), max: formatSize(option.max) }
      }
    case 'integer':
      return { key: 'cli.value.whole', params: { min: option.min, max: option.max } }
    case 'share':
      return { key: 'cli.value.share', params: { min: option.min, max: option.max } }
  }
}

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
    seed: {
      type: 'string',
      valueName: 'N',
      descriptionKey: 'scenario.cli.generate.seed',
      value: { key: 'cli.value.anyWhole', params: { example: 1 } }
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      descriptionKey: 'scenario.cli.generate.output',
      value: { key: 'cli.value.file', params: { example: 'random.alloc' } }
    },
    name: {
      type: 'string',
      valueName: 'NAME',
      descriptionKey: 'scenario.cli.generate.name',
      value: { key: 'cli.value.name' }
    },
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
    const output = values['output']
    if (typeof output === 'string') await checkOutputPath(output, ctx)
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
    if (typeof output === 'string') {
      await writeTextFile(output, text, ctx)
      ctx.stderr(`${ctx.t('scenario.cli.generate.wrote', { file: output })}\n`)
    } else {
      printDocument(text, ctx)
    }
    return 0
  }
}

/**
 * The value of one generator flag, or a UsageError that says what is wrong
 * with it: `--count -1` and `--count abc` both get the range a count must be in.
 */
function parseOptionValue(option: GeneratorOptionInfo, raw: string, ctx: CliContext): unknown {
  const params = { option: option.flag, value: raw, min: option.min, max: option.max }
  switch (option.type) {
    case 'choice':
      return raw
    case 'size': {
      const value = parseSize(raw)
      if (value === undefined) throw new UsageError(ctx.t('scenario.cli.generate.badSize', params))
      return value
    }
    case 'integer':
      if (!/^\d+(_\d+)*$/.test(raw)) {
        throw new UsageError(ctx.t('scenario.generator.error.badWhole', params))
      }
      return Number(raw.replaceAll('_', ''))
    case 'share': {
      const value = raw.trim() === '' ? Number.NaN : Number(raw)
      if (!Number.isFinite(value)) {
        throw new UsageError(ctx.t('scenario.generator.error.badShare', params))
      }
      return value
    }
  }
}
