import type { ScenarioGeometry } from '@shared/scenario/program'
import {
  SpecError,
  normalizeSpec,
  parseAllocatorSpec,
  resolveAllocatorValues
} from '../engine/allocator-spec'
import type { AllocatorFamily, OptionValues } from '../engine/family'
import { specLabError } from './lab-errors'

/** One allocator configuration of a run, ready to run. */
export interface RunConfig {
  /** The spec as it was asked for (what a saved experiment runs again). */
  readonly spec: string
  /** The normalized spec: how reports and errors name this config. */
  readonly label: string
  readonly family: AllocatorFamily
  readonly values: OptionValues
}

/**
 * The configs `run:start` names, resolved against the scenario's geometry;
 * the first bad spec is refused as a translatable error naming it.
 */
export function resolveRunConfigs(
  specs: readonly string[],
  families: readonly AllocatorFamily[],
  geometry: ScenarioGeometry
): RunConfig[] {
  return specs.map((text) => {
    try {
      const spec = parseAllocatorSpec(text, families)
      const values = resolveAllocatorValues(spec, geometry)
      return {
        spec: text,
        label: normalizeSpec(spec.family, values),
        family: spec.family,
        values
      }
    } catch (error) {
      if (error instanceof SpecError) throw specLabError(error)
      throw error
    }
  })
}
