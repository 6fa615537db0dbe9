/**
 * Performance-API marks of Replay's work, for the end-to-end measurements:
 * `replay:step` when the step changes, `replay:painted` when a panel has
 * drawn a step. Only pages opened with `perf` in their query string make
 * them, because playing for an hour would otherwise fill the mark buffer.
 */
const enabled =
  typeof location !== 'undefined' &&
  typeof performance !== 'undefined' &&
  new URLSearchParams(location.search).has('perf')

export function markStep(step: number): void {
  if (enabled) performance.mark('replay:step', { detail: { step } })
}

/** `panel` names what was drawn ("map:0", "structures:1", "log", "chart"). */
export function markPainted(panel: string, step: number): void {
  if (enabled) performance.mark('replay:painted', { detail: { panel, step } })
}

/** `replay:draw` measures one canvas draw of `panel` that started at `start` (performance.now()). */
export function measureDraw(panel: string, start: number): void {
  if (enabled)
    performance.measure('replay:draw', { start, end: performance.now(), detail: { panel } })
}

export function paintMarksEnabled(): boolean {
  return enabled
}
