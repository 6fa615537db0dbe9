/**
 * fast-check arbitraries for scenario text, shared by the property tests:
 * lines drawn from the grammar (valid and slightly wrong), written with
 * random spacing, units, comments and blank lines, and mutations of them.
 * Test-only; nothing in the product imports it.
 */
import fc from 'fast-check'

const handle = fc.constantFrom('a', 'b', 'c', 'buf', 'x1', 'p', 'o', '缓存')
const cacheName = fc.constantFrom('inode', 'dentry', 'c')
const unit = fc.constantFrom('', '', 'B', 'K', 'k', 'KiB', 'kib', 'M', 'MiB', 'G')
const size = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), unit, fc.boolean())
  .map(([n, u, apart]) => (u === '' ? String(n) : apart ? `${n} ${u}` : `${n}${u}`))
const order = fc.integer({ min: 0, max: 12 }).map(String)
const space = fc.constantFrom(' ', '  ', '\t', ' \t ')
const comment = fc.constantFrom('', '', '', '# note', '#x', '# 注释 #2')

const statement = fc.oneof(
  fc.tuple(fc.constant('alloc'), handle, size),
  fc.tuple(fc.constant('realloc'), handle, size),
  fc.tuple(fc.constant('kmalloc'), handle, size),
  fc.tuple(fc.constant('free'), handle),
  fc.tuple(fc.constant('kfree'), handle),
  fc.tuple(fc.constant('pages'), handle, order),
  fc.tuple(fc.constant('free-pages'), handle),
  fc.tuple(
    fc.constant('cache'),
    cacheName,
    size,
    fc.constantFrom('', 'align 8', 'ctor 5 pages 2', 'align 16 dtor 1')
  ),
  fc.tuple(fc.constant('object'), handle, cacheName),
  fc.tuple(fc.constant('free-object'), handle),
  fc.tuple(fc.constant('shrink'), cacheName),
  fc.tuple(fc.constant('destroy'), cacheName),
  fc.tuple(fc.constant('name'), fc.constantFrom('Lesson 1', 'a  b', '场景')),
  fc.tuple(fc.constant('description'), fc.constantFrom('one line', 'two  words')),
  fc.tuple(fc.constantFrom('arena', 'base', 'page-size', 'grow'), size),
  fc.tuple(fc.constantFrom('frames', 'max-order'), order),
  fc.tuple(fc.constantFrom('aloc', 'Free', 'pages', 'alloc'))
)

const line = fc
  .tuple(fc.constantFrom('', ' ', '\t'), statement, space, comment, fc.boolean())
  .map(([indent, words, gap, note, blank]) => {
    if (blank) return note
    const text = words.filter((w) => w !== '').join(gap)
    return `${indent}${text}${note ? ` ${note}` : ''}`
  })

/** Lines from the grammar in random order: mostly wrong as a whole, good for error paths. */
export const shuffledScenarioText = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, newline]) => lines.join(newline))

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 6 })
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      ' ',
      '#',
      '\n',
      '0',
      '9',
      'K',
      'x',
      '-',
      '.',
      '_',
      'free ',
      '\u3000',
      '\ud800'
    )
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30 })
  })
)

const step = fc.record({
  action: fc.nat({ max: 11 }),
  pick: fc.nat({ max: 7 }),
  size,
  order,
  gap: space,
  note: comment
})

const header = fc.subarray([
  'name Lesson  one',
  'description first line',
  'description second line',
  'arena 64 KiB',
  'base 0x1000',
  'frames 4096',
  'page-size 4k',
  'max-order 10'
])

/**
 * Scenarios that follow the rules: requests only on handles and caches in the
 * right state, so most compile. Warnings (size 0, order above the maximum) can
 * appear; errors cannot.
 */
export const validScenarioText = fc
  .tuple(header, fc.array(step, { minLength: 10, maxLength: 80 }), fc.constantFrom('\n', '\r\n'))
  .map(([directives, steps, newline]) => {
    const lines = [...directives]
    /** Live handle name to the keyword that frees it; object handles map to their cache too. */
    const live = new Map<string, { release: string; cache?: string }>()
    const caches = new Map<string, number>()
    const cacheNames = ['inode', 'dentry', 'c']
    for (const { action, pick, size, order, gap, note } of steps) {
      const name = `h${pick}`
      const held = [...live.keys()]
      const victim = held[pick % Math.max(1, held.length)]
      const cache = cacheNames[pick % cacheNames.length]!
      const say = (...words: string[]): void => {
        lines.push(words.join(gap) + (note ? ` ${note}` : ''))
      }
      if (action <= 2 && !live.has(name)) {
        const keyword = ['alloc', 'kmalloc', 'pages'][action]!
        say(keyword, name, keyword === 'pages' ? order : size)
        live.set(name, { release: ['free', 'kfree', 'free-pages'][action]! })
      } else if (action <= 4 && victim !== undefined) {
        const { release, cache: owner } = live.get(victim)!
        say(release, victim)
        live.delete(victim)
        if (owner !== undefined) caches.set(owner, caches.get(owner)! - 1)
      } else if (action === 5 && victim !== undefined && live.get(victim)!.release === 'free') {
        say('realloc', victim, size)
      } else if (action === 6 && !caches.has(cache) && !size.startsWith('0')) {
        say('cache', cache, size, ...(pick % 2 ? ['align', '16', 'ctor', '3'] : []))
        caches.set(cache, 0)
      } else if (action === 7 && caches.has(cache) && !live.has(name)) {
        say('object', name, cache)
        live.set(name, { release: 'free-object', cache })
        caches.set(cache, caches.get(cache)! + 1)
      } else if (action === 8 && caches.has(cache)) {
        say('shrink', cache)
      } else if (action === 9 && caches.get(cache) === 0) {
        say('destroy', cache)
        caches.delete(cache)
      } else if (action === 10) {
        lines.push(note)
      }
    }
    return lines.join(newline)
  })

/** Rule-following scenarios and shuffled grammar lines. */
export const scenarioText = fc.oneof(validScenarioText, shuffledScenarioText)

/** Grammar scenarios with a few random edits: deleted, inserted and duplicated characters. */
export const mutatedScenarioText = fc
  .tuple(scenarioText, fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => {
    let out = text
    for (const edit of edits) {
      const at = out.length === 0 ? 0 : edit.at % (out.length + 1)
      if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + edit.length)
      else if (edit.kind === 'insert') out = out.slice(0, at) + edit.text + out.slice(at)
      else out = out.slice(0, at) + out.slice(at, at + edit.length) + out.slice(at)
    }
    return out
  })
