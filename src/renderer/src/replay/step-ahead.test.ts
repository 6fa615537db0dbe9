import { describe, expect, it } from 'vitest'
import { configStepAhead } from './step-ahead'

describe('configStepAhead', () => {
  it('is the step ahead, kept within the configuration, and null when there is nothing new to ask', () => {
    expect(configStepAhead(5, 10, 4)).toBe(5)
    expect(configStepAhead(3, 10, 4)).toBe(3)
    // Ended at step 9: it shows 9 from there on, nothing ahead.
    expect(configStepAhead(12, 10, 9)).toBeNull()
    expect(configStepAhead(12, 10, 8)).toBe(9)
    expect(configStepAhead(null, 10, 4)).toBeNull()
  })
})
