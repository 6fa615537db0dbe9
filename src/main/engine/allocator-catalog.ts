import type {
  AllocatorCatalog,
  AllocatorFamilyInfo,
  AllocatorOptionInfo,
  AllocatorPresetInfo,
  LocalizedText
} from '@shared/allocator-catalog'
import { LOCALES } from '@shared/i18n/locales'
import { translate } from '@shared/i18n/translate'
import type { ScenarioGeometry } from '@shared/scenario/program'
import {
  SpecError,
  formatOptionValue,
  normalizeSpec,
  parseAllocatorSpec,
  resolveAllocatorValues
} from './allocator-spec'
import type { AllocatorFamily, FamilyOption, OptionValues } from './family'
import type { AllocatorPreset } from './preset'

/** A message in every language, so clients without the catalog can show it. */
function everyLanguage(key: string): LocalizedText {
  const text: Partial<Record<(typeof LOCALES)[number], string>> = {}
  for (const locale of LOCALES) text[locale] = translate(locale, key)
  return text as LocalizedText
}

function optionInfo(option: FamilyOption): AllocatorOptionInfo {
  return {
    key: option.key,
    kind: option.kind,
    default: option.default,
    defaultText: formatOptionValue(option, option.default),
    min: option.min ?? null,
    max: option.max ?? null,
    unit: option.unit ?? null,
    choices: option.choices ? [...option.choices] : null,
    powerOfTwo: option.powerOfTwo ?? false,
    descriptionKey: option.descriptionKey,
    description: everyLanguage(option.descriptionKey)
  }
}

function familyInfo(family: AllocatorFamily): AllocatorFamilyInfo {
  return {
    name: family.name,
    kind: family.kind,
    summaryKey: family.summaryKey,
    summary: everyLanguage(family.summaryKey),
    options: family.options.map(optionInfo)
  }
}

function presetInfo(preset: AllocatorPreset): AllocatorPresetInfo {
  return {
    id: preset.id,
    labelKey: preset.labelKey,
    label: everyLanguage(preset.labelKey),
    descriptionKey: preset.descriptionKey,
    description: everyLanguage(preset.descriptionKey),
    specs: [...preset.specs]
  }
}

/** Every family and preset as `allocators:list` answers, read off the registry itself. */
export function allocatorCatalog(
  families: readonly AllocatorFamily[],
  presets: readonly AllocatorPreset[]
): AllocatorCatalog {
  return { families: families.map(familyInfo), presets: presets.map(presetInfo) }
}

export interface SpecCheck {
  readonly label: string | null
  readonly family: string | null
  readonly values: OptionValues | null
  readonly error: {
    readonly key: string
    readonly params: Record<string, string | number>
    readonly option: string | null
  } | null
}

/**
 * Resolve a spec the way a run would, without running it: its canonical
 * text and values, or the reason it cannot run and, when one option is to
 * blame, which (so the window can show the message at that field).
 */
export function checkSpec(
  text: string,
  families: readonly AllocatorFamily[],
  geometry: ScenarioGeometry
): SpecCheck {
  try {
    const spec = parseAllocatorSpec(text, families)
    const values = resolveAllocatorValues(spec, geometry)
    return {
      label: normalizeSpec(spec.family, values),
      family: spec.family.name,
      values,
      error: null
    }
  } catch (error) {
    if (!(error instanceof SpecError)) throw error
    const family = families.find((f) => text.trim().startsWith(`${f.name}`)) ?? null
    const message = error.inner ?? { key: error.messageKey, params: error.params }
    const params = { ...(message.params ?? {}) }
    return {
      label: null,
      family: family?.name ?? null,
      values: null,
      error: { key: message.key, params, option: blamedOption(params, family) }
    }
  }
}

/**
 * Which option a spec error is about. Spec errors name it as `key`, the
 * families' whole-config checks as `option` or by the option's own name
 * (`{header}`, `{align}`); a message naming none is about the whole spec.
 */
function blamedOption(
  params: Record<string, string | number>,
  family: AllocatorFamily | null
): string | null {
  if (!family) return null
  const keys = family.options.map((o) => o.key)
  for (const name of ['key', 'option']) {
    const value = params[name]
    if (typeof value === 'string' && keys.includes(value)) return value
  }
  return keys.find((key) => key in params) ?? null
}
