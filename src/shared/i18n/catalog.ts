/**
 * Every user-visible string, in every language. Each domain (app, cli,
 * scenario, engine...) has one file per language; the Chinese file declares
 * `satisfies typeof en`, so a missing or extra key fails the typecheck.
 * The renderer hands these to vue-i18n; Node code uses `translate`.
 */
import enCli from './en/cli'
import zhCli from './zh-CN/cli'
import type { Locale } from './locales'

export const catalog = {
  en: { cli: enCli },
  'zh-CN': { cli: zhCli }
} satisfies Record<Locale, unknown>

export type MessageSchema = (typeof catalog)['en']
