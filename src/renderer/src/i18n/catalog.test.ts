import { describe, expect, it } from 'vitest'
import { catalog } from '@shared/i18n/catalog'
import { LOCALES, type Locale } from '@shared/i18n/locales'
import { translate } from '@shared/i18n/translate'
import { createAppI18n } from './create-app-i18n'

/** Every message in a tree of messages, as dot path → text. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const messages = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object') {
      for (const [inner, text] of flatten(value, path)) messages.set(inner, text)
    } else {
      messages.set(path, value)
    }
  }
  return messages
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort()
}

const english = flatten(catalog.en)

describe('the message catalog', () => {
  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    'has exactly the English keys in %s',
    (locale) => {
      expect([...flatten(catalog[locale]).keys()].sort()).toEqual([...english.keys()].sort())
    }
  )

  it.each(LOCALES)('has a non-empty text for every message in %s', (locale) => {
    const empty = [...flatten(catalog[locale])].filter(
      ([, text]) => typeof text !== 'string' || text.trim() === ''
    )
    expect(empty).toEqual([])
  })

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    'uses the same placeholders as English in %s',
    (locale) => {
      const translated = flatten(catalog[locale])
      const mismatched = [...english]
        .filter(([key, text]) => {
          const other = translated.get(key)
          return (
            typeof other === 'string' &&
            placeholders(String(text)).join() !== placeholders(other).join()
          )
        })
        .map(([key]) => key)
      expect(mismatched).toEqual([])
    }
  )

  it.each(LOCALES)(
    'reads the same through vue-i18n as through translate() in %s',
    (locale: Locale) => {
      // vue-i18n gives `|`, `@` and braces meanings of their own; a message that
      // trips over them would show differently in the window than in the CLI.
      const i18n = createAppI18n(locale)
      const differing = [...english.keys()].filter((key) => {
        const params = Object.fromEntries(
          placeholders(String(english.get(key))).map((name) => [name, `<${name}>`])
        )
        return i18n.global.t(key, params) !== translate(locale, key, params)
      })
      expect(differing).toEqual([])
    }
  )
})
