import type { MessageParams } from '../i18n/translate'

/**
 * Why `alloclab ostep` stops: `usage` where malloc.py's option parser would
 * refuse the command line (it prints nothing on stdout then), `crash` where
 * malloc.py itself would stop with a Python error part way (everything it
 * printed before is printed), `unsupported` where malloc.py would go on but
 * AllocLab's heaps cannot follow (a 0-byte block, a heap too large...).
 * The message is an `ostep.*` i18n key and its params.
 */
export interface OstepProblem {
  readonly kind: 'usage' | 'crash' | 'unsupported'
  readonly key: string
  readonly params: MessageParams
}

export function ostepProblem(
  kind: OstepProblem['kind'],
  key: string,
  params: MessageParams = {}
): OstepProblem {
  return { kind, key: `ostep.${kind}.${key}`, params }
}
