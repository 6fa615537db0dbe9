import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { LAB_CHANNELS, type LabResult } from '@shared/api'
import type { LabService } from '../service/lab-service'

/** Channel on which pushed LabApi events travel to the renderer. */
export const LAB_EVENT_CHANNEL = 'lab:event'

/**
 * The only code that touches ipcMain. Each LabApi channel gets one handler
 * that first checks the call comes from our own window's top frame, then hands
 * the untrusted input to LabService.dispatch, which validates it.
 */
export class LabIpc {
  private readonly trusted = new Set<WebContents>()
  private unsubscribe: (() => void) | undefined

  constructor(
    private readonly service: LabService,
    private readonly rendererUrl: string
  ) {}

  register(): void {
    for (const channel of LAB_CHANNELS) {
      ipcMain.handle(channel, (event, input: unknown) => this.handle(event, channel, input))
    }
    this.unsubscribe = this.service.subscribe((event, payload) => {
      for (const contents of this.trusted) {
        if (!contents.isDestroyed()) contents.send(LAB_EVENT_CHANNEL, { event, payload })
      }
    })
  }

  trust(contents: WebContents): void {
    this.trusted.add(contents)
    contents.once('destroyed', () => this.trusted.delete(contents))
  }

  /** Exposed for tests: whether a call from this event would be served. */
  isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
    const frame = event.senderFrame
    return (
      this.trusted.has(event.sender) &&
      frame !== null &&
      frame.parent === null &&
      frame.url.startsWith(this.rendererUrl)
    )
  }

  private async handle(
    event: IpcMainInvokeEvent,
    channel: string,
    input: unknown
  ): Promise<LabResult<unknown>> {
    if (!this.isTrustedSender(event)) {
      return {
        ok: false,
        error: { code: 'invalid-input', message: 'call from an unknown window refused' }
      }
    }
    return this.service.dispatch(channel, input)
  }

  dispose(): void {
    this.unsubscribe?.()
    for (const channel of LAB_CHANNELS) ipcMain.removeHandler(channel)
  }
}
