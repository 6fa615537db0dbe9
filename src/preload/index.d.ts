import type { LabBridge } from '../shared/api'
import type { ShellBridge } from '../shared/shell-bridge'

declare global {
  interface Window {
    /** The LabBridge the Electron preload exposes through contextBridge; absent in a browser. */
    lab?: LabBridge
    /** The Electron shell's dialogs and PDF printing; absent in a browser. */
    shell?: ShellBridge
  }
}

export {}
