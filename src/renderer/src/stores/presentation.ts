import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { useSettingsStore } from './settings'

/** The key that turns presentation mode on and off anywhere in the window. */
export const PRESENTATION_KEY = 'F9'

/** How much thicker memory-map cells are drawn in presentation mode. */
export const PRESENTATION_MAP_SCALE = 1.6

/** Where windows before the lab's settings remembered the mode; carried over once, then cleared. */
export const PRESENTATION_STORAGE_KEY = 'alloclab.presentation'

/**
 * Presentation mode: large type, high contrast and thick map cells for a
 * projector, and single keys (Page Down / Page Up, what presenter remotes
 * send) to step Replay. `<html data-presentation>` carries it to the CSS.
 * It is one of the lab's settings, kept by the service like the language
 * and theme. When the service cannot keep a change (a read-only database),
 * the mode still changes for this window and a notice says it was not
 * remembered: a projector must never depend on the disk.
 */
export const usePresentationStore = defineStore('presentation', () => {
  const settings = useSettingsStore()
  /** The mode in effect in this window when the service could not keep it. */
  const unsaved = ref<boolean | null>(null)
  const on = computed(() => unsaved.value ?? settings.settings.presentation)

  async function set(value: boolean): Promise<void> {
    // Already apart from the setting: show the change at once, as the setting would.
    if (unsaved.value !== null) unsaved.value = value
    const saved = await settings.update(
      { presentation: value },
      { failureKey: 'classroom.presentation.notSaved' }
    )
    unsaved.value = saved ? null : value
  }

  function toggle(): Promise<void> {
    return set(!on.value)
  }

  /**
   * Once, after the settings loaded: the mode an older window kept in
   * localStorage becomes the setting, and the old key goes.
   */
  async function carryOver(): Promise<void> {
    let stored: string | null = null
    try {
      stored = globalThis.localStorage?.getItem(PRESENTATION_STORAGE_KEY) ?? null
    } catch {
      return
    }
    if (stored === null) return
    const saved =
      stored !== 'on' || settings.settings.presentation
        ? true
        : await settings.update({ presentation: true }, { quiet: true })
    // Cleared only once the setting holds it, so a read-only session loses nothing.
    if (!saved) {
      unsaved.value = true
      return
    }
    try {
      globalThis.localStorage?.removeItem(PRESENTATION_STORAGE_KEY)
    } catch {
      // Read again next time; carrying it over twice changes nothing.
    }
  }

  return { on, unsaved, toggle, set, carryOver }
})
