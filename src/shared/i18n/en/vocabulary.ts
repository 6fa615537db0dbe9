/** The names of the shared vocabulary (src/shared/vocabulary): metrics, map states, statuses, units. */
export default {
  metric: {
    requestedLive: {
      label: 'Requested live',
      description: 'Bytes the program asked for that are still allocated.'
    },
    allocatedLive: {
      label: 'Allocated live',
      description:
        'Bytes set aside for live requests, with headers, alignment and rounding included.'
    },
    internalFragmentation: {
      label: 'Internal fragmentation',
      description: 'Bytes allocated beyond what was asked for: allocated live minus requested live.'
    },
    liveBlocks: { label: 'Live blocks', description: 'Allocations not yet freed.' },
    peakRequested: {
      label: 'Peak requested',
      description: 'The most requested bytes that were live at once so far.'
    },
    failNoMemory: {
      label: 'Failed: not enough memory',
      description: 'Requests refused because less memory was free in total than they needed.'
    },
    failFragmented: {
      label: 'Failed: fragmented',
      description:
        'Requests refused although enough memory was free in total: no single free block was large enough.'
    },
    examined: {
      label: 'Entries examined',
      description: 'Free-list entries (or list heads) the allocator looked at for this request.'
    },
    splits: { label: 'Splits', description: 'Blocks cut in two to serve this request.' },
    merges: {
      label: 'Merges',
      description: 'Free blocks joined with their neighbours or buddies by this request.'
    },
    freeBytes: { label: 'Free bytes', description: 'Bytes in free blocks or free frames.' },
    freeBlocks: { label: 'Free blocks', description: 'How many separate free blocks there are.' },
    largestFree: {
      label: 'Largest free block',
      description: 'Size of the biggest free block: the largest request that could succeed now.'
    },
    metadataBytes: {
      label: 'Metadata',
      description:
        'Memory spent on managing memory: headers, footers, per-frame records, slab descriptors.'
    },
    highWater: {
      label: 'High-water mark',
      description: 'The highest pool offset ever handed out.'
    },
    externalFragmentation: {
      label: 'External fragmentation',
      description:
        'How scattered the free memory is: 1 − largest free block ÷ total free (0 when nothing is free).'
    },
    utilization: {
      label: 'Utilization',
      description: 'Peak requested bytes ÷ high-water mark, as malloc-lab measures it.'
    }
  },
  unit: {
    bytes: 'bytes',
    count: 'count',
    ratio: 'ratio'
  },
  mapState: {
    free: 'Free',
    used: 'Requested',
    overhead: 'Metadata',
    slack: 'Slack (padding and rounding)',
    cached: 'Cached object (constructed, free)',
    unobtained: 'Not yet obtained (past the heap’s break)'
  },
  runStatus: {
    queued: 'Queued',
    running: 'Running',
    done: 'Done',
    cancelled: 'Cancelled',
    failed: 'Failed'
  },
  requestStatus: {
    ok: 'Succeeded',
    'no-memory': 'Failed: not enough memory',
    fragmented: 'Failed: fragmented',
    invalid: 'Refused',
    noop: 'Not applicable'
  },
  peak: {
    at: '{value} at step {step}',
    never: 'never'
  }
}
