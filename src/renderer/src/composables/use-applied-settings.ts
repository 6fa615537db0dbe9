import { watch } from 'vue'
import { storeToRefs } from 'pinia'
import { useI18n } from 'vue-i18n'
import { useSettingsStore } from '@renderer/stores/settings'

/**
 * Puts the settings into effect on the page: vue-i18n's locale and
 * `<html lang>` (so screen readers and fonts pick the right language), and
 * `<html data-theme>`, which the theme's CSS reads (`system` leaves the
 * choice to prefers-color-scheme).
 */
export function useAppliedSettings(root: HTMLElement = document.documentElement): void {
  const { settings } = storeToRefs(useSettingsStore())
  const { locale } = useI18n({ useScope: 'global' })

  watch(
    () => settings.value.language,
    (language) => {
      locale.value = language
      root.lang = language
    },
    { immediate: true }
  )
  watch(
    () => settings.value.theme,
    (theme) => {
      root.dataset.theme = theme
    },
    { immediate: true }
  )
}
