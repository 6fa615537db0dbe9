import { parseArgs } from 'node:util'
import { isLocale, DEFAULT_LOCALE, type Locale } from '@shared/i18n/locales'
import { translator } from '@shared/i18n/translate'
import { closestWord } from '@shared/scenario/closest-word'
import { UsageError, type CliCommand, type CliContext, type CliIo, type CliValues } from './command'

/**
 * Dispatch `argv` (without node and script) to a command and return the exit
 * code. Bad usage always ends with a one-line message on stderr and code 2.
 */
export async function runCli(
  argv: readonly string[],
  commands: readonly CliCommand[],
  io: CliIo,
  version: string
): Promise<number> {
  const locale = pickLocale(argv)
  const t = translator(locale)
  const ctx: CliContext = { ...io, locale, t, version }
  const [first, ...rest] = argv

  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(mainHelp(commands, ctx))
    return 0
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version}\n`)
    return 0
  }
  const command = commands.find((c) => c.name === first)
  if (!command) {
    const guess = closestWord(
      first,
      commands.map((c) => c.name)
    )
    io.stderr(
      `${t('cli.unknownCommand', { name: first })}${guess ? ` ${t('cli.didYouMean', { name: guess })}` : ''}\n`
    )
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command, ctx))
    return 0
  }

  let values: CliValues
  let positionals: string[]
  try {
    const parsed = command.ownArguments
      ? { values: {}, positionals: [...rest] }
      : parseArgs({
          args: [...rest],
          options: { lang: { type: 'string' }, ...command.options },
          allowPositionals: command.allowPositionals,
          strict: true
        })
    values = parsed.values as CliValues
    positionals = parsed.positionals
  } catch (error) {
    io.stderr(
      `${t('cli.badArguments', { command: command.name, message: describeParseError(error, command, ctx) })}\n`
    )
    return 2
  }

  try {
    return await command.run(values, positionals, ctx)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${t('cli.badArguments', { command: command.name, message: error.message })}\n`)
      return 2
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`${t('cli.internalError', { command: command.name, message })}\n`)
    return 1
  }
}

function pickLocale(argv: readonly string[]): Locale {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  if (at >= 0) {
    const value = argv[at]!.includes('=') ? argv[at]!.slice('--lang='.length) : argv[at + 1]
    if (isLocale(value)) return value
  }
  const env = process.env['ALLOCLAB_LANG'] ?? ''
  return isLocale(env) ? env : DEFAULT_LOCALE
}

function describeParseError(error: unknown, command: CliCommand, ctx: CliContext): string {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? ''
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return ctx.t('cli.unknownOption', {
        option: quoted.split(' ')[0] ?? quoted,
        command: command.name
      })
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return ctx.t('cli.missingValue', { option: quoted.split(' ')[0] ?? quoted })
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return ctx.t('cli.unexpectedArgument', { arg: quoted })
    default:
      return message
  }
}

function mainHelp(commands: readonly CliCommand[], ctx: CliContext): string {
  const width = Math.max(...commands.map((c) => c.name.length), 9) + 2
  const lines = [
    `AllocLab ${ctx.version}`,
    ctx.t('cli.usage'),
    '',
    ctx.t('cli.commandsTitle'),
    ...commands.map((c) => `  ${c.name.padEnd(width)}${ctx.t(c.summaryKey)}`),
    '',
    ctx.t('cli.globalOptions'),
    `  ${'-h, --help'.padEnd(width + 8)}${ctx.t('cli.helpOption')}`,
    `  ${'-v, --version'.padEnd(width + 8)}${ctx.t('cli.versionOption')}`,
    `  ${'--lang LANG'.padEnd(width + 8)}${ctx.t('cli.langOption')}`,
    '',
    ctx.t('cli.moreHelp')
  ]
  return `${lines.join('\n')}\n`
}

function commandHelp(command: CliCommand, ctx: CliContext): string {
  const rows = Object.entries(command.options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : ''}`
    return [flag, ctx.t(option.descriptionKey)] as const
  })
  rows.push(['--lang LANG', ctx.t('cli.langOption')], ['-h, --help', ctx.t('cli.helpOption')])
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2
  const lines = [
    ctx.t('cli.usageCommand', { synopsis: command.synopsis }),
    '',
    ctx.t(command.summaryKey),
    '',
    ctx.t('cli.globalOptions'),
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`)
  ]
  return `${lines.join('\n')}\n`
}
