import { describe, expect, it } from 'vitest'
import { summaryFixture } from '@renderer/test-support/run-fixtures'
import { bestOf, sortRows, type CompareRow } from './compare-columns'

const rows: CompareRow[] = [
  {
    config: 0,
    label: 'first-fit',
    summary: summaryFixture({ utilization: 0.8, failures: [1, 1], nsPerRequest: 40 })
  },
  {
    config: 1,
    label: 'best-fit',
    summary: summaryFixture({ utilization: 0.9, failures: [1, 0], nsPerRequest: 55 })
  },
  {
    config: 2,
    label: 'buddy',
    summary: summaryFixture({ utilization: 0.5, failures: [1, 0], nsPerRequest: 12 })
  },
  { config: 3, label: 'crashed', summary: null }
]

describe('the Compare table', () => {
  it('marks the best value of each column by the way that column is better', () => {
    expect([...bestOf(rows, 'utilization')]).toEqual([1])
    expect([...bestOf(rows, 'nsPerRequest')]).toEqual([2])
    expect([...bestOf(rows, 'failures')].sort()).toEqual([1, 2])
  })

  it('marks nobody when every configuration ties', () => {
    expect(bestOf(rows, 'ctorSaved').size).toBe(0)
  })

  it('sorts by a column either way, keeping configurations without figures last', () => {
    expect(sortRows(rows, 'utilization', 'descending').map((r) => r.label)).toEqual([
      'best-fit',
      'first-fit',
      'buddy',
      'crashed'
    ])
    expect(sortRows(rows, 'nsPerRequest', 'ascending').map((r) => r.label)).toEqual([
      'buddy',
      'first-fit',
      'best-fit',
      'crashed'
    ])
    expect(sortRows(rows, 'config', 'descending').map((r) => r.config)).toEqual([3, 2, 1, 0])
  })
})
