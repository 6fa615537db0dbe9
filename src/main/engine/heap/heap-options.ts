import type { ScenarioGeometry } from '@shared/scenario/program'
import type { FamilyOption, OptionValues } from '../family'
import {
  HEAP_DEFAULTS,
  INBAND_WORD_SIZES,
  LIST_KINDS,
  LIST_ORDER_NAMES,
  MAX_ARENA_BYTES,
  MERGE_RULES,
  META_MODES,
  REALLOC_RULES,
  SORT_RULES,
  SPLIT_RULES,
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
  },
  {
    key: 'sort',
    kind: 'choice',
    default: HEAP_DEFAULTS.sort,
    choices: SORT_RULES,
    descriptionKey: 'heap.option.sort'
  },
  {
    key: 'split',
    kind: 'choice',
    default: HEAP_DEFAULTS.split,
    choices: SPLIT_RULES,
    descriptionKey: 'heap.option.split'
  },
  {
    key: 'merge',
    kind: 'choice',
    default: HEAP_DEFAULTS.merge,
    choices: MERGE_RULES,
    descriptionKey: 'heap.option.merge'
  },
  {
    key: 'list',
    kind: 'choice',
    default: HEAP_DEFAULTS.list,
    choices: LIST_KINDS,
    descriptionKey: 'heap.option.list'
  },
  {
    key: 'realloc',
    kind: 'choice',
    default: HEAP_DEFAULTS.realloc,
    choices: REALLOC_RULES,
    descriptionKey: 'heap.option.realloc'
  },
  {
    key: 'word',
    kind: 'size',
    default: HEAP_DEFAULTS.word,
    min: 4,
    max: 8,
    descriptionKey: 'heap.option.word'
  },
  {
    key: 'grow',
    kind: 'size',
    default: HEAP_DEFAULTS.grow,
    min: 0,
    max: MAX_ARENA_BYTES,
    descriptionKey: 'heap.option.grow'
  },
  {
    key: 'limit',
    kind: 'size',
    default: HEAP_DEFAULTS.limit,
    min: 1,
    max: MAX_ARENA_BYTES,
    descriptionKey: 'heap.option.limit'
  },
  {
    key: 'prologue',
    kind: 'size',
    default: HEAP_DEFAULTS.prologue,
    min: 0,
    max: MAX_ARENA_BYTES,
    descriptionKey: 'heap.option.prologue'
  },
  {
    key: 'epilogue',
    kind: 'size',
    default: HEAP_DEFAULTS.epilogue,
    min: 0,
    max: MAX_ARENA_BYTES,
    descriptionKey: 'heap.option.epilogue'
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
  suggest('grow', geometry.growBytes)
  // A scenario that asks for a growing heap and no arena starts it at one chunk.
  if (!explicit.has('grow') && geometry.arenaBytes === undefined) {
    suggest('arena', geometry.growBytes)
  }
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
  const word = values.word as number
  const grow = values.grow as number
  const limit = values.limit as number
  const prologue = values.prologue as number
  const epilogue = values.epilogue as number
  const meta = values.meta === 'side' ? 'side' : 'inband'
  if ((align & (align - 1)) !== 0) return { key: 'heap.invalid.alignPowerOfTwo', params: { align } }
  if (meta === 'inband') {
    if (!(INBAND_WORD_SIZES as readonly number[]).includes(word)) {
      return { key: 'heap.invalid.word', params: { word } }
    }
    if (header < 2 * word || header % word !== 0) {
      return { key: 'heap.invalid.inbandHeader', params: { header, word, least: 2 * word } }
    }
    if (align < word) return { key: 'heap.invalid.inbandAlign', params: { align, word } }
    if (arena % word !== 0) return { key: 'heap.invalid.inbandArena', params: { arena, word } }
    const framing = [
      ['prologue', prologue],
      ['epilogue', epilogue],
      ...(grow > 0 ? [['limit', limit] as const] : [])
    ] as const
    for (const [option, value] of framing) {
      if (value % word !== 0) {
        return { key: 'heap.invalid.inbandMultiple', params: { option, value, word } }
      }
    }
    if (values.split === 'any') return { key: 'heap.invalid.splitAnyInband' }
  }
  if (values.merge === 'list' && values.list === 'implicit') {
    return { key: 'heap.invalid.listMergeImplicit' }
  }
  if (grow > 0 && limit < arena)
    return { key: 'heap.invalid.limitBelowArena', params: { limit, arena } }
  const min = minBlockFor(meta, header, word)
  if (arena - prologue - epilogue < min) {
    return prologue + epilogue > 0
      ? { key: 'heap.invalid.arenaTooSmallFramed', params: { arena, min, prologue, epilogue } }
      : { key: 'heap.invalid.arenaTooSmall', params: { arena, min } }
  }
  return undefined
}
