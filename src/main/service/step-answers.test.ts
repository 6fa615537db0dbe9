import { describe, expect, it } from 'vitest'
import type { StepQuestion } from '@shared/run-schemas'
import { answerOrder } from './step-answers'

describe('the order a timeline:step is answered in', () => {
  it('answers maps first, then each configuration from its earliest engine position on', () => {
    const questions: StepQuestion[] = [
      { kind: 'structures', config: 0, step: 500_001 },
      { kind: 'events', config: 0, from: 499_990, count: 12 },
      { kind: 'map', config: 1, step: 500_001, width: 64 },
      { kind: 'structures', config: 1, step: 10 },
      { kind: 'map', config: 0, step: 500_001 }
    ]
    expect(answerOrder(questions)).toEqual([2, 4, 1, 0, 3])
  })

  it('reads the structures at a position before replaying the events that start there', () => {
    // Structures after step 9 read the engine after 10 requests; events from 10 then run it on.
    const questions: StepQuestion[] = [
      { kind: 'events', config: 2, from: 10, count: 1 },
      { kind: 'structures', config: 2, step: 9 }
    ]
    expect(answerOrder(questions)).toEqual([1, 0])
  })

  it('keeps the order asked among questions of equal standing', () => {
    const questions: StepQuestion[] = [
      { kind: 'map', config: 2, step: 4 },
      { kind: 'map', config: 0, step: 4 },
      { kind: 'structures', config: 0, step: 4 },
      { kind: 'structures', config: 0, step: 4 }
    ]
    expect(answerOrder(questions)).toEqual([0, 1, 2, 3])
  })
})
