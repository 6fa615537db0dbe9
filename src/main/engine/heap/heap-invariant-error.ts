import { translate, type MessageParams } from '@shared/i18n/translate'
import { InvariantError } from '../target'

/**
 * A broken heap invariant. The message is English for logs; `key` and
 * `params` let a UI say the same in the reader's language.
 */
export class HeapInvariantError extends InvariantError {
  readonly key: string
  readonly params: MessageParams

  constructor(rule: string, params: MessageParams) {
    const key = `heap.invariant.${rule}`
    super(translate('en', key, params))
    this.key = key
    this.params = params
  }
}
