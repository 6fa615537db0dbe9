import type { LabBridge } from '../shared/api'

declare global {
  interface Window {
    /** The LabBridge the Electron preload exposes through contextBridge; absent in a browser. */
    lab?: LabBridge
  }
}

export {}
