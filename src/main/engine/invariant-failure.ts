import { translate, type MessageParams } from '@shared/i18n/translate'
import {
  invariantKey,
  type InvariantFamily,
  type InvariantParams,
  type InvariantRule
} from './invariant-rules'

/**
 * Thrown by `check()` when an invariant is broken: which family's rule, and
 * the parameters that say where. The message is English for logs; `key` and
 * `params` let whoever shows it say the same in the reader's language.
 * The type parameters only check a throw site's rule and parameters.
 */
export class InvariantFailure<
  F extends InvariantFamily = InvariantFamily,
  R extends InvariantRule<F> = InvariantRule<F>
> extends Error {
  override name = 'InvariantFailure'
  readonly family: InvariantFamily
  readonly rule: string
  readonly key: string
  readonly params: MessageParams

  constructor(family: F, rule: R, params: InvariantParams<F, R>) {
    const key = invariantKey(family, rule)
    super(translate('en', key, params))
    this.family = family
    this.rule = rule
    this.key = key
    this.params = params
  }
}
