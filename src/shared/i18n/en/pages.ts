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
  buddyinfoHeading: 'Free blocks per order (/proc/buddyinfo):',
  slabinfoHeading: 'Slab caches (/proc/slabinfo):'
}
