import { onScopeDispose, watch } from 'vue'
import { storeToRefs } from 'pinia'
import { PRESENTATION_KEY, usePresentationStore } from '@renderer/stores/presentation'

/** Puts presentation mode into effect on `<html>` and lets its key toggle it from anywhere. */
export function usePresentation(root: HTMLElement = document.documentElement): void {
  const presentation = usePresentationStore()
  const { on } = storeToRefs(presentation)

  watch(
    on,
    (value) => {
      if (value) root.dataset.presentation = 'on'
      else delete root.dataset.presentation
    },
    { immediate: true }
  )

  function onKey(event: KeyboardEvent): void {
    if (event.key !== PRESENTATION_KEY || event.ctrlKey || event.altKey || event.metaKey) return
    event.preventDefault()
    presentation.toggle()
  }
  window.addEventListener('keydown', onKey)
  onScopeDispose(() => window.removeEventListener('keydown', onKey))
}
