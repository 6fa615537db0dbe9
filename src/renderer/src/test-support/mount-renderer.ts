import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import type { LabBridge } from '@shared/api'
import { createRendererApp, type RendererApp } from '@renderer/create-renderer-app'

export interface MountedRenderer {
  readonly renderer: RendererApp
  readonly root: DOMWrapper<HTMLElement>
  unmount(): void
}

/**
 * Starts the whole renderer the way main.ts does (load, then mount) on a
 * memory history, attached to the document so focus and <html> work.
 */
export async function mountRenderer(
  bridge: LabBridge,
  path = '/library'
): Promise<MountedRenderer> {
  const renderer = createRendererApp(bridge, createMemoryHistory())
  await renderer.router.push(path)
  await renderer.load()
  const container = document.createElement('div')
  document.body.append(container)
  renderer.app.mount(container)
  await flushPromises()
  return {
    renderer,
    root: new DOMWrapper(container),
    unmount() {
      renderer.app.unmount()
      container.remove()
    }
  }
}
