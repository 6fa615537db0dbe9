import { createApp } from 'vue'
import { createPinia, type Pinia } from 'pinia'
import type { LabBridge } from '@shared/api'
import { createLabApi } from '@renderer/lab/create-lab-api'
import { labKey } from '@renderer/lab/use-lab'
import { appI18nKey, createAppI18n } from '@renderer/i18n/create-app-i18n'

/** A bare app that provides a LabApi over `bridge`, so stores can be used without mounting. */
export function piniaWithLab(bridge: LabBridge): Pinia {
  const app = createApp({})
  const pinia = createPinia()
  app.use(pinia)
  app.provide(labKey, createLabApi(bridge))
  const i18n = createAppI18n()
  app.use(i18n)
  app.provide(appI18nKey, i18n)
  return pinia
}
