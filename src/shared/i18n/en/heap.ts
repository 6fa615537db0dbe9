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
    page: 'Bytes per page when a page request of order k is served by a heap (2^k pages)'
  },
  invalid: {
    notWhole: 'Option "{option}" needs a whole number, not {value}.',
    outOfRange: 'Option "{option}" is {value}; it must be between {min} and {max}.',
    choice: 'Option "{option}" cannot be "{value}"; choose one of: {choices}.',
    alignPowerOfTwo: 'Alignment {align} is not a power of two (1, 2, 4, 8, ...).',
    inbandHeader:
      'With meta=inband the header holds a header word and a footer word, so it must be a multiple of 4 and at least 8 bytes (it is {header}). Use meta=side for other sizes.',
    inbandAlign:
      'With meta=inband the alignment must be at least 4 bytes (it is {align}), because boundary tags are 4-byte words. Use meta=side for smaller units.',
    inbandArena:
      'With meta=inband the arena size must be a multiple of 4 bytes (it is {arena}). Use meta=side for other sizes.',
    arenaTooSmall: 'An arena of {arena} bytes cannot hold even one block of {min} bytes.'
  },
  invariant: {
    tiling:
      'Blocks must tile the arena without gaps or overlaps: the block at {addr} should start at {expected}.',
    blockTooSmall:
      'The block at {addr} has {size} bytes, less than the minimum block of {min} bytes.',
    arenaEnd:
      'Blocks must end exactly at the arena’s end: they end at offset {end}, the arena has {arena} bytes.',
    physicalLinks: 'The links between neighbouring blocks disagree at {addr}.',
    releasedRecord: 'The block at {addr} uses a record that was already released.',
    tags: 'Boundary tags must agree: the block at {addr} has header {header} but footer {footer}.',
    adjacentFree:
      'With coalescing on, no two free blocks may touch: the free block at {addr} follows another free block.',
    listEntry:
      'Every free-list entry must be a free block listed once: the entry at {addr} is not.',
    listLinks: 'Free-list links must agree in both directions: they disagree at {addr}.',
    listMissing:
      'Every free block must be on the free list: {count} free blocks are missing from it.',
    rover: 'Next-fit’s rover must point at a free-list entry: {addr} is not one.',
    handleBlock:
      'Handle {handle} must hold an allocated block of its own: block {block} is not one.',
    handleSize: 'The block at {addr} held by handle {handle} is too small for its request.',
    orphanBlock:
      'Every allocated block must belong to a handle: the block at {addr} belongs to none.',
    totals: 'The {name} total must match the blocks: counted {counted}, recorded {recorded}.'
  }
}
