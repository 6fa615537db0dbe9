/**
 * What a byte of a pool can be, in the code order timelines store
 * (`MapState` in the engine holds the same codes). A name here is a contract.
 */
import { z } from 'zod'

export const MAP_STATES = ['free', 'used', 'overhead', 'slack', 'cached', 'unobtained'] as const
export type MapStateName = (typeof MAP_STATES)[number]
export const MapStateSchema = z.enum(MAP_STATES)

/** i18n key of a map state's legend label. */
export function mapStateLabelKey(state: MapStateName): string {
  return `vocabulary.mapState.${state}`
}
