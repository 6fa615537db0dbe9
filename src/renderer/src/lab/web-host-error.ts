/**
 * Why the browser host could not carry a call. Unlike a LabError (which the
 * service returns as a value), these come from the transport itself, so the
 * renderer explains them in the user's language instead of showing a code.
 */
export type WebHostFailure = 'missing-token' | 'refused' | 'unreachable' | 'bad-response'

export class WebHostError extends Error {
  override name = 'WebHostError'
  constructor(
    readonly failure: WebHostFailure,
    message: string,
    /** HTTP status when the server answered at all. */
    readonly status: number | null = null
  ) {
    super(message)
  }
}
