import { describe, expect, it } from 'vitest'
import { configStepsAhead } from './step-ahead'

describe('configStepsAhead', () => {
  it('keeps the steps ahead within the configuration, each once, and none it shows already', () => {
    expect(configStepsAhead([5, 6], 10, 4)).toEqual([5, 6])
    expect(configStepsAhead([3, 2], 10, 4)).toEqual([3, 2])
    // Ended at step 9: it shows 9 from there on, nothing ahead.
    expect(configStepsAhead([12, 13], 10, 9)).toEqual([])
    expect(configStepsAhead([9, 10], 10, 8)).toEqual([9])
    expect(configStepsAhead([], 10, 4)).toEqual([])
  })
})
