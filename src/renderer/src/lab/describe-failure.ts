import { LabError, type LabMessage } from '@shared/lab-error'
import { WebHostError, type WebHostFailure } from './web-host-error'

/**
 * How a failure reads to the user: either a message key of ours (transport
 * problems we can explain in their language) or the text the service sent.
 */
export type FailureReason =
  | {
      readonly key: string
      readonly params: Readonly<Record<string, string | number>>
      readonly causes?: readonly LabMessage[]
    }
  | { readonly text: string }

const WEB_HOST_REASON_KEYS: Readonly<Record<WebHostFailure, string>> = {
  'missing-token': 'app.notices.reasons.missingToken',
  refused: 'app.notices.reasons.refused',
  unreachable: 'app.notices.reasons.unreachable',
  'bad-response': 'app.notices.reasons.badResponse'
}

export function describeFailure(error: unknown): FailureReason {
  if (error instanceof WebHostError) {
    return { key: WEB_HOST_REASON_KEYS[error.failure], params: { status: error.status ?? '—' } }
  }
  // Translated where it is shown, so a change of language re-translates it.
  if (error instanceof LabError) {
    return { key: error.key, params: error.params, causes: error.causes }
  }
  if (error instanceof Error) return { text: error.message }
  return { text: String(error) }
}
