import { BEFORE_FIRST_REQUEST, type Lesson, type LessonAnchor } from '@shared/lessons'

/** The anchors that share one step: what the note beside Replay shows together. */
export interface LessonNoteGroup {
  readonly step: number
  readonly anchors: readonly LessonAnchor[]
}

/** A lesson's anchors grouped by step, in replay order (the lesson lists them so). */
export function noteGroups(lesson: Lesson): LessonNoteGroup[] {
  const groups: LessonNoteGroup[] = []
  for (const anchor of lesson.anchors) {
    const last = groups.at(-1)
    if (last && last.step === anchor.step)
      groups[groups.length - 1] = { step: last.step, anchors: [...last.anchors, anchor] }
    else groups.push({ step: anchor.step, anchors: [anchor] })
  }
  return groups
}

/**
 * Index of the group to show at a replay step: the last one whose step has
 * been reached (step -1 is before the first request), or -1 before any.
 */
export function groupAt(groups: readonly LessonNoteGroup[], step: number): number {
  let found = -1
  for (const [index, group] of groups.entries()) {
    if (group.step <= step) found = index
    else break
  }
  return found
}

export function isBeforeFirstRequest(step: number): boolean {
  return step === BEFORE_FIRST_REQUEST
}
