import { onScopeDispose } from 'vue'
import { keyBelongsToTarget } from '@renderer/replay/shortcuts'
import { usePresentationStore } from '@renderer/stores/presentation'
import { useReplayStore } from '@renderer/stores/replay'

/** What a presenter remote sends: one key forward, one key back. */
const PRESENTER_STEPS: Readonly<Record<string, 1 | -1>> = { PageDown: 1, PageUp: -1 }

/** In presentation mode, Page Down and Page Up step Replay forward and back, one request each. */
export function usePresenterKeys(): void {
  const presentation = usePresentationStore()
  const replay = useReplayStore()

  function onKey(event: KeyboardEvent): void {
    const by = PRESENTER_STEPS[event.key]
    if (!presentation.on || !by || event.defaultPrevented) return
    if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return
    if (keyBelongsToTarget(event.target, event.key) || document.querySelector('dialog[open]'))
      return
    event.preventDefault()
    replay.pause()
    replay.stepBy(by)
  }
  window.addEventListener('keydown', onKey)
  onScopeDispose(() => window.removeEventListener('keydown', onKey))
}
