import { describe, expect, it } from 'vitest'
import { LESSONS, findLesson } from '@shared/lessons'
import { groupAt, noteGroups } from './lesson-notes'

describe('a lesson’s notes beside Replay', () => {
  const buddy = findLesson('buddy-allocator')!
  const groups = noteGroups(buddy)

  it('groups the anchors of one step together, in replay order', () => {
    expect(groups.map((group) => group.step)).toEqual([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(groups[1]!.anchors.map((anchor) => anchor.textKey)).toEqual([
      'lessons.buddyAllocator.anchor.splitDown',
      'lessons.buddyAllocator.anchor.leftOver'
    ])
  })

  it('keeps every anchor of every lesson exactly once', () => {
    for (const lesson of LESSONS) {
      expect(noteGroups(lesson).flatMap((group) => group.anchors)).toEqual(lesson.anchors)
    }
  })

  it('shows the last explanation reached, and keeps it until the next one', () => {
    expect(groupAt(groups, -1)).toBe(0)
    expect(groupAt(groups, 0)).toBe(1)
    expect(groupAt(groups, 8)).toBe(groups.length - 1)
    const sparse = noteGroups({ ...buddy, anchors: buddy.anchors.filter((a) => a.step >= 2) })
    expect(groupAt(sparse, 0)).toBe(-1)
    expect(groupAt(sparse, 2)).toBe(0)
    expect(groupAt(sparse, 3)).toBe(1)
  })
})
