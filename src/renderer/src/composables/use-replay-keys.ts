import { onScopeDispose, type Ref } from 'vue'
import { keyBelongsToTarget, shortcutFor, type ReplayAction } from '@renderer/replay/shortcuts'
import { useReplayStore } from '@renderer/stores/replay'

/** Actions a held key repeats, and the steps each repeat moves (see the replay store's stepHeld). */
const HELD_STEPS: Partial<Record<ReplayAction, number>> = {
  stepBack: -1,
  stepForward: 1,
  back10: -10,
  forward10: 10
}

/**
 * Replay's shortcuts (replay/shortcuts.ts) on the whole window while the
 * view is open, except where a field or a control needs the key, or a
 * dialog is open (the help overlay closes with Escape, or `?` again).
 */
export function useReplayKeys(helpOpen: Ref<boolean>) {
  const replay = useReplayStore()

  const actions: Readonly<Record<ReplayAction, () => void>> = {
    playPause: () => replay.togglePlay(),
    stepBack: () => replay.stepBy(-1),
    stepForward: () => replay.stepBy(1),
    back10: () => replay.stepBy(-10),
    forward10: () => replay.stepBy(10),
    toStart: () => replay.toStart(),
    toEnd: () => replay.toEnd(),
    previousFailure: () => void replay.previousFailure(),
    nextFailure: () => void replay.nextFailure(),
    breakpointBack: () => void replay.runToBreakpoint('backward'),
    breakpointForward: () => void replay.runToBreakpoint('forward'),
    slower: () => replay.slower(),
    faster: () => replay.faster(),
    help: () => {
      helpOpen.value = !helpOpen.value
    }
  }

  function onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented) return
    const action = shortcutFor(event)
    if (!action) return
    if (keyBelongsToTarget(event.target, event.key)) return
    if (action !== 'help' && document.querySelector('dialog[open]')) return
    event.preventDefault()
    // Moving by hand stops playback, as in every player.
    if (action !== 'playPause' && action !== 'help' && action !== 'slower' && action !== 'faster')
      replay.pause()
    const held = event.repeat ? HELD_STEPS[action] : undefined
    if (held !== undefined) replay.stepHeld(held)
    else actions[action]()
  }

  window.addEventListener('keydown', onKey)
  onScopeDispose(() => window.removeEventListener('keydown', onKey))
}
