import type { FamilyKind, OptionUnit } from '@shared/allocator-catalog'
import type { CompiledProgram, ScenarioGeometry } from '@shared/scenario/program'
import type { FramePool } from './frame-pool'
import type { ScenarioTarget } from './target'

/** One option of an allocator family, as `alloclab allocators` lists it and specs set it. */
export interface FamilyOption {
  /** Key in a spec, e.g. "arena", "order", "max-order". */
  readonly key: string
  /** size: bytes, accepts the scenario language's units; integer; choice: one of `choices`; switch: on/off. */
  readonly kind: 'size' | 'integer' | 'choice' | 'switch'
  readonly default: number | string | boolean
  readonly min?: number
  readonly max?: number
  readonly choices?: readonly string[]
  /** What the number counts, for the window's unit label (none for choices and switches). */
  readonly unit?: OptionUnit
  /** The value must also be a power of two. */
  readonly powerOfTwo?: boolean
  /** i18n key of a one-line description. */
  readonly descriptionKey: string
}

/** Option values after parsing: sizes and integers as numbers, choices as strings, switches as booleans. */
export type OptionValues = Readonly<Record<string, number | string | boolean>>

/**
 * An allocator family: how to size its frame pool, and how to build a
 * ScenarioTarget over that pool. `create` with `fresh = false` attaches to a
 * pool another thread initialised (same config, same carve order).
 */
export interface AllocatorFamily {
  readonly name: string
  /** Which memory it manages: decides the map and structures the window draws. */
  readonly kind: FamilyKind
  /** i18n key of a one-line summary. */
  readonly summaryKey: string
  readonly options: readonly FamilyOption[]
  /**
   * Fill options the user did not set from the scenario's geometry (e.g. the
   * arena size a scenario asks for). `explicit` holds the keys the user set.
   */
  applyGeometry(
    values: OptionValues,
    explicit: ReadonlySet<string>,
    geometry: ScenarioGeometry
  ): OptionValues
  /** Cross-option checks (e.g. arena smaller than one header): an i18n message key and its params, or undefined. */
  validate(
    values: OptionValues
  ): { key: string; params?: Record<string, string | number> } | undefined
  /** Bytes the frame pool needs for this config and program (handle table included). */
  poolBytes(values: OptionValues, program: CompiledProgram): number
  create(
    pool: FramePool,
    values: OptionValues,
    program: CompiledProgram,
    fresh: boolean
  ): ScenarioTarget
}
