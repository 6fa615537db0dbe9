import { catalog } from './catalog'
import { DEFAULT_LOCALE, type Locale } from './locales'

export type MessageParams = Readonly<Record<string, string | number>>

/**
 * Look up `key` (dot path, e.g. "cli.unknownCommand") and fill `{name}`
 * placeholders, the same syntax vue-i18n uses in the renderer. A missing key
 * falls back to English, then to the key itself, so a message is never empty.
 */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const template = lookup(catalog[locale], key) ?? lookup(catalog[DEFAULT_LOCALE], key) ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  )
}

function lookup(root: unknown, key: string): string | undefined {
  let node: unknown = root
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** A translator bound to one locale. */
export function translator(locale: Locale): (key: string, params?: MessageParams) => string {
  return (key, params) => translate(locale, key, params)
}
