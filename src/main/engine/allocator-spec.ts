import { translate, type MessageParams } from '@shared/i18n/translate'
import type { Locale } from '@shared/i18n/locales'
import type { ScenarioGeometry } from '@shared/scenario/program'
import { closestWord } from '@shared/scenario/closest-word'
import { NumberReader, formatSize, parseSize } from '@shared/scenario/size'
import type { AllocatorFamily, FamilyOption, OptionValues } from './family'

/**
 * An allocator configuration as written on the command line or in a run
 * request: `family:key=value,key=value`. Parsing fills every option the text
 * leaves out with its default and remembers which keys were explicit, so the
 * scenario's geometry can fill the rest later.
 */
export interface AllocatorSpec {
  readonly family: AllocatorFamily
  /** Every option of the family, explicit or default. */
  readonly values: OptionValues
  /** Keys the text set. */
  readonly explicit: ReadonlySet<string>
  /** The text as given. */
  readonly text: string
}

/** A bad spec; the message is rendered from an `engine.spec.*` key in the reader's language. */
export class SpecError extends Error {
  override name = 'SpecError'
  constructor(
    readonly messageKey: string,
    readonly params: MessageParams,
    /** A family's own message, rendered into the `{message}` placeholder. */
    readonly inner?: { readonly key: string; readonly params?: MessageParams }
  ) {
    super()
    this.message = this.describe('en')
  }

  describe(locale: Locale): string {
    const inner = this.inner ? translate(locale, this.inner.key, this.inner.params) : ''
    return translate(locale, this.messageKey, { ...this.params, message: inner })
  }
}

/**
 * The candidate the user most likely meant: a near spelling, the same letters
 * swapped around ("arean"), or the only candidate that starts with the input.
 */
function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (input === '') return undefined
  const near = closestWord(input, candidates)
  if (near !== undefined) return near
  const letters = sortedLetters(input)
  const shuffled = candidates.find((c) => sortedLetters(c) === letters)
  if (shuffled !== undefined) return shuffled
  const prefixed = candidates.filter((c) => c.startsWith(input.toLowerCase()))
  return prefixed.length === 1 ? prefixed[0] : undefined
}

function sortedLetters(word: string): string {
  return [...word.toLowerCase()].sort().join('')
}

const SWITCH_WORDS: Readonly<Record<string, boolean>> = {
  on: true,
  off: false,
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false
}

export function parseAllocatorSpec(
  text: string,
  families: readonly AllocatorFamily[]
): AllocatorSpec {
  const spec = text.trim()
  const colon = spec.indexOf(':')
  const name = (colon < 0 ? spec : spec.slice(0, colon)).trim()
  const family = families.find((f) => f.name === name)
  if (!family) {
    const names = families.map((f) => f.name)
    const guess = suggest(name, names)
    if (name === '')
      throw new SpecError('engine.spec.missingFamily', { spec, families: names.join(', ') })
    throw new SpecError(guess ? 'engine.spec.unknownFamilyGuess' : 'engine.spec.unknownFamily', {
      spec,
      family: name,
      guess: guess ?? '',
      families: names.join(', ')
    })
  }

  const values: Record<string, number | string | boolean> = {}
  for (const option of family.options) values[option.key] = option.default
  const explicit = new Set<string>()
  const body = colon < 0 ? '' : spec.slice(colon + 1).trim()
  if (body !== '') {
    for (const rawPart of body.split(',')) {
      const part = rawPart.trim()
      const equals = part.indexOf('=')
      if (equals < 0) throw new SpecError('engine.spec.missingEquals', { spec, part })
      const key = part.slice(0, equals).trim()
      const raw = part.slice(equals + 1).trim()
      const option = family.options.find((o) => o.key === key)
      if (!option) {
        const keys = family.options.map((o) => o.key)
        const guess = suggest(key, keys)
        throw new SpecError(
          guess ? 'engine.spec.unknownOptionGuess' : 'engine.spec.unknownOption',
          {
            spec,
            family: family.name,
            key,
            guess: guess ?? '',
            keys: keys.join(', ')
          }
        )
      }
      if (explicit.has(key)) throw new SpecError('engine.spec.duplicateOption', { spec, key })
      values[key] = parseOptionValue(spec, option, raw)
      explicit.add(key)
    }
  }
  return { family, values, explicit, text: spec }
}

function parseOptionValue(
  spec: string,
  option: FamilyOption,
  raw: string
): number | string | boolean {
  const at = { spec, key: option.key, value: raw }
  if (raw === '') throw new SpecError('engine.spec.emptyValue', at)
  switch (option.kind) {
    case 'switch': {
      const value = SWITCH_WORDS[raw.toLowerCase()]
      if (value === undefined) throw new SpecError('engine.spec.badSwitch', at)
      return value
    }
    case 'choice': {
      const choices = option.choices ?? []
      const chosen = choices.find((c) => c.toLowerCase() === raw.toLowerCase())
      if (chosen !== undefined) return chosen
      const guess = suggest(raw, choices)
      throw new SpecError(guess ? 'engine.spec.badChoiceGuess' : 'engine.spec.badChoice', {
        ...at,
        guess: guess ?? '',
        choices: choices.join(', ')
      })
    }
    case 'integer': {
      const value = parseInteger(raw)
      if (value === undefined) throw new SpecError('engine.spec.badInteger', at)
      return checkRange(spec, option, raw, value)
    }
    case 'size': {
      const bytes = parseSize(raw)
      if (bytes === undefined) throw new SpecError('engine.spec.badSize', at)
      return checkRange(spec, option, raw, bytes)
    }
  }
}

/** A whole number as the scenario language writes one (`4096`, `1_000`, `0x3e8`), optionally negative. */
function parseInteger(raw: string): number | undefined {
  const negative = raw.startsWith('-')
  const reader = new NumberReader()
  if (!reader.read(raw, negative ? 1 : 0, raw.length, false)) return undefined
  return negative ? -reader.value : reader.value
}

function checkRange(spec: string, option: FamilyOption, raw: string, value: number): number {
  const below = option.min !== undefined && value < option.min
  const above = option.max !== undefined && value > option.max
  if (below || above || !Number.isSafeInteger(value)) {
    throw new SpecError('engine.spec.outOfRange', {
      spec,
      key: option.key,
      value: raw,
      min: formatOptionValue(option, option.min ?? -Infinity),
      max: formatOptionValue(option, option.max ?? Infinity)
    })
  }
  return value
}

/**
 * The values a run uses: the spec's, with options the user left out filled
 * from the scenario's geometry, then the family's cross-option checks.
 */
export function resolveAllocatorValues(
  spec: AllocatorSpec,
  geometry: ScenarioGeometry
): OptionValues {
  const values = spec.family.applyGeometry(spec.values, spec.explicit, geometry)
  const problem = spec.family.validate(values)
  if (problem) {
    throw new SpecError('engine.spec.invalidConfig', { spec: spec.text }, problem)
  }
  return values
}

/** The canonical text of a config: every option, in the order the family lists them. */
export function normalizeSpec(family: AllocatorFamily, values: OptionValues): string {
  const parts = family.options.map(
    (option) => `${option.key}=${formatOptionValue(option, values[option.key] ?? option.default)}`
  )
  return parts.length > 0 ? `${family.name}:${parts.join(',')}` : family.name
}

export function formatOptionValue(option: FamilyOption, value: number | string | boolean): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞'
    return option.kind === 'size' ? formatSize(value) : String(value)
  }
  return value
}
