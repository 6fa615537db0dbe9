import { describe, expect, it } from 'vitest'
import { MAP_STATES } from '@shared/vocabulary/map-states'
import { INVALID_REASONS, REQUEST_STATUSES } from '@shared/vocabulary/request-statuses'
import { InvalidReason, Status } from './outcome'
import { MapState } from './target'

/** The engine stores codes; the shared vocabulary names them by position. */
describe('the engine codes and the shared vocabulary', () => {
  it('name every map state code by its position', () => {
    expect(MAP_STATES[MapState.Free]).toBe('free')
    expect(MAP_STATES[MapState.Used]).toBe('used')
    expect(MAP_STATES[MapState.Overhead]).toBe('overhead')
    expect(MAP_STATES[MapState.Slack]).toBe('slack')
    expect(MAP_STATES[MapState.CachedObject]).toBe('cached')
    expect(Object.keys(MapState)).toHaveLength(MAP_STATES.length)
  })

  it('name every request status code by its position', () => {
    expect(REQUEST_STATUSES[Status.Ok]).toBe('ok')
    expect(REQUEST_STATUSES[Status.FailNoMemory]).toBe('no-memory')
    expect(REQUEST_STATUSES[Status.FailFragmented]).toBe('fragmented')
    expect(REQUEST_STATUSES[Status.Invalid]).toBe('invalid')
    expect(REQUEST_STATUSES[Status.NoOp]).toBe('noop')
    expect(Object.keys(Status)).toHaveLength(REQUEST_STATUSES.length)
  })

  it('name every invalid reason code by its position, as its enum member is spelled', () => {
    for (const [member, code] of Object.entries(InvalidReason)) {
      expect(INVALID_REASONS[code]).toBe(member[0]!.toLowerCase() + member.slice(1))
    }
    expect(Object.keys(InvalidReason)).toHaveLength(INVALID_REASONS.length)
  })
})
