import type { ScenarioGeometry } from '@shared/scenario/program'
import type { FamilyOption, OptionValues } from '../family'
import { MAX_ORDER_LIMIT } from './page-order'

/** Geometry of a frame pool: how many frames, how big, and the largest buddy order. */
export interface FrameGeometry {
  readonly frames: number
  readonly pageSize: number
  readonly maxOrder: number
}

export const MAX_FRAMES = 1 << 22
export const MIN_PAGE_SIZE = 16
export const MAX_PAGE_SIZE = 1 << 20

export const DEFAULT_FRAME_GEOMETRY: FrameGeometry = { frames: 1024, pageSize: 4096, maxOrder: 10 }

/** The options every page-frame family shares. */
export const frameOptions: readonly FamilyOption[] = [
  {
    key: 'frames',
    kind: 'integer',
    default: DEFAULT_FRAME_GEOMETRY.frames,
    min: 1,
    max: MAX_FRAMES,
    unit: 'frames',
    descriptionKey: 'pages.option.frames'
  },
  {
    key: 'page',
    kind: 'size',
    default: DEFAULT_FRAME_GEOMETRY.pageSize,
    min: MIN_PAGE_SIZE,
    max: MAX_PAGE_SIZE,
    unit: 'bytes',
    powerOfTwo: true,
    descriptionKey: 'pages.option.page'
  },
  {
    key: 'max-order',
    kind: 'integer',
    default: DEFAULT_FRAME_GEOMETRY.maxOrder,
    min: 0,
    max: MAX_ORDER_LIMIT,
    unit: 'order',
    descriptionKey: 'pages.option.maxOrder'
  }
]

/** Fill frames, page and max-order from the scenario where the user did not set them. */
export function applyFrameGeometry(
  values: OptionValues,
  explicit: ReadonlySet<string>,
  geometry: ScenarioGeometry
): OptionValues {
  const result: Record<string, number | string | boolean> = { ...values }
  if (!explicit.has('frames') && geometry.frames !== undefined) result['frames'] = geometry.frames
  if (!explicit.has('page') && geometry.pageSize !== undefined) result['page'] = geometry.pageSize
  if (!explicit.has('max-order') && geometry.maxOrder !== undefined) {
    result['max-order'] = geometry.maxOrder
  }
  return result
}

/** Read the frame geometry out of option values, with defaults for missing keys. */
export function readFrameGeometry(values: OptionValues): FrameGeometry {
  return {
    frames: numberOption(values, 'frames', DEFAULT_FRAME_GEOMETRY.frames),
    pageSize: numberOption(values, 'page', DEFAULT_FRAME_GEOMETRY.pageSize),
    maxOrder: numberOption(values, 'max-order', DEFAULT_FRAME_GEOMETRY.maxOrder)
  }
}

export function numberOption(values: OptionValues, key: string, fallback: number): number {
  const value = values[key]
  return typeof value === 'number' ? value : fallback
}

export function isPowerOfTwo(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= 2 ** 30 && (value & (value - 1)) === 0
}

/** Checks shared by buddy and slab: an i18n key and params, or undefined when the geometry is sound. */
export function validateFrameGeometry(
  values: OptionValues
): { key: string; params?: Record<string, string | number> } | undefined {
  const { frames, pageSize, maxOrder } = readFrameGeometry(values)
  if (!Number.isInteger(frames) || frames < 1 || frames > MAX_FRAMES) {
    return {
      key: 'pages.invalid.frames',
      params: { option: 'frames', value: frames, max: MAX_FRAMES }
    }
  }
  if (!isPowerOfTwo(pageSize) || pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
    return {
      key: 'pages.invalid.page',
      params: { option: 'page', value: pageSize, min: MIN_PAGE_SIZE, max: MAX_PAGE_SIZE }
    }
  }
  if (!Number.isInteger(maxOrder) || maxOrder < 0 || maxOrder > MAX_ORDER_LIMIT) {
    return {
      key: 'pages.invalid.maxOrder',
      params: { option: 'max-order', value: maxOrder, max: MAX_ORDER_LIMIT }
    }
  }
  return undefined
}
