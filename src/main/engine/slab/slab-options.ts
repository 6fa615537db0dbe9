import type { FamilyOption, OptionValues } from '../family'
import {
  frameOptions,
  isPowerOfTwo,
  numberOption,
  readFrameGeometry,
  validateFrameGeometry
} from '../buddy/frame-options'
import type { SlabConfig } from './slab-allocator'

export const DEFAULT_CACHE_LINE = 64
export const MIN_CACHE_LINE = 8
export const MAX_CACHE_LINE = 4096

/** The frame options plus the two that shape slabs: colouring and the cache line it steps by. */
export const slabOptions: readonly FamilyOption[] = [
  ...frameOptions,
  {
    key: 'colour',
    kind: 'switch',
    default: true,
    descriptionKey: 'pages.option.colour'
  },
  {
    key: 'cache-line',
    kind: 'size',
    default: DEFAULT_CACHE_LINE,
    min: MIN_CACHE_LINE,
    max: MAX_CACHE_LINE,
    unit: 'bytes',
    powerOfTwo: true,
    descriptionKey: 'pages.option.cacheLine'
  }
]

export function readSlabConfig(values: OptionValues): SlabConfig {
  const colour = values['colour']
  return {
    ...readFrameGeometry(values),
    cacheLine: numberOption(values, 'cache-line', DEFAULT_CACHE_LINE),
    colouring: typeof colour === 'boolean' ? colour : true
  }
}

export function validateSlabOptions(
  values: OptionValues
): { key: string; params?: Record<string, string | number> } | undefined {
  const frameProblem = validateFrameGeometry(values)
  if (frameProblem !== undefined) return frameProblem
  const { cacheLine } = readSlabConfig(values)
  if (!isPowerOfTwo(cacheLine) || cacheLine < MIN_CACHE_LINE || cacheLine > MAX_CACHE_LINE) {
    return {
      key: 'pages.invalid.cacheLine',
      params: { option: 'cache-line', value: cacheLine, min: MIN_CACHE_LINE, max: MAX_CACHE_LINE }
    }
  }
  return undefined
}
