import { REGION_ALIGN, alignUp, type FramePool } from './frame-pool'

/** The typed arrays a region of the frame pool can be viewed as. */
interface RegionViews {
  int8: Int8Array
  uint8: Uint8Array
  uint16: Uint16Array
  int32: Int32Array
  float64: Float64Array
}
type RegionKind = keyof RegionViews

const ELEMENT_BYTES: Readonly<Record<RegionKind, number>> = {
  int8: 1,
  uint8: 1,
  uint16: 2,
  int32: 4,
  float64: 8
}

/** One region: what its elements are and how many of them. */
export interface Region<K extends RegionKind = RegionKind> {
  readonly kind: K
  readonly count: number
}

/**
 * The regions a structure keeps in the frame pool, named by the view each
 * becomes, in carve order. One description gives the pool's size, the
 * structure's views and its metadata bytes, so the three cannot disagree.
 */
export type RegionLayout = Readonly<Record<string, Region>>

export type LayoutViews<L extends RegionLayout> = {
  readonly [N in keyof L]: RegionViews[L[N]['kind']]
}

export const int8 = (count: number): Region<'int8'> => ({ kind: 'int8', count })
export const uint8 = (count: number): Region<'uint8'> => ({ kind: 'uint8', count })
export const uint16 = (count: number): Region<'uint16'> => ({ kind: 'uint16', count })
export const int32 = (count: number): Region<'int32'> => ({ kind: 'int32', count })
export const float64 = (count: number): Region<'float64'> => ({ kind: 'float64', count })

/** Bytes of each region in carve order, for FramePool.bytesFor. */
export function layoutRegionBytes(layout: RegionLayout): number[] {
  return Object.values(layout).map((region) => region.count * ELEMENT_BYTES[region.kind])
}

/** Bytes the regions take in a pool, alignment included. */
export function layoutBytes(layout: RegionLayout): number {
  let total = 0
  for (const bytes of layoutRegionBytes(layout)) total += alignUp(bytes, REGION_ALIGN)
  return total
}

/** Carve the layout's regions from `pool`, in order: the same views on every attach. */
export function carveLayout<L extends RegionLayout>(pool: FramePool, layout: L): LayoutViews<L> {
  const views: Record<string, RegionViews[RegionKind]> = {}
  for (const [name, region] of Object.entries(layout)) views[name] = pool[region.kind](region.count)
  return views as LayoutViews<L>
}
