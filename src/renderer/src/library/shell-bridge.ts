import type { ShellBridge } from '@shared/shell-bridge'

/** The Electron shell's dialogs and PDF printing, or null in the browser host. */
export function shellBridge(): ShellBridge | null {
  return (globalThis as { shell?: ShellBridge }).shell ?? null
}
