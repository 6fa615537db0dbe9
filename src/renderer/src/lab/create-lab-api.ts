import {
  LabError,
  labEvents,
  parseOutput,
  type LabBridge,
  type LabChannel,
  type LabEventName,
  type LabEventPayload
} from '@shared/api'
import { hasEncodedBody, type RendererLabApi } from './encoded-body'

export interface LabApiOptions {
  /** Told about pushed events whose payload fails its schema; they are not delivered. */
  onInvalidEvent?: (event: LabEventName, error: LabError) => void
}

/**
 * Turns a host's raw bridge into the LabApi the stores use: errors that
 * crossed the boundary as values become thrown LabErrors again, and every
 * output and event payload is checked against its schema, so a host bug
 * shows up as a clear error instead of bad data deep in a view.
 */
export function createLabApi(bridge: LabBridge, options: LabApiOptions = {}): RendererLabApi {
  const encoded = hasEncodedBody(bridge) ? bridge : null
  return {
    async invoke(channel, input) {
      const result = await bridge.invoke(channel, input)
      if (!result.ok) throw LabError.from(result.error)
      return parseOutput(channel, result.value)
    },
    ...(encoded
      ? {
          async invokeEncoded<C extends LabChannel>(channel: C, body: Blob) {
            const result = await encoded.invokeEncoded(channel, body)
            if (!result.ok) throw LabError.from(result.error)
            return parseOutput(channel, result.value)
          }
        }
      : {}),
    on<E extends LabEventName>(event: E, listener: (payload: LabEventPayload<E>) => void) {
      return bridge.on(event, (payload) => {
        const parsed = labEvents[event].safeParse(payload)
        if (parsed.success) {
          listener(parsed.data as LabEventPayload<E>)
          return
        }
        const first = parsed.error.issues[0]
        const params = {
          channel: event,
          field: first && first.path.length > 0 ? first.path.join('.') : 'payload',
          detail: first?.message ?? 'invalid payload'
        }
        const message = `${event}: ${params.field}: ${params.detail}`
        options.onInvalidEvent?.(
          event,
          new LabError('internal', 'service.invalidOutput', params, [], message)
        )
      })
    }
  }
}
