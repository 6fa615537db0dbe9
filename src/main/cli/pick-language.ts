import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '@shared/i18n/locales'
import type { MessageParams } from '@shared/i18n/translate'

/** A message to show (in the chosen language) before anything else happens. */
export interface LanguageProblem {
  readonly key: string
  readonly params: MessageParams
}

export interface LanguageChoice {
  readonly locale: Locale
  /** The command line without any `--lang`, for the command's own parser. */
  readonly args: readonly string[]
  /** A bad `--lang`: a usage error, exit 2. */
  readonly error?: LanguageProblem
  /** A bad ALLOCLAB_LANG: said once, then the default language is used. */
  readonly warning?: LanguageProblem
}

const LANGUAGES = LOCALES.join(', ')

/**
 * The language of messages: the last `--lang LANG` or `--lang=LANG` anywhere
 * before a `--`, else ALLOCLAB_LANG, else English. `--lang` is taken out of
 * the arguments so it works before the command as well as after it. Any
 * `--lang` without a value, or with one AllocLab does not speak, is an error.
 */
export function pickLanguage(
  argv: readonly string[],
  envLanguage: string | undefined
): LanguageChoice {
  const envLocale = isLocale(envLanguage) ? envLanguage : undefined
  const warning =
    envLanguage !== undefined && envLanguage !== '' && envLocale === undefined
      ? { key: 'cli.badEnvLanguage', params: { value: envLanguage, languages: LANGUAGES } }
      : undefined
  const args: string[] = []
  let chosen: Locale | undefined
  let unknown: string | undefined
  let missing = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      args.push(...argv.slice(i))
      break
    }
    let value: string | undefined
    if (arg === '--lang') {
      const next = argv[i + 1]
      if (next === undefined || next.startsWith('-')) missing = true
      else value = argv[++i]
    } else if (arg.startsWith('--lang=')) {
      value = arg.slice('--lang='.length)
    } else {
      args.push(arg)
      continue
    }
    if (isLocale(value)) chosen = value
    else if (value !== undefined) unknown ??= value
  }
  if (chosen !== undefined && unknown === undefined && !missing) return { locale: chosen, args }
  const base = { locale: envLocale ?? DEFAULT_LOCALE, args, ...(warning ? { warning } : {}) }
  if (unknown !== undefined) {
    return {
      ...base,
      error: { key: 'cli.badLanguage', params: { value: unknown, languages: LANGUAGES } }
    }
  }
  if (missing) {
    return { ...base, error: { key: 'cli.langNeedsValue', params: { languages: LANGUAGES } } }
  }
  return base
}
