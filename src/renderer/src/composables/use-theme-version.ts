import { onScopeDispose, ref, watch } from 'vue'
import { storeToRefs } from 'pinia'
import { useSettingsStore } from '@renderer/stores/settings'

/**
 * A counter that moves whenever the colours in effect may have changed (the
 * theme setting, or the system's light/dark when following it), so canvases
 * that resolved CSS colours once know to resolve them again.
 */
export function useThemeVersion() {
  const version = ref(0)
  const { settings } = storeToRefs(useSettingsStore())
  // The theme attribute is applied in a watcher too; read colours after it.
  watch(
    () => settings.value.theme,
    () => queueMicrotask(() => version.value++)
  )
  const media =
    typeof window !== 'undefined' && typeof window.matchMedia === 'function'
      ? window.matchMedia('(prefers-color-scheme: dark)')
      : undefined
  const bump = (): void => {
    version.value++
  }
  media?.addEventListener('change', bump)
  onScopeDispose(() => media?.removeEventListener('change', bump))
  return version
}
