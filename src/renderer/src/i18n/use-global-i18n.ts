import { inject, type WritableComputedRef } from 'vue'
import type { Locale } from '@shared/i18n/locales'
import { appI18nKey } from './create-app-i18n'

export type Translate = (key: string, params?: Record<string, string | number>) => string

/**
 * The app's translator for stores and plain modules (vue-i18n's useI18n
 * only works inside a component's setup). Text is still made when it is
 * shown, so a language switch re-translates everything on screen.
 */
export function useGlobalI18n(): { t: Translate; locale: WritableComputedRef<Locale> } {
  const i18n = inject(appI18nKey, null)
  if (!i18n) throw new Error('No i18n provided: app.provide(appI18nKey, createAppI18n()) first')
  const composer = i18n.global
  return {
    t: (key, params) => composer.t(key, params ?? {}),
    locale: composer.locale as unknown as WritableComputedRef<Locale>
  }
}
