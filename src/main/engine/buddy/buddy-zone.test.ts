import { describe, expect, it } from 'vitest'
import { FramePool } from '../frame-pool'
import { RequestOutcome, Status } from '../outcome'
import { brokenInvariant } from '../testing/broken-invariant'
import { BuddyZone } from './buddy-zone'
import { FrameState } from './frame-state'

function zoneOf(frames: number, maxOrder = 10): BuddyZone {
  const pool = FramePool.create(FramePool.bytesFor(BuddyZone.regionBytes(frames, maxOrder)))
  return new BuddyZone(pool, frames, maxOrder, true)
}

describe('BuddyZone', () => {
  it("follows the article's example: a 256-frame request on an empty 1024-frame pool splits 1024 -> 512 -> 256", () => {
    const zone = zoneOf(1024)
    const out = new RequestOutcome()
    const pfn = zone.allocPages(8, FrameState.Pages, out)
    expect(pfn).toBe(0)
    expect(out.splits).toBe(2)
    const info = zone.buddyInfo()
    expect(info[9]).toBe(1) // the upper 512 frames
    expect(info[8]).toBe(1) // the upper 256 of the lower half
    expect(info.reduce((a, b) => a + b, 0)).toBe(2)
    expect(zone.freeHead[9]).toBe(512)
    expect(zone.freeHead[8]).toBe(256)
    zone.check()
  })

  it('cuts a pool that is not a power of two into the largest aligned blocks that fit', () => {
    const zone = zoneOf(1000)
    // 1000 = 512 + 256 + 128 + 64 + 32 + 8: one block per set bit, in address order.
    expect(zone.buddyInfo()).toEqual([0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0])
    const starts: number[] = []
    zone.forEachBlock((pfn) => starts.push(pfn))
    expect(starts).toEqual([0, 512, 768, 896, 960, 992])
    zone.check()
  })

  it('hands out the lowest-addressed block first when several max-order blocks exist', () => {
    const zone = zoneOf(4096, 10)
    const out = new RequestOutcome()
    expect(zone.allocPages(10, FrameState.Pages, out)).toBe(0)
    expect(zone.allocPages(10, FrameState.Pages, out)).toBe(1024)
  })

  it('takes the smallest order that has a free block', () => {
    const zone = zoneOf(1024)
    const out = new RequestOutcome()
    zone.allocPages(0, FrameState.Pages, out) // leaves one free block at each order 0..9
    const before = zone.buddyInfo()
    const pfn = zone.allocPages(3, FrameState.Pages, new RequestOutcome())
    expect(pfn).toBe(8)
    expect(zone.buddyInfo()[3]).toBe(before[3]! - 1)
    zone.check()
  })

  it('merges a freed block with its buddy all the way back to one max-order block', () => {
    const zone = zoneOf(1024)
    const out = new RequestOutcome()
    const a = zone.allocPages(0, FrameState.Pages, out)
    const b = zone.allocPages(0, FrameState.Pages, out)
    expect([a, b]).toEqual([0, 1])
    const merged = new RequestOutcome()
    zone.freePages(a, 0, merged)
    expect(merged.merges).toBe(0) // frame 1 is still held
    zone.freePages(b, 0, merged)
    expect(merged.merges).toBe(10)
    expect(zone.buddyInfo()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    zone.check()
  })

  it('never merges past max order', () => {
    const zone = zoneOf(64, 2)
    const out = new RequestOutcome()
    const pfn = zone.allocPages(2, FrameState.Pages, out)
    zone.freePages(pfn, 2, out)
    expect(out.merges).toBe(0)
    expect(zone.buddyInfo()).toEqual([0, 0, 16])
    zone.check()
  })

  it('puts a freed block at the head of its list', () => {
    const zone = zoneOf(8, 0)
    const out = new RequestOutcome()
    const first = zone.allocPages(0, FrameState.Pages, out)
    zone.freePages(first, 0, out)
    expect(zone.freeHead[0]).toBe(first)
    const third = zone.allocPages(0, FrameState.Pages, out)
    expect(third).toBe(first)
  })

  it('fails as fragmented when enough frames are free but no block is big enough', () => {
    const zone = zoneOf(4, 2)
    const out = new RequestOutcome()
    zone.allocPages(0, FrameState.Pages, out)
    const second = zone.allocPages(0, FrameState.Pages, out)
    zone.allocPages(0, FrameState.Pages, out)
    zone.freePages(second, 0, out)
    // Frames 1 and 3 are free but not buddies of each other.
    expect(zone.freeFrames).toBe(2)
    const fragmented = new RequestOutcome()
    expect(zone.allocPages(1, FrameState.Pages, fragmented)).toBe(-1)
    expect(fragmented.status).toBe(Status.FailFragmented)
    const tooLittle = new RequestOutcome()
    expect(zone.allocPages(2, FrameState.Pages, tooLittle)).toBe(-1)
    expect(tooLittle.status).toBe(Status.FailNoMemory)
  })

  it('reports a broken rule by its code, with the numbers that show where', () => {
    const zone = zoneOf(16, 4)
    zone.freeCount[4] = 2
    const failure = brokenInvariant(() => zone.check())
    expect([failure.family, failure.key]).toEqual(['buddy', 'pages.invariant.buddy.freeCount'])
    expect(failure.params).toEqual({ order: 4, counted: 2, listed: 1 })
    expect(failure.message).toMatch(/free counts must match the lists/i)
  })

  it('notices two free buddies left unmerged', () => {
    const zone = zoneOf(2, 1)
    const out = new RequestOutcome()
    zone.allocPages(0, FrameState.Pages, out)
    // Mark frame 0 free by hand without merging: both halves of the order-1 block are now free.
    zone.state[0] = FrameState.Free
    zone.order[0] = 0
    const failure = brokenInvariant(() => zone.check())
    expect(failure.rule).toBe('freeBuddiesMerged')
    expect(failure.params).toEqual({ frame: 0, buddy: 1, order: 0 })
    expect(failure.message).toMatch(/free buddies must be merged/i)
  })
})
