/**
 * Sandboxed preload: exposes exactly one object, `window.lab` (a LabBridge),
 * never ipcRenderer itself. Channels are checked here too, so a compromised
 * page cannot reach any other IPC channel through it.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { LabBridge, LabEventName, LabResult } from '@shared/api'
import { isLabChannelName } from '@shared/lab-channels'

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

contextBridge.exposeInMainWorld('lab', bridge)
