/**
 * A short message a Workbench action leaves behind ("Saved as …", "Could not
 * open …: why"), kept as keys so it is translated when shown.
 */
export interface WorkbenchMessage {
  readonly key: string
  readonly params: Readonly<Record<string, string | number>>
  /** Fills `{reason}` in the message, translated the same way. */
  readonly reason?: {
    readonly key: string
    readonly params: Readonly<Record<string, string | number>>
  }
  readonly tone: 'info' | 'error'
}

export function messageText(
  t: (key: string, params?: Record<string, string | number>) => string,
  message: WorkbenchMessage
): string {
  const reason = message.reason ? t(message.reason.key, { ...message.reason.params }) : ''
  return t(message.key, { ...message.params, reason })
}
