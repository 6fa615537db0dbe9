export default {
  buddySummary:
    'Binary buddy page allocator: blocks of 2^order frames, split on demand and merged with their buddy on free',
  slabSummary:
    'Slab caches (Bonwick, Linux SLAB) over the buddy: objects keep their constructed state; kmalloc size classes',
  option: {
    frames: 'Number of page frames in the pool (1 to 4194304; need not be a power of two)',
    page: 'Page frame size in bytes, a power of two from 16 B to 1 MiB',
    maxOrder: 'Largest block order: blocks hold at most 2^max-order frames (0 to 20)',
    colour: 'Colour slabs: start successive slabs at different cache-line offsets (on/off)',
    cacheLine:
      'Cache line size in bytes, the step between slab colours (power of two, 8 B to 4 KiB)'
  },
  invalid: {
    frames: 'frames must be a whole number from 1 to {max}, not {value}',
    page: 'page must be a power of two from {min} to {max} bytes, not {value}',
    maxOrder: 'max-order must be a whole number from 0 to {max}, not {value}',
    cacheLine: 'cache-line must be a power of two from {min} to {max} bytes, not {value}'
  },
  invariant: {
    buddy: {
      frameInNoBlock:
        'Every frame must lie in exactly one block: frame {frame} starts no block and lies in none.',
      frameInTwoBlocks:
        'Every frame must lie in exactly one block: frame {frame} is inside the block at frame {head} yet heads another.',
      frameState:
        'Every block must have a known state: the block at frame {frame} has state {state}.',
      orderRange:
        'Block orders must lie within 0..{maxOrder}: the block at frame {frame} has order {order}.',
      blockAligned:
        'Blocks must be aligned to their order: the block at frame {frame} of order {order} is not.',
      blockInsideZone:
        'Blocks must lie inside the zone: the block at frame {frame} of order {order} runs past frame {frames}.',
      freeBuddiesMerged:
        'Free buddies must be merged: the free blocks at frames {frame} and {buddy} of order {order} are buddies.',
      freeListEnds: 'Free lists must end: free_area[{order}] loops.',
      freeListBlock:
        'Free lists must hold free blocks of their order: free_area[{order}] holds frame {frame}.',
      freeListLinks:
        'Free-list links must agree in both directions: they disagree at frame {frame} on free_area[{order}].',
      freeCount:
        'Free counts must match the lists: free_area[{order}] counts {counted} blocks but holds {listed}.',
      freeBlockListed:
        'Every free block must be on its list: order {order} has {blocks} free blocks, {listed} listed.',
      orderMask: 'The order bitmask must match the lists: it is {mask}, the lists give {lists}.',
      freeFrames:
        'The free-frame count must match the blocks: the counter says {counted}, the free blocks hold {held}.',
      noSlabs: 'A page allocator holds no slabs: {blocks} blocks are marked as slabs.',
      handleKind:
        'Handle {handle} has kind {kind}, a kind of memory this allocator never hands out.',
      handleOwnsBlock:
        'Handles must own their page blocks: handle {handle} points at frame {frame}, which is not a page block it owns.',
      blocksHeld:
        'Every allocated page block must be held by a handle: there are {blocks} blocks, and handles hold {held}.',
      liveBlocks:
        'The live counter must match the handles: {held} handles hold memory, the counter says {counted}.',
      requestedBytes:
        'The requested bytes must match the handles: they asked for {held} bytes, the counter says {counted}.',
      allocatedBytes:
        'The allocated bytes must match the blocks: the handles hold {held} bytes, the counter says {counted}.'
    },
    slab: {
      freeChainEnds: 'Free chains must end: the chain of the slab at frame {frame} loops.',
      freeChainOnce:
        'A free chain must hold each free object once: the slab at frame {frame} lists object {object} twice or out of range.',
      freeChainInside:
        'Free chains must end inside their slab: the chain of the slab at frame {frame} runs past its last object.',
      deadCacheEmpty: 'A destroyed cache holds no slabs: cache {cache} still lists some.',
      slabListEnds: 'Slab lists must end: {list} of cache {cache} loops.',
      slabListLinks:
        'Slab-list links must agree in both directions: they disagree at the slab at frame {frame} of cache {cache}.',
      slabListBlock:
        'Slab lists must hold slabs of their cache’s order: cache {cache} lists frame {frame}.',
      slabFrameCache:
        'Every frame of a slab must name its cache: frame {frame} of a slab of cache {cache} names cache {named}.',
      slabOnList:
        'Slabs must be on the list their use says: the slab at frame {frame} of cache {cache} has {inuse} of {objects} objects in use.',
      freeChainCount:
        'The free chain must match the use count: the slab at frame {frame} of cache {cache} has {free} objects free and {inuse} in use.',
      slabListCounts:
        'Slab-list counts and tails must match the lists: {list} of cache {cache} does not.',
      activeObjects:
        'Active objects must add up: cache {cache} has {active} in its slabs, its counter says {counted}.',
      slabPages:
        'Buddy pages held by slabs must equal slabs × pages per slab: {blocks} slab blocks of {frames} frames, but the caches list {slabs} slabs of {slabFrames} frames.',
      frameCacheOutsideSlab:
        'Only slab frames may name a cache: frame {frame} lies in no slab yet names one.',
      bufctlListEnds: 'The bufctl pool’s free list must end: it runs past its {nodes} nodes.',
      bufctlNodes: 'No bufctl node may be lost: {free} free + {inUse} in use of {nodes}.',
      managementBytes:
        'Management bytes must add up: the slabs hold {held}, the counter says {counted}.',
      objectInSlab:
        'Objects must live in slabs: handle {handle} holds object {object} of frame {frame}, which is no such object of a live slab.',
      heldObjectFree:
        'Held objects must not be free: handle {handle} holds object {object} of the slab at frame {frame}, yet it is on the free chain.',
      objectHeldOnce:
        'One handle per object: handle {handle} holds the object at {addr}, which another handle holds too.',
      slabObjectsHeld:
        'Objects in use must be held: the slab at frame {frame} has {inuse} in use, handles hold {held}.',
      objectsHeld:
        'Objects in use must be held: the caches have {inuse} in use, handles hold {held}.'
    }
  },
  buddyinfoHeading: 'Free blocks per order (/proc/buddyinfo):',
  slabinfoHeading: 'Slab caches (/proc/slabinfo):'
}
