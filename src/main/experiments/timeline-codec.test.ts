import { describe, expect, it } from 'vitest'
import { programOf, recordInProcess } from '../timeline/testing/record-in-process'
import { timelineBytes, timelineTransferList } from '../timeline/timeline-format'
import {
  TIMELINE_ENCODING,
  TimelineDecodeError,
  decodeTimeline,
  encodeTimeline,
  readsTimelineEncoding
} from './timeline-codec'

const program = programOf('random', { seed: 3, count: 2000, maxLive: 50 })
const recorded = recordInProcess('first-fit:arena=1MiB', program, {
  keyframeInterval: 256,
  metricStride: 8
})

describe('the timeline codec', () => {
  it('reads back exactly the timeline it wrote, each column in a buffer of its own', () => {
    const decoded = decodeTimeline(encodeTimeline(recorded.timeline), program.count)
    expect(decoded).toEqual(recorded.timeline)
    expect(timelineBytes(decoded)).toBe(timelineBytes(recorded.timeline))
    const buffers = timelineTransferList(decoded)
    expect(new Set(buffers).size).toBe(buffers.length)
  })

  it('still reads a timeline saved in encoding 1, its columns as they are in memory', () => {
    const old = encodeTimeline(recorded.timeline, 1)
    expect(old.toString('latin1', 0, 4)).toBe('ALTL')
    expect(decodeTimeline(old, program.count)).toEqual(recorded.timeline)
    expect(readsTimelineEncoding(1)).toBe(true)
    expect(readsTimelineEncoding(TIMELINE_ENCODING + 1)).toBe(false)
  })

  it('writes byte planes, under a magic of their own', () => {
    const planes = encodeTimeline(recorded.timeline)
    expect(planes.toString('latin1', 0, 4)).toBe('ALTP')
    expect(planes.equals(encodeTimeline(recorded.timeline, 1))).toBe(false)
  })

  it('refuses bytes that are not a timeline, or are cut short', () => {
    const bytes = encodeTimeline(recorded.timeline)
    expect(() => decodeTimeline(Buffer.from('not a timeline at all'), program.count)).toThrow(
      TimelineDecodeError
    )
    expect(() => decodeTimeline(bytes.subarray(0, bytes.length - 8), program.count)).toThrow(
      /cut short|after the last column/
    )
  })

  it('refuses a timeline of more requests than its scenario has', () => {
    expect(() => decodeTimeline(encodeTimeline(recorded.timeline), 1999)).toThrow(
      /records 2000 requests, but the scenario has 1999/
    )
  })

  it('refuses columns a reader would walk past: keyframes out of order, runs past the end', () => {
    const keyframes = Int32Array.from(recorded.timeline.keyPosition)
    keyframes[2] = 5
    expect(() =>
      decodeTimeline(
        encodeTimeline({ ...recorded.timeline, keyPosition: keyframes }),
        program.count
      )
    ).toThrow(/keyframe 2 is at request 5, out of order/)
    const starts = Int32Array.from(recorded.timeline.keyRunStart)
    starts[starts.length - 1]! += 1
    expect(() =>
      decodeTimeline(encodeTimeline({ ...recorded.timeline, keyRunStart: starts }), program.count)
    ).toThrow(/do not cover the run columns/)
    expect(() =>
      decodeTimeline(
        encodeTimeline({ ...recorded.timeline, flags: recorded.timeline.flags.subarray(1) }),
        program.count
      )
    ).toThrow(/column flags has 1999 entries/)
  })
})
