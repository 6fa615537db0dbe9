import { LAB_CHANNELS, type LabResult } from '@shared/api'
import type { LabService } from '../service/lab-service'

/*
 * The few parts of Electron's IPC this class uses, described structurally:
 * the shell (src/main/index.ts) passes the real ipcMain and web contents, and
 * only the shell and the preload import 'electron' at all.
 */

/** Electron's WebContents, as far as LabIpc uses it. */
export interface IpcWebContents {
  isDestroyed(): boolean
  send(channel: string, message: unknown): void
  once(event: 'destroyed', listener: () => void): unknown
}

/** Electron's WebFrameMain, as far as LabIpc uses it. */
export interface IpcFrame {
  readonly url: string
  readonly parent: unknown
}

/** Electron's IpcMainInvokeEvent, as far as LabIpc uses it. */
export interface IpcInvokeEvent {
  readonly sender: IpcWebContents
  readonly senderFrame: IpcFrame | null
}

/** Electron's ipcMain, as far as LabIpc uses it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, input: unknown) => unknown): void
  removeHandler(channel: string): void
}

/** Channel on which pushed LabApi events travel to the renderer. */
export const LAB_EVENT_CHANNEL = 'lab:event'

/**
 * The only code that touches ipcMain. Each LabApi channel gets one handler
 * that first checks the call comes from our own window's top frame, then hands
 * the untrusted input to LabService.dispatch, which validates it.
 */
export class LabIpc {
  private readonly trusted = new Set<IpcWebContents>()
  private unsubscribe: (() => void) | undefined

  constructor(
    private readonly ipcMain: IpcMainLike,
    private readonly service: LabService,
    private readonly rendererUrl: string
  ) {}

  register(): void {
    for (const channel of LAB_CHANNELS) {
      this.ipcMain.handle(channel, (event, input) => this.handle(event, channel, input))
    }
    this.unsubscribe = this.service.subscribe((event, payload) => {
      for (const contents of this.trusted) {
        if (!contents.isDestroyed()) contents.send(LAB_EVENT_CHANNEL, { event, payload })
      }
    })
  }

  trust(contents: IpcWebContents): void {
    this.trusted.add(contents)
    contents.once('destroyed', () => this.trusted.delete(contents))
  }

  /** Exposed for tests: whether a call from this event would be served. */
  isTrustedSender(event: IpcInvokeEvent): boolean {
    const frame = event.senderFrame
    return (
      this.trusted.has(event.sender) &&
      frame !== null &&
      frame.parent === null &&
      frame.url.startsWith(this.rendererUrl)
    )
  }

  private async handle(
    event: IpcInvokeEvent,
    channel: string,
    input: unknown
  ): Promise<LabResult<unknown>> {
    if (!this.isTrustedSender(event)) {
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          key: 'service.untrustedSender',
          params: {},
          message: "A call from a window that is not AllocLab's was refused."
        }
      }
    }
    return this.service.dispatch(channel, input)
  }

  dispose(): void {
    this.unsubscribe?.()
    for (const channel of LAB_CHANNELS) this.ipcMain.removeHandler(channel)
  }
}
