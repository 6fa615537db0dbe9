import { parseArgs } from 'node:util'
import type { MessageParams } from '@shared/i18n/translate'
import { closestWord } from '@shared/scenario/closest-word'
import { UsageError, type CliCommand, type CliOption, type CliValues } from './command'

type Translate = (key: string, params?: MessageParams) => string

export interface ParsedOptions {
  readonly values: CliValues
  readonly positionals: string[]
}

/** A value that starts with a dash but is a number (`--count -1`, `--seed -5`), not the next option. */
const NEGATIVE_NUMBER = /^-[\d.]/

/**
 * Parse `args` for `command`. node:util's parser does the splitting (in its
 * lenient mode, so `--count -1` reaches the command as the value "-1" and the
 * command can say what is wrong with it); every mistake it would have thrown
 * with an English text is checked here instead and becomes a UsageError that
 * names the option the way the user typed it and says what is expected.
 */
export function parseOptions(
  command: CliCommand,
  args: readonly string[],
  t: Translate
): ParsedOptions {
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options: command.options,
    allowPositionals: true,
    strict: false,
    tokens: true
  })
  const seen = new Set<string>()
  for (const token of tokens) {
    if (token.kind === 'positional' && !command.allowPositionals) {
      throw new UsageError(t('cli.unexpectedArgument', { arg: token.value }))
    }
    if (token.kind !== 'option') continue
    const option = command.options[token.name]
    if (!option) throw new UsageError(unknownOption(command, token.rawName, t))
    const flag = flagOf(token.name, option)
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(t('cli.takesNoValue', { option: flag }))
    } else if (token.value === undefined || takesNextOption(token.value, token.inlineValue)) {
      throw new UsageError(missingValue(command, flag, option, token.value, t))
    }
    if (!option.multiple && seen.has(token.name)) {
      throw new UsageError(t('cli.givenTwice', { option: flag }))
    }
    seen.add(token.name)
  }
  return { values: values as CliValues, positionals }
}

/** `--allocator (-a)`, or `--csv` for an option without a short form. */
export function flagOf(name: string, option: CliOption): string {
  return option.short ? `--${name} (-${option.short})` : `--${name}`
}

/** The lenient parser took the next word as the value although it is another option (`-a --json`). */
function takesNextOption(value: string, inline: boolean | undefined): boolean {
  return inline !== true && value.startsWith('-') && value !== '-' && !NEGATIVE_NUMBER.test(value)
}

function missingValue(
  command: CliCommand,
  flag: string,
  option: CliOption,
  nextWord: string | undefined,
  t: Translate
): string {
  const what = option.value ? t(option.value.key, option.value.params) : undefined
  const message = what
    ? t('cli.needsValue', { option: flag, value: what })
    : t('cli.needsValueBare', { option: flag })
  // "--name -x" may mean the value "-x": say how to write that, unless "-x" is an option anyway.
  if (nextWord === undefined || isOptionOf(command, nextWord)) return message
  const long = flag.split(' ')[0]!
  return `${message} ${t('cli.dashValueHint', { option: long })}`
}

function isOptionOf(command: CliCommand, word: string): boolean {
  const name = word.replace(/^--?/, '').split('=')[0]!
  return (
    word === '--' ||
    name in command.options ||
    Object.values(command.options).some((o) => o.short === name) ||
    name === 'help' ||
    name === 'h'
  )
}

function unknownOption(command: CliCommand, rawName: string, t: Translate): string {
  const names = Object.keys(command.options).map((name) => `--${name}`)
  const guess = rawName.startsWith('--') ? closestWord(rawName, names) : undefined
  return guess
    ? t('cli.unknownOptionGuess', { option: rawName, guess, command: command.name })
    : t('cli.unknownOption', { option: rawName, command: command.name })
}
