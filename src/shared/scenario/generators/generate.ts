import { generateFragmentation } from './fragmentation'
import { generatePageOrders } from './page-orders'
import { generatePlateau } from './plateau'
import { generateRamp } from './ramp'
import { generateRandom } from './random'
import { generateSlabChurn } from './slab-churn'
import {
  resolveOptions,
  type GeneratorKind,
  type GeneratorOptions,
  type ResolvedOptions
} from './options'

const GENERATORS: Record<GeneratorKind, (options: ResolvedOptions) => string> = {
  random: generateRandom,
  ramp: generateRamp,
  plateau: generatePlateau,
  fragmentation: generateFragmentation,
  slab: generateSlabChurn,
  pages: generatePageOrders
}

/**
 * Scenario text for a generator kind. The same kind and options give the same
 * text on every machine. Throws GeneratorOptionError for an option that is
 * missing, out of range or not read by this kind.
 */
export function generate(kind: GeneratorKind, options: GeneratorOptions): string {
  return GENERATORS[kind](resolveOptions(kind, options))
}
