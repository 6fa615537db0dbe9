import type { ScenarioGeometry } from '@shared/scenario/program'
import type { FamilyOption, OptionValues } from '../family'
import {
  HEAP_DEFAULTS,
  INBAND_WORD,
  LIST_ORDER_NAMES,
  MAX_ARENA_BYTES,
  META_MODES,
  minBlockFor
} from './heap-config'

/** The options every fit policy shares, as `alloclab allocators` lists them. */
export const HEAP_OPTIONS: readonly FamilyOption[] = [
  {
    key: 'arena',
    kind: 'size',
    default: HEAP_DEFAULTS.arena,
    min: 1,
    max: MAX_ARENA_BYTES,
    unit: 'bytes',
    descriptionKey: 'heap.option.arena'
  },
  {
    key: 'base',
    kind: 'integer',
    default: HEAP_DEFAULTS.base,
    min: 0,
    max: 2 ** 48,
    unit: 'address',
    descriptionKey: 'heap.option.base'
  },
  {
    key: 'header',
    kind: 'size',
    default: HEAP_DEFAULTS.header,
    min: 0,
    max: 4096,
    unit: 'bytes',
    descriptionKey: 'heap.option.header'
  },
  {
    key: 'align',
    kind: 'size',
    default: HEAP_DEFAULTS.align,
    min: 1,
    max: 4096,
    unit: 'bytes',
    powerOfTwo: true,
    descriptionKey: 'heap.option.align'
  },
  {
    key: 'order',
    kind: 'choice',
    default: HEAP_DEFAULTS.order,
    choices: LIST_ORDER_NAMES,
    descriptionKey: 'heap.option.order'
  },
  {
    key: 'coalesce',
    kind: 'switch',
    default: HEAP_DEFAULTS.coalesce,
    descriptionKey: 'heap.option.coalesce'
  },
  {
    key: 'meta',
    kind: 'choice',
    default: HEAP_DEFAULTS.meta,
    choices: META_MODES,
    descriptionKey: 'heap.option.meta'
  },
  {
    key: 'page',
    kind: 'size',
    default: HEAP_DEFAULTS.page,
    min: 1,
    max: MAX_ARENA_BYTES,
    unit: 'bytes',
    descriptionKey: 'heap.option.page'
  }
]

/** Defaults first, then the scenario's geometry for every key the user left unset. */
export function applyHeapGeometry(
  values: OptionValues,
  explicit: ReadonlySet<string>,
  geometry: ScenarioGeometry
): OptionValues {
  const filled = withHeapDefaults(values)
  const suggest = (key: string, value: number | undefined): void => {
    if (value !== undefined && !explicit.has(key)) filled[key] = value
  }
  suggest('arena', geometry.arenaBytes)
  suggest('base', geometry.baseAddress)
  suggest('page', geometry.pageSize)
  return filled
}

function withHeapDefaults(values: OptionValues): Record<string, number | string | boolean> {
  const filled: Record<string, number | string | boolean> = {}
  for (const option of HEAP_OPTIONS) filled[option.key] = values[option.key] ?? option.default
  return filled
}

type Problem = { key: string; params?: Record<string, string | number> }

/** Checks one option alone cannot make, plus whole-number and range checks for safety. */
export function validateHeapOptions(given: OptionValues): Problem | undefined {
  const values = withHeapDefaults(given)
  for (const option of HEAP_OPTIONS) {
    const value = values[option.key]
    if (option.kind === 'size' || option.kind === 'integer') {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return {
          key: 'heap.invalid.notWhole',
          params: { option: option.key, value: String(value) }
        }
      }
      if (
        (option.min !== undefined && value < option.min) ||
        (option.max !== undefined && value > option.max)
      ) {
        return {
          key: 'heap.invalid.outOfRange',
          params: { option: option.key, value, min: option.min ?? 0, max: option.max ?? value }
        }
      }
    } else if (option.kind === 'choice' && !option.choices?.includes(String(value))) {
      return {
        key: 'heap.invalid.choice',
        params: {
          option: option.key,
          value: String(value),
          choices: option.choices?.join(', ') ?? ''
        }
      }
    }
  }
  const arena = values.arena as number
  const header = values.header as number
  const align = values.align as number
  const meta = values.meta === 'side' ? 'side' : 'inband'
  if ((align & (align - 1)) !== 0) return { key: 'heap.invalid.alignPowerOfTwo', params: { align } }
  if (meta === 'inband') {
    if (header < 2 * INBAND_WORD || header % INBAND_WORD !== 0) {
      return { key: 'heap.invalid.inbandHeader', params: { header } }
    }
    if (align < INBAND_WORD) return { key: 'heap.invalid.inbandAlign', params: { align } }
    if (arena % INBAND_WORD !== 0) return { key: 'heap.invalid.inbandArena', params: { arena } }
  }
  const min = minBlockFor(meta, header)
  if (arena < min) return { key: 'heap.invalid.arenaTooSmall', params: { arena, min } }
  return undefined
}
