import { inject, type InjectionKey } from 'vue'
import type { RendererLabApi } from './encoded-body'

/** The app provides its one LabApi under this key; stores take it from there. */
export const labKey: InjectionKey<RendererLabApi> = Symbol('LabApi')

/**
 * The LabApi, for stores and composables only (components go through a
 * store). Pinia runs setup stores inside the app's context, so this works
 * from a store's setup function.
 */
export function useLab(): RendererLabApi {
  const lab = inject(labKey, null)
  if (!lab) throw new Error('No LabApi provided: call app.provide(labKey, createLabApi(...)) first')
  return lab
}
