import type { InjectionKey } from 'vue'
import { createI18n } from 'vue-i18n'
import { catalog } from '@shared/i18n/catalog'
import { DEFAULT_LOCALE, type Locale } from '@shared/i18n/locales'

/**
 * vue-i18n over the whole shared catalog, so views can show messages of any
 * domain (app, cli, scenario diagnostics, engine) in the chosen language.
 */
export function createAppI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: catalog,
    // Messages are shown as text (Vue escapes them; nothing uses v-html), so
    // CLI usage lines such as "alloclab <command>" are not HTML.
    warnHtmlMessage: false
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/** The app provides its i18n under this key too, so stores can translate (useI18n needs a component). */
export const appI18nKey: InjectionKey<AppI18n> = Symbol('AppI18n')
