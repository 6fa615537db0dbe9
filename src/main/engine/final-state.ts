import type { ScenarioTarget } from './target'

/** One entry of a heap free list, in list order. `addr` is the block's first byte. */
export interface FreeListEntry {
  readonly addr: number
  readonly size: number
}

/** One row of the slabinfo table (the slabinfo 2.1 columns). */
export interface SlabinfoRow {
  readonly name: string
  readonly activeObjs: number
  readonly numObjs: number
  readonly objSize: number
  readonly objPerSlab: number
  readonly pagesPerSlab: number
  readonly activeSlabs: number
  readonly numSlabs: number
}

/** The allocator's structures after a run, as `--json` prints them under `final`. */
export interface FinalState {
  /** Heap families: the free list in list order. */
  freeList?: FreeListEntry[]
  /** Page families: free blocks per order (index = order). */
  buddyinfo?: number[]
  /** Slab family: one row per cache. */
  slabinfo?: SlabinfoRow[]
}

/**
 * Read the final structures from a target. Families expose them with the
 * optional methods below; a target without them contributes nothing.
 */
export function readFinalState(target: ScenarioTarget): FinalState {
  const state: FinalState = {}
  const probe = target as ScenarioTarget & Partial<FinalStateSource>
  if (typeof probe.freeList === 'function') state.freeList = probe.freeList()
  if (typeof probe.buddyinfo === 'function') state.buddyinfo = probe.buddyinfo()
  if (typeof probe.slabinfo === 'function') state.slabinfo = probe.slabinfo()
  return state
}

interface FinalStateSource {
  freeList(): FreeListEntry[]
  buddyinfo(): number[]
  slabinfo(): SlabinfoRow[]
}
