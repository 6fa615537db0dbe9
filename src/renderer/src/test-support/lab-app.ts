import { createApp } from 'vue'
import { createPinia, type Pinia } from 'pinia'
import type { LabBridge } from '@shared/api'
import { createLabApi } from '@renderer/lab/create-lab-api'
import { labKey } from '@renderer/lab/use-lab'

/** A bare app that provides a LabApi over `bridge`, so stores can be used without mounting. */
export function piniaWithLab(bridge: LabBridge): Pinia {
  const app = createApp({})
  const pinia = createPinia()
  app.use(pinia)
  app.provide(labKey, createLabApi(bridge))
  return pinia
}
