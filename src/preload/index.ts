/**
 * Sandboxed preload: exposes `window.lab` (a LabBridge) and `window.shell`
 * (the shell's dialogs and PDF printing, see shell-bridge.ts), never
 * ipcRenderer itself. Channels are checked here too, so a compromised
 * page cannot reach any other IPC channel through it.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { LabBridge, LabEventName, LabResult } from '@shared/api'
import { isLabChannelName } from '@shared/lab-channels'
import { SHELL_CHANNELS, type ShellBridge } from '@shared/shell-bridge'

const LAB_EVENT_CHANNEL = 'lab:event'

const bridge: LabBridge = {
  invoke(channel, input) {
    if (!isLabChannelName(channel)) {
      return Promise.resolve<LabResult<unknown>>({
        ok: false,
        error: {
          code: 'unknown-channel',
          key: 'service.unknownChannel',
          params: { channel: String(channel).slice(0, 100) },
          message: `There is no call named "${String(channel).slice(0, 100)}".`
        }
      })
    }
    return ipcRenderer.invoke(channel, input) as Promise<LabResult<unknown>>
  },
  on(event: LabEventName, listener: (payload: unknown) => void) {
    const handler = (_: unknown, message: { event: string; payload: unknown }): void => {
      if (message.event === event) listener(message.payload)
    }
    ipcRenderer.on(LAB_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(LAB_EVENT_CHANNEL, handler)
    }
  }
}

const shell: ShellBridge = {
  saveReportPdf: (html, fileName) =>
    ipcRenderer.invoke(SHELL_CHANNELS.saveReportPdf, { html, fileName }) as Promise<boolean>,
  openExperimentFile: () =>
    ipcRenderer.invoke(SHELL_CHANNELS.openExperimentFile) as Promise<{
      fileName: string
      text: string
    } | null>
}

contextBridge.exposeInMainWorld('lab', bridge)
contextBridge.exposeInMainWorld('shell', shell)
