/**
 * Every invariant a family's `check()` can report, by family and rule code,
 * with the names of the parameters its message fills. The messages live in
 * i18n under `invariantKey(family, rule)`; a test holds both languages to
 * exactly these parameters. `config`, `step` and `line` are kept for the run
 * that reports a failure (see RunCheckError), so no rule uses them.
 *
 * The buddy rules cover the page layer shared by both page families: the zone
 * and the page-handle table (a slab run reports a broken zone as buddy).
 */
export const INVARIANT_RULES = {
  heap: {
    tiling: ['addr', 'expected'],
    blockTooSmall: ['addr', 'size', 'min'],
    arenaEnd: ['end', 'arena'],
    physicalLinks: ['addr'],
    sideRecord: ['record'],
    releasedRecord: ['addr'],
    tags: ['addr', 'header', 'footer'],
    adjacentFree: ['addr'],
    listEntry: ['addr'],
    listLinks: ['addr'],
    listTail: [],
    listMissing: ['count'],
    rover: ['addr'],
    heapEnd: ['end', 'limit'],
    listUnsorted: ['addr'],
    handleBlock: ['handle', 'block'],
    handleSize: ['handle', 'addr'],
    orphanBlock: ['addr'],
    blockCount: ['counted', 'recorded'],
    freeBytes: ['counted', 'recorded'],
    allocatedBytes: ['counted', 'recorded'],
    freeBlocks: ['counted', 'recorded'],
    liveHandles: ['counted', 'recorded'],
    requestedBytes: ['counted', 'recorded'],
    peakRequested: ['peak', 'live'],
    highWater: ['highWater', 'end']
  },
  buddy: {
    frameInNoBlock: ['frame'],
    frameInTwoBlocks: ['frame', 'head'],
    frameState: ['frame', 'state'],
    orderRange: ['frame', 'order', 'maxOrder'],
    blockAligned: ['frame', 'order'],
    blockInsideZone: ['frame', 'order', 'frames'],
    freeBuddiesMerged: ['frame', 'buddy', 'order'],
    freeListEnds: ['order'],
    freeListBlock: ['order', 'frame'],
    freeListLinks: ['order', 'frame'],
    freeCount: ['order', 'counted', 'listed'],
    freeBlockListed: ['order', 'blocks', 'listed'],
    orderMask: ['mask', 'lists'],
    freeFrames: ['counted', 'held'],
    noSlabs: ['blocks'],
    handleKind: ['handle', 'kind'],
    handleOwnsBlock: ['handle', 'frame'],
    blocksHeld: ['blocks', 'held'],
    liveBlocks: ['held', 'counted'],
    requestedBytes: ['held', 'counted'],
    allocatedBytes: ['held', 'counted']
  },
  slab: {
    freeChainEnds: ['frame'],
    freeChainOnce: ['frame', 'object'],
    freeChainInside: ['frame'],
    deadCacheEmpty: ['cache'],
    slabListEnds: ['cache', 'list'],
    slabListLinks: ['cache', 'frame'],
    slabListBlock: ['cache', 'frame'],
    slabFrameCache: ['cache', 'frame', 'named'],
    slabOnList: ['cache', 'frame', 'inuse', 'objects'],
    freeChainCount: ['cache', 'frame', 'free', 'inuse'],
    slabListCounts: ['cache', 'list'],
    activeObjects: ['cache', 'active', 'counted'],
    slabPages: ['blocks', 'frames', 'slabs', 'slabFrames'],
    frameCacheOutsideSlab: ['frame'],
    bufctlListEnds: ['nodes'],
    bufctlNodes: ['free', 'inUse', 'nodes'],
    managementBytes: ['held', 'counted'],
    objectInSlab: ['handle', 'frame', 'object'],
    heldObjectFree: ['handle', 'frame', 'object'],
    objectHeldOnce: ['handle', 'addr'],
    slabObjectsHeld: ['frame', 'inuse', 'held'],
    objectsHeld: ['inuse', 'held']
  }
} as const satisfies Record<string, Record<string, readonly string[]>>

export type InvariantFamily = keyof typeof INVARIANT_RULES
export type InvariantRule<F extends InvariantFamily> = keyof (typeof INVARIANT_RULES)[F] & string
/** The parameters a rule's message takes, each a number or a short text. */
export type InvariantParams<F extends InvariantFamily, R extends InvariantRule<F>> = {
  readonly [
    P in (typeof INVARIANT_RULES)[F][R] extends readonly (infer N extends string)[] ? N : never
  ]: string | number
}

/** Where each family's rule messages live in the i18n catalog. */
export const INVARIANT_KEY_PREFIX: Readonly<Record<InvariantFamily, string>> = {
  heap: 'heap.invariant',
  buddy: 'pages.invariant.buddy',
  slab: 'pages.invariant.slab'
}

/** The i18n key of a rule's message, e.g. `pages.invariant.buddy.freeCount`. */
export function invariantKey(family: InvariantFamily, rule: string): string {
  return `${INVARIANT_KEY_PREFIX[family]}.${rule}`
}
