import { ref, watch } from 'vue'
import { defineStore } from 'pinia'

/** Where this window remembers presentation mode: it belongs to the machine at the front of the room, not to the lab's settings. */
export const PRESENTATION_STORAGE_KEY = 'alloclab.presentation'

/** The key that turns presentation mode on and off anywhere in the window. */
export const PRESENTATION_KEY = 'F9'

/** How much thicker memory-map cells are drawn in presentation mode. */
export const PRESENTATION_MAP_SCALE = 1.6

function readStored(): boolean {
  try {
    return globalThis.localStorage?.getItem(PRESENTATION_STORAGE_KEY) === 'on'
  } catch {
    // Storage may be refused (a locked-down browser): the mode still works for this page.
    return false
  }
}

/**
 * Presentation mode: large type, high contrast and thick map cells for a
 * projector, and single keys (Page Down / Page Up, what presenter remotes
 * send) to step Replay. `<html data-presentation>` carries it to the CSS.
 */
export const usePresentationStore = defineStore('presentation', () => {
  const on = ref(readStored())

  function toggle(): void {
    on.value = !on.value
  }

  watch(on, (value) => {
    try {
      globalThis.localStorage?.setItem(PRESENTATION_STORAGE_KEY, value ? 'on' : 'off')
    } catch {
      // Not remembered, but in effect.
    }
  })

  return { on, toggle }
})
