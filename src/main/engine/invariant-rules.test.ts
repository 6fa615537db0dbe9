import { describe, expect, it } from 'vitest'
import { catalog } from '@shared/i18n/catalog'
import { LOCALES } from '@shared/i18n/locales'
import { translate } from '@shared/i18n/translate'
import { InvariantFailure } from './invariant-failure'
import {
  INVARIANT_KEY_PREFIX,
  INVARIANT_RULES,
  invariantKey,
  type InvariantFamily
} from './invariant-rules'

const FAMILIES = Object.keys(INVARIANT_RULES) as InvariantFamily[]

function rulesOf(family: InvariantFamily): [string, readonly string[]][] {
  return Object.entries(INVARIANT_RULES[family])
}

function messageAt(locale: (typeof LOCALES)[number], key: string): unknown {
  let node: unknown = catalog[locale]
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return node
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort()
}

describe('invariant rules', () => {
  for (const family of FAMILIES) {
    for (const [rule, params] of rulesOf(family)) {
      const key = invariantKey(family, rule)
      it(`${key} has a message in every language that takes exactly its params`, () => {
        for (const locale of LOCALES) {
          const template = messageAt(locale, key)
          expect(typeof template, `${locale} ${key}`).toBe('string')
          expect(placeholders(template as string), `${locale} ${key}`).toEqual([...params].sort())
          const filled = Object.fromEntries(params.map((name, i) => [name, i + 1]))
          expect(translate(locale, key, filled), `${locale} ${key}`).not.toMatch(/[{}]/)
        }
      })
    }
  }

  it('leave config, step and line to the run that reports them', () => {
    for (const family of FAMILIES) {
      for (const [rule, params] of rulesOf(family)) {
        expect(params, `${family}.${rule}`).not.toContain('config')
        expect(params, `${family}.${rule}`).not.toContain('step')
        expect(params, `${family}.${rule}`).not.toContain('line')
      }
    }
  })

  it('have no message in the catalog that no rule uses', () => {
    for (const family of FAMILIES) {
      const prefix = INVARIANT_KEY_PREFIX[family]
      for (const locale of LOCALES) {
        const messages = messageAt(locale, prefix) as Record<string, unknown>
        expect(Object.keys(messages).sort(), `${locale} ${prefix}`).toEqual(
          Object.keys(INVARIANT_RULES[family]).sort()
        )
      }
    }
  })

  it('make a failure that carries its key and params and says them in English', () => {
    const failure = new InvariantFailure('buddy', 'freeCount', { order: 3, counted: 2, listed: 1 })
    expect(failure).toMatchObject({
      family: 'buddy',
      rule: 'freeCount',
      key: 'pages.invariant.buddy.freeCount',
      params: { order: 3, counted: 2, listed: 1 }
    })
    expect(failure.message).toBe(
      'Free counts must match the lists: free_area[3] counts 2 blocks but holds 1.'
    )
  })
})
