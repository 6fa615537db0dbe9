import { ref, watch, type Ref } from 'vue'
import {
  byteAt,
  panViewport,
  wholePool,
  zoomViewport,
  type MapViewport
} from '@renderer/replay/map-viewport'

/** Keys a focused map keeps for itself (the rest go to Replay's shortcuts). */
export const MAP_KEYS = ['+', '=', '-', '_', '0', 'ArrowLeft', 'ArrowRight'] as const

const WHEEL_ZOOM = 1.25
const KEY_ZOOM = 1.5
const KEY_PAN = 0.2

/**
 * Zoom and pan of one map: wheel zooms around the pointer (shift-wheel or a
 * sideways wheel pans), dragging pans, and keys do both on a focused map.
 */
export function useMapViewport(pool: Ref<{ poolBytes: number; unitBytes: number }>) {
  const view = ref<MapViewport>(wholePool(pool.value.poolBytes))
  watch(
    () => pool.value.poolBytes,
    (bytes) => {
      view.value = wholePool(bytes)
    }
  )
  let drag: { x: number; start: number; width: number } | null = null

  const zoom = (factor: number, anchor = 0.5): void => {
    view.value = zoomViewport(
      view.value,
      pool.value.poolBytes,
      pool.value.unitBytes,
      factor,
      anchor
    )
  }
  const pan = (fraction: number): void => {
    view.value = panViewport(view.value, pool.value.poolBytes, pool.value.unitBytes, fraction)
  }
  const reset = (): void => {
    view.value = wholePool(pool.value.poolBytes)
  }

  function onWheel(event: WheelEvent, width: number): void {
    event.preventDefault()
    const sideways = Math.abs(event.deltaX) > Math.abs(event.deltaY)
    if (event.shiftKey || sideways) {
      const delta = sideways ? event.deltaX : event.deltaY
      pan(Math.sign(delta) * 0.1)
      return
    }
    zoom(event.deltaY < 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, event.offsetX / Math.max(1, width))
  }

  function onPointerDown(event: PointerEvent, width: number): void {
    if (event.button !== 0) return
    drag = { x: event.clientX, start: view.value.start, width }
    ;(event.currentTarget as Element | null)?.setPointerCapture?.(event.pointerId)
  }

  /** Returns true while a drag moves the view (the pointer then shows no tooltip). */
  function onPointerMove(event: PointerEvent): boolean {
    if (!drag) return false
    const moved = event.clientX - drag.x
    if (Math.abs(moved) < 3) return false
    const bytes = (moved / Math.max(1, drag.width)) * view.value.span
    view.value = panViewport(
      { start: drag.start - bytes, span: view.value.span },
      pool.value.poolBytes,
      pool.value.unitBytes,
      0
    )
    return true
  }

  function onPointerUp(): void {
    drag = null
  }

  function onKey(event: KeyboardEvent): void {
    switch (event.key) {
      case '+':
      case '=':
        zoom(KEY_ZOOM)
        break
      case '-':
      case '_':
        zoom(1 / KEY_ZOOM)
        break
      case '0':
        reset()
        break
      case 'ArrowLeft':
        pan(-KEY_PAN)
        break
      case 'ArrowRight':
        pan(KEY_PAN)
        break
      default:
        return
    }
    event.preventDefault()
    event.stopPropagation()
  }

  const byteUnder = (x: number, width: number): number => byteAt(view.value, width, x)

  return {
    view,
    zoom,
    pan,
    reset,
    onWheel,
    onPointerDown,
    onPointerMove,
    onPointerUp,
    onKey,
    byteUnder
  }
}
