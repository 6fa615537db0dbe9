import type { LabBridge } from '@shared/api'
import { createWebBridge } from './create-web-bridge'

/**
 * The bridge of whichever host loaded this page: the Electron preload's
 * `window.lab` when present, otherwise the browser host over HTTP/WebSocket.
 */
export function getLab(): LabBridge {
  return window.lab ?? createWebBridge(window.location)
}
