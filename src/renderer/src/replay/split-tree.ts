/** A block of the buddy pool as the split tree draws it. */
export interface TreeNode {
  readonly frame: number
  readonly order: number
  /** free: on a free list; used: handed out whole; split: cut into its two buddies; reserved: neither (held by something else). */
  readonly state: 'free' | 'used' | 'split' | 'reserved'
  readonly handle: string | null
}

export interface TreeInput {
  readonly frames: number
  readonly maxOrder: number
  readonly free: readonly { readonly frame: number; readonly order: number }[]
  readonly used: readonly {
    readonly frame: number
    readonly order: number
    readonly handle: string | null
  }[]
}

/** Pools up to this many frames get a split tree (a row per order, each frame still a visible sliver). */
export const MAX_TREE_FRAMES = 1024

/**
 * The split tree of a buddy pool: from each largest block down, a block that
 * is neither free nor handed out must have been split, so its two buddies
 * follow on the row below. Blocks are listed top row first, by frame.
 */
export function splitTree(input: TreeInput): TreeNode[] {
  const key = (frame: number, order: number): string => `${frame}:${order}`
  const free = new Set(input.free.map((block) => key(block.frame, block.order)))
  const used = new Map(input.used.map((block) => [key(block.frame, block.order), block.handle]))
  const nodes: TreeNode[] = []
  const visit = (frame: number, order: number): void => {
    if (frame >= input.frames) return
    const here = key(frame, order)
    if (free.has(here)) nodes.push({ frame, order, state: 'free', handle: null })
    else if (used.has(here))
      nodes.push({ frame, order, state: 'used', handle: used.get(here) ?? null })
    else if (order === 0) nodes.push({ frame, order, state: 'reserved', handle: null })
    else {
      // Only a block wholly inside the pool can have been split from; a partial one is just the frame range.
      if (frame + 2 ** order <= input.frames)
        nodes.push({ frame, order, state: 'split', handle: null })
      visit(frame, order - 1)
      visit(frame + 2 ** (order - 1), order - 1)
    }
  }
  const top = 2 ** input.maxOrder
  for (let frame = 0; frame < input.frames; frame += top) visit(frame, input.maxOrder)
  return nodes.sort((a, b) => b.order - a.order || a.frame - b.frame)
}
