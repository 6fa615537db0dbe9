export default {
  summary: {
    firstFit: 'Heap with an explicit free list; takes the first free block big enough',
    nextFit: 'Like first-fit, but each search resumes where the last allocation was made',
    bestFit: 'Scans the whole free list and takes the smallest free block big enough',
    worstFit: 'Scans the whole free list and takes the largest free block'
  },
  option: {
    arena: 'Bytes in the heap arena',
    base: 'Address of the arena’s first byte, as shown in results',
    header: 'Bookkeeping bytes added to every block (in-band: header and footer words)',
    align: 'Requests are rounded up to a multiple of this many bytes (a power of two)',
    order:
      'Where a freed block enters the free list: addr (by address), size-asc, size-desc, front (LIFO) or back (FIFO)',
    coalesce: 'Merge a freed block with free blocks right next to it',
    meta: 'Where block metadata lives: inband (boundary tags inside the arena) or side (separate tables; any unit size)',
    page: 'Bytes per page when a page request of order k is served by a heap (2^k pages)',
    sort: 'When a size-sorted free list is put in order: insert (only the freed block is placed), resort (the whole list is sorted again, stably, at every free, as OSTEP’s malloc.py does) or auto (resort with meta=side, insert in-band)',
    split:
      'Which remainders a split keeps free: min-block (at least a minimum block; smaller ones stay with the request), any (every remainder of 1 byte or more, as malloc.py does) or auto (any with meta=side, min-block in-band)',
    merge:
      'How coalescing finds partners: physical (free neighbours in memory) or list (after every free, entries that follow each other in the list and touch in memory, as malloc.py’s -C does)',
    list: 'What a search scans: explicit (the free list) or implicit (every block, free or allocated, in address order; examined counts blocks)',
    realloc:
      'in-place (shrink and grow in place when possible, otherwise move) or move (always malloc, copy and free, as CS:APP’s simple realloc does)',
    word: 'Bytes in one in-band boundary-tag word: 4, or 8 as in CS:APP’s 64-bit heap',
    grow: 'When no block fits, grow the heap (sbrk) by the larger of the block needed and this many bytes; 0 keeps a fixed arena',
    limit: 'Most bytes a growing heap may reach (CS:APP’s MAX_HEAP)',
    prologue: 'Bytes before the first block (CS:APP: an 8-byte pad and the 16-byte prologue block)',
    epilogue: 'Bytes after the last block (CS:APP: the 8-byte epilogue header)'
  },
  invalid: {
    notWhole: 'Option "{option}" needs a whole number, not {value}.',
    outOfRange: 'Option "{option}" is {value}; it must be between {min} and {max}.',
    choice: 'Option "{option}" cannot be "{value}"; choose one of: {choices}.',
    alignPowerOfTwo: 'Alignment {align} is not a power of two (1, 2, 4, 8, ...).',
    inbandHeader:
      'With meta=inband the header holds a header word and a footer word, so it must be a multiple of {word} and at least {least} bytes (it is {header}). Use meta=side for other sizes.',
    inbandAlign:
      'With meta=inband the alignment must be at least {word} bytes (it is {align}), because boundary tags are {word}-byte words. Use meta=side for smaller units.',
    inbandArena:
      'With meta=inband the arena size must be a multiple of {word} bytes (it is {arena}). Use meta=side for other sizes.',
    inbandMultiple:
      'With meta=inband, {option} must be a multiple of the {word}-byte tag word (it is {value}).',
    word: 'A boundary-tag word is 4 or 8 bytes, not {word}.',
    splitAnyInband:
      'split=any needs meta=side: an in-band block must have room for its boundary tags, so remainders smaller than a minimum block cannot stay free.',
    listMergeImplicit:
      'merge=list needs list=explicit: an implicit list has no list order to merge neighbours by.',
    limitBelowArena:
      'A growing heap starts with its arena, so the limit ({limit} bytes) must be at least the arena ({arena} bytes).',
    arenaTooSmall: 'An arena of {arena} bytes cannot hold even one block of {min} bytes.',
    arenaTooSmallFramed:
      'An arena of {arena} bytes cannot hold a prologue of {prologue}, an epilogue of {epilogue} and one block of {min} bytes.'
  },
  invariant: {
    tiling:
      'Blocks must tile the arena without gaps or overlaps: the block at {addr} should start at {expected}.',
    blockTooSmall:
      'The block at {addr} has {size} bytes, less than the minimum block of {min} bytes.',
    arenaEnd:
      'Blocks must end exactly at the arena’s end: they end at offset {end}, the arena has {arena} bytes.',
    physicalLinks: 'The links between neighbouring blocks disagree at {addr}.',
    sideRecord:
      'With meta=side every block must be a live record in the separate table: record {record} is not one.',
    releasedRecord: 'The block at {addr} uses a record that was already released.',
    tags: 'Boundary tags must agree: the block at {addr} has header {header} but footer {footer}.',
    adjacentFree:
      'With coalescing on, no two free blocks may touch: the free block at {addr} follows another free block.',
    listEntry:
      'Every free-list entry must be a free block listed once: the entry at {addr} is not.',
    listLinks: 'Free-list links must agree in both directions: they disagree at {addr}.',
    listTail: 'The free list’s tail must be its last entry: it points elsewhere.',
    listMissing:
      'Every free block must be on the free list: {count} free blocks are missing from it.',
    rover:
      'Next-fit’s rover must point at a free-list entry (on an implicit list, a block): {addr} is not one.',
    heapEnd:
      'The heap end must lie between the arena size and the limit ({limit} bytes), where the blocks end: it is {end}.',
    listUnsorted:
      'A free list re-sorted at every free must be in size order once sorted: the entry at {addr} is out of order.',
    handleBlock:
      'Handle {handle} must hold an allocated block of its own: block {block} is not one.',
    handleSize: 'The block at {addr} held by handle {handle} is too small for its request.',
    orphanBlock:
      'Every allocated block must belong to a handle: the block at {addr} belongs to none.',
    blockCount:
      'The block count must match the blocks: {counted} blocks tile the arena, the heap records {recorded}.',
    freeBytes:
      'Free bytes must match the blocks: the free blocks hold {counted} bytes, the heap records {recorded}.',
    allocatedBytes:
      'Allocated bytes must match the blocks: the allocated blocks hold {counted} bytes, the heap records {recorded}.',
    freeBlocks:
      'The free-block count must match the free list: the list holds {counted} blocks, the heap records {recorded}.',
    liveHandles:
      'The live-handle count must match the handles: {counted} handles hold a block, the heap records {recorded}.',
    requestedBytes:
      'Requested bytes must match the handles: they asked for {counted} bytes, the heap records {recorded}.',
    peakRequested:
      'The peak of requested bytes cannot be below what is live: the peak is {peak} bytes, {live} bytes are live.',
    highWater:
      'The high-water mark cannot lie past the heap’s end: it is at {highWater}, the heap ends at {end}.'
  }
}
