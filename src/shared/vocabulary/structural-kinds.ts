/**
 * What a request did to the allocator's structures, as timeline events tell
 * it: counts of things that happened during the request, and details of
 * which blocks were cut or joined (see StructuralDetailSchema).
 */
import { z } from 'zod'

export const STRUCTURAL_COUNT_KINDS = [
  'split',
  'merge',
  'slabGrown',
  'slabReaped',
  'ctorCalls',
  'ctorSaved',
  'copied'
] as const
export type StructuralCountKind = (typeof STRUCTURAL_COUNT_KINDS)[number]
export const StructuralCountKindSchema = z.enum(STRUCTURAL_COUNT_KINDS)

export const STRUCTURAL_DETAIL_KINDS = [
  'coalesced',
  'splitRemainder',
  'buddySplit',
  'buddyMerged'
] as const
export type StructuralDetailKind = (typeof STRUCTURAL_DETAIL_KINDS)[number]
