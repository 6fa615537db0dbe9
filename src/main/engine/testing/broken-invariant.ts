import { InvariantFailure } from '../invariant-failure'

/** The InvariantFailure that `check` throws; fails the test when it throws nothing or anything else. */
export function brokenInvariant(check: () => void): InvariantFailure {
  try {
    check()
  } catch (error) {
    if (error instanceof InvariantFailure) return error
    throw error
  }
  throw new Error('the check passed, but a broken invariant was expected')
}
