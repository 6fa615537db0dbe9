import { translator } from '@shared/i18n/translate'
import { LabError } from '@shared/lab-error'
import { closestWord } from '@shared/scenario/closest-word'
import { UsageError, type CliCommand, type CliContext, type CliIo } from './command'
import { parseOptions } from './parse-options'
import { pickLanguage } from './pick-language'
import { visibleParams, visibleText } from './visible-text'

/**
 * Dispatch `argv` (without node and script) to a command and return the exit
 * code. Bad usage always ends with a one-line message on stderr and code 2;
 * code 1 with a request to report it is left for AllocLab's own failures.
 */
export async function runCli(
  argv: readonly string[],
  commands: readonly CliCommand[],
  io: CliIo,
  version: string
): Promise<number> {
  const language = pickLanguage(argv, process.env['ALLOCLAB_LANG'])
  const locale = language.locale
  const translate = translator(locale)
  const ctx: CliContext = {
    ...io,
    // Whatever reaches stderr is for people: no raw control character gets through.
    stderr: (text) => io.stderr(visibleText(text, 'lines')),
    locale,
    t: (key, params) => translate(key, visibleParams(params)),
    version
  }
  const t = ctx.t
  if (language.warning) ctx.stderr(`${t(language.warning.key, language.warning.params)}\n`)
  if (language.error) {
    ctx.stderr(`${t('cli.problem', { message: t(language.error.key, language.error.params) })}\n`)
    return 2
  }
  const [first, ...rest] = language.args

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
    if (first.startsWith('-')) {
      ctx.stderr(`${t('cli.unknownGlobalOption', { option: first })}\n`)
      return 2
    }
    const guess = closestWord(
      first,
      commands.map((c) => c.name)
    )
    ctx.stderr(
      `${t('cli.unknownCommand', { name: first })}${guess ? ` ${t('cli.didYouMean', { name: guess })}` : ''}\n`
    )
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command, ctx))
    return 0
  }

  try {
    // A command that reads its own arguments (malloc.py's flags) gets them as they are.
    const { values, positionals } = command.ownArguments
      ? { values: {}, positionals: [...rest] }
      : parseOptions(command, rest, t)
    return await command.run(values, positionals, ctx)
  } catch (error) {
    const userError = describeUserError(error, ctx)
    if (userError !== undefined) {
      ctx.stderr(`${t('cli.badArguments', { command: command.name, message: userError })}\n`)
      return 2
    }
    const message = error instanceof Error ? error.message : String(error)
    ctx.stderr(`${t('cli.internalError', { command: command.name, message })}\n`)
    return 1
  }
}

/** The message of an error the user can fix (bad usage or input), or undefined for AllocLab's own failures. */
function describeUserError(error: unknown, ctx: CliContext): string | undefined {
  if (error instanceof UsageError) return error.message
  if (error instanceof LabError && error.code !== 'internal') return ctx.t(error.key, error.params)
  return undefined
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
