import { createApp, type App as VueApp } from 'vue'
import { createPinia, type Pinia } from 'pinia'
import type { Router, RouterHistory } from 'vue-router'
import type { LabBridge } from '@shared/api'
import App from './App.vue'
import { appI18nKey, createAppI18n, type AppI18n } from './i18n/create-app-i18n'
import { createAppRouter } from './router/create-app-router'
import { createLabApi } from './lab/create-lab-api'
import { labKey } from './lab/use-lab'
import { useNoticeStore } from './stores/notices'
import { useSettingsStore } from './stores/settings'
import { useAppInfoStore } from './stores/app-info'
import { useLessonCatalogStore } from './stores/lesson-catalog'
import { usePresentationStore } from './stores/presentation'

export interface RendererApp {
  readonly app: VueApp
  readonly pinia: Pinia
  readonly router: Router
  readonly i18n: AppI18n
  /** Loads settings, app details and imported lessons from the host; resolves once the app can be mounted. */
  load(): Promise<void>
}

/**
 * The whole renderer wired to one host bridge. main.ts gives it the real
 * bridge; tests give it a fake one and a memory history.
 */
export function createRendererApp(bridge: LabBridge, history?: RouterHistory): RendererApp {
  const app = createApp(App)
  const pinia = createPinia()
  const i18n = createAppI18n()
  const router = createAppRouter(history)
  app.use(pinia)
  app.use(i18n)
  app.provide(appI18nKey, i18n)
  app.use(router)

  const notices = useNoticeStore(pinia)
  app.provide(
    labKey,
    createLabApi(bridge, {
      onInvalidEvent: (_event, error) => notices.report('app.notices.unexpected', error)
    })
  )

  async function load(): Promise<void> {
    // Each load reports its own failures, so the app still opens without them.
    await Promise.all([
      useSettingsStore(pinia)
        .load()
        .then(() => usePresentationStore(pinia).carryOver()),
      useAppInfoStore(pinia).load(),
      useLessonCatalogStore(pinia).load()
    ])
    await router.isReady()
  }

  return { app, pinia, router, i18n, load }
}
