import { onScopeDispose, ref, watch, type Ref } from 'vue'

/**
 * An element's CSS width and height and the device-pixel ratio, kept up to
 * date (the window resized, moved to another screen, zoomed), so canvases
 * size their backing store to device pixels and stay sharp.
 */
export function useElementSize(element: Ref<HTMLElement | null>) {
  const width = ref(0)
  const height = ref(0)
  const dpr = ref(typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1)
  let observer: ResizeObserver | undefined
  let media: MediaQueryList | undefined

  const watchRatio = (): void => {
    media?.removeEventListener('change', onRatio)
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return
    media = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`)
    media.addEventListener('change', onRatio)
  }
  function onRatio(): void {
    dpr.value = window.devicePixelRatio || 1
    watchRatio()
  }
  watchRatio()

  watch(
    element,
    (target) => {
      observer?.disconnect()
      if (!target || typeof ResizeObserver === 'undefined') return
      observer = new ResizeObserver((entries) => {
        const box = entries[0]?.contentRect
        if (!box) return
        width.value = box.width
        height.value = box.height
      })
      observer.observe(target)
      const box = target.getBoundingClientRect()
      width.value = box.width
      height.value = box.height
    },
    { immediate: true }
  )

  onScopeDispose(() => {
    observer?.disconnect()
    media?.removeEventListener('change', onRatio)
  })

  return { width, height, dpr }
}
