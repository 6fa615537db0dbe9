/**
 * Every Replay shortcut in one table: the key handler matches against it and
 * the help overlay lists it, so the two never disagree (Perfetto's hotkeys).
 */
export const REPLAY_ACTIONS = [
  'playPause',
  'stepBack',
  'stepForward',
  'back10',
  'forward10',
  'toStart',
  'toEnd',
  'previousFailure',
  'nextFailure',
  'breakpointBack',
  'breakpointForward',
  'slower',
  'faster',
  'help'
] as const
export type ReplayAction = (typeof REPLAY_ACTIONS)[number]

export interface KeyChord {
  /** KeyboardEvent.key */
  readonly key: string
  readonly shift?: boolean
}

export interface Shortcut {
  readonly action: ReplayAction
  readonly chords: readonly KeyChord[]
}

export const REPLAY_SHORTCUTS: readonly Shortcut[] = [
  { action: 'playPause', chords: [{ key: ' ' }] },
  { action: 'stepBack', chords: [{ key: 'ArrowLeft' }] },
  { action: 'stepForward', chords: [{ key: 'ArrowRight' }] },
  { action: 'back10', chords: [{ key: 'ArrowLeft', shift: true }] },
  { action: 'forward10', chords: [{ key: 'ArrowRight', shift: true }] },
  { action: 'toStart', chords: [{ key: 'Home' }] },
  { action: 'toEnd', chords: [{ key: 'End' }] },
  { action: 'previousFailure', chords: [{ key: '[' }] },
  { action: 'nextFailure', chords: [{ key: ']' }] },
  { action: 'breakpointBack', chords: [{ key: 'B', shift: true }] },
  { action: 'breakpointForward', chords: [{ key: 'b' }] },
  { action: 'slower', chords: [{ key: ',' }, { key: '<', shift: true }] },
  { action: 'faster', chords: [{ key: '.' }, { key: '>', shift: true }] },
  { action: 'help', chords: [{ key: '?', shift: true }, { key: '?' }] }
]

export interface KeyPress {
  readonly key: string
  readonly shiftKey: boolean
  readonly ctrlKey: boolean
  readonly altKey: boolean
  readonly metaKey: boolean
}

/** The action a key press means, if any; presses with Ctrl, Alt or Meta belong to the browser. */
export function shortcutFor(press: KeyPress): ReplayAction | undefined {
  if (press.ctrlKey || press.altKey || press.metaKey) return undefined
  for (const shortcut of REPLAY_SHORTCUTS) {
    for (const chord of shortcut.chords) {
      if (chord.key === press.key && (chord.shift ?? false) === press.shiftKey)
        return shortcut.action
    }
  }
  return undefined
}

/** How the help overlay shows the keys: pairs of opposite actions share a line. */
export const HELP_LINES: readonly {
  readonly keys: readonly string[]
  readonly labelKey: string
}[] = [
  { keys: ['Space'], labelKey: 'replay.help.keys.playPause' },
  { keys: ['←', '→'], labelKey: 'replay.help.keys.step' },
  { keys: ['Shift + ←', 'Shift + →'], labelKey: 'replay.help.keys.step10' },
  { keys: ['Home', 'End'], labelKey: 'replay.help.keys.ends' },
  { keys: ['[', ']'], labelKey: 'replay.help.keys.failures' },
  { keys: ['Shift + B', 'B'], labelKey: 'replay.help.keys.breakpoint' },
  { keys: [',', '.'], labelKey: 'replay.help.keys.speed' },
  { keys: ['?'], labelKey: 'replay.help.keys.help' }
]

/** aria-keyshortcuts / tooltip text for an action's first chord. */
export function shortcutLabel(action: ReplayAction): string {
  const chord = REPLAY_SHORTCUTS.find((s) => s.action === action)?.chords[0]
  if (!chord) return ''
  const name = chord.key === ' ' ? 'Space' : chord.key
  return chord.shift && chord.key.length > 1 ? `Shift+${name}` : name
}

/** Whether a key press inside `target` is the user typing or working a control that uses the key itself. */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false
  const editable = target.closest('input, textarea, select, [contenteditable="true"]')
  if (editable) {
    // Buttons and checkboxes ignore letters and arrows; text fields and sliders do not.
    if (
      editable instanceof HTMLInputElement &&
      ['checkbox', 'radio', 'button'].includes(editable.type)
    )
      return key === ' '
    return true
  }
  const owner = target.closest('[data-own-keys]')
  if (owner) return (owner.getAttribute('data-own-keys') ?? '').split(' ').includes(key)
  // A focused button answers Space and Enter itself.
  if (key === ' ' && target.closest('button, a, [role="button"], summary')) return true
  return false
}
