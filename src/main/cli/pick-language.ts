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
 * the arguments so it works before the command as well as after it.
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
  let asked: string | undefined
  let missing = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      args.push(...argv.slice(i))
      break
    }
    if (arg === '--lang') {
      const value = argv[i + 1]
      if (value === undefined || value.startsWith('-')) missing = true
      else {
        asked = value
        i++
      }
    } else if (arg.startsWith('--lang=')) {
      asked = arg.slice('--lang='.length)
    } else {
      args.push(arg)
    }
  }
  const fallback = envLocale ?? DEFAULT_LOCALE
  if (asked !== undefined && isLocale(asked) && !missing) return { locale: asked, args }
  const base = { locale: fallback, args, ...(warning ? { warning } : {}) }
  if (missing) {
    return { ...base, error: { key: 'cli.langNeedsValue', params: { languages: LANGUAGES } } }
  }
  if (asked === undefined) return base
  return {
    ...base,
    error: { key: 'cli.badLanguage', params: { value: asked, languages: LANGUAGES } }
  }
}
