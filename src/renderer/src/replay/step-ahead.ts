/**
 * The steps a held key will show next, as one configuration shows them: a
 * configuration that ended earlier stays at its last step. Only the steps
 * it does not show already, each once, in the order they come.
 */
export function configStepsAhead(ahead: readonly number[], count: number, shown: number): number[] {
  const steps: number[] = []
  for (const step of ahead) {
    const own = Math.min(step, count - 1)
    if (own !== shown && !steps.includes(own)) steps.push(own)
  }
  return steps
}
