/**
 * What the first frame of a block says about it, like the flag bits of
 * Linux's struct page. Only a block's head frame carries a state; every other
 * frame of the block is a Tail. A frame is Free only while its block sits on
 * a free list, so a stale "free" record can never be mistaken for a buddy.
 */
export const FrameState = {
  /** Inside a block whose head is at a lower frame. */
  Tail: 0,
  /** Head of a block on free_area[order]. */
  Free: 1,
  /** Head of a block handed out whole (alloc_pages, or kmalloc too big for a cache). */
  Pages: 2,
  /** Head of a block a slab cache owns. */
  Slab: 3
} as const
export type FrameStateCode = (typeof FrameState)[keyof typeof FrameState]
