import { describe, expect, it } from 'vitest'
import { readReplayState, replayStateJson } from './replay-state'

describe('the saved replay state', () => {
  it('reads back what was saved', () => {
    const saved = replayStateJson({
      step: 12,
      shown: [0, 2],
      focus: 2,
      chartMetric: 'utilization',
      speed: 50
    })
    expect(readReplayState(JSON.parse(JSON.stringify(saved)))).toEqual(saved)
  })

  it('is nothing to restore when absent or of another version', () => {
    expect(readReplayState(null)).toBeNull()
    expect(readReplayState({ version: 2, step: 3 })).toBeNull()
    expect(readReplayState({ version: 1, step: 'three' })).toBeNull()
  })
})
