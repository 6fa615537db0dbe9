/**
 * The step a held key will show next, as one configuration shows it: a
 * configuration that ended earlier stays at its last step. Null when there
 * is none, or when it is the step the configuration shows already.
 */
export function configStepAhead(ahead: number | null, count: number, shown: number): number | null {
  const next = ahead === null ? null : Math.min(ahead, count - 1)
  return next === shown ? null : next
}
