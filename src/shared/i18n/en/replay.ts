/** The Replay view: transport, memory maps, structures, event log, charts; and each step told in words. */
export default {
  noRun: {
    title: 'Choose a run to replay',
    body: 'Replay opens a finished run: write a scenario in the Workbench, pick allocators and run it, and it opens here step by step.',
    toWorkbench: 'Open the Workbench',
    continue: 'Continue with “{title}”'
  },
  state: {
    loading: 'Loading the run…',
    failed: 'This run cannot be opened',
    running: 'The run is still going: {done} of {total} requests. Replay opens when it finishes.',
    nothingRecorded:
      'No configuration of this run has a timeline: they failed, were cancelled before starting, or ran without recording.',
    savedWithoutTimelines:
      'There are no steps to replay: this experiment was saved without its timelines.',
    empty: 'This run has no requests to replay.',
    retry: 'Try again'
  },
  header: {
    untitled: 'Untitled scenario',
    requestsOne: 'one request',
    requestsMany: '{count} requests',
    configsOne: 'one configuration',
    configsMany: '{count} configurations',
    compare: 'Compare these configurations'
  },
  transport: {
    label: 'Playback',
    play: 'Play',
    pause: 'Pause',
    stepBack: 'Step back',
    stepForward: 'Step forward',
    back10: 'Back 10 steps',
    forward10: 'Forward 10 steps',
    toStart: 'To the start',
    toEnd: 'To the end',
    previousFailure: 'Previous failure',
    nextFailure: 'Next failure',
    speed: 'Speed',
    speedValue: '{speed} steps/s',
    step: 'Step',
    stepOf: 'of {last}',
    beforeFirst: 'before the first request',
    stepLine: 'line {line}',
    help: 'Keyboard shortcuts',
    scrubber: 'Position in the run',
    scrubberValue: 'Step {step} of {last}',
    scrubberBefore: 'Before the first request',
    sparkline: 'Drawn behind the scrubber',
    failures: '{count} failures marked',
    noFailure: 'No failure in this direction',
    playing: 'Playing at {speed} steps per second',
    stoppedAt: 'Stopped at step {step}: {what}'
  },
  breakpoint: {
    label: 'Breakpoint',
    kind: 'Stop at',
    kinds: {
      failure: 'a failure',
      split: 'a split',
      merge: 'a buddy merge',
      coalesce: 'a coalesce',
      slabGrown: 'a slab grown',
      slabReaped: 'a slab reaped',
      metric: 'a metric crossing a value'
    },
    minOrder: 'of order at least',
    metric: 'Metric',
    crossing: 'Crossing',
    crossings: {
      above: 'rises above',
      below: 'falls below'
    },
    value: 'Value',
    runForward: 'Run to the next one',
    runBackward: 'Run back to the previous one',
    armed: 'Playback stops at it',
    notFound: 'None found in {config} in this direction.',
    found: 'Step {step} in {config}.',
    foundApprox: 'Step {step} in {config}, within {stride} requests (this metric is sampled).',
    notApplicable: 'Does not apply to {config}.',
    searching: 'Searching…'
  },
  panes: {
    label: 'Configurations shown',
    focus: 'Details for',
    focusHint: 'Structures and the event log follow this configuration.',
    none: 'Choose at least one configuration to show.',
    notRecorded: '{label}: no timeline ({status}).'
  },
  map: {
    label: 'Memory map of {label}',
    heading: 'Memory map',
    summary: '{free} free in {blocks} free blocks; the largest is {largest}.',
    summaryNothingFree: 'Nothing is free.',
    endedAt: 'This configuration ended at step {step}.',
    legend: 'Legend',
    changed: 'Changed by this step',
    outline: 'Block edges',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Show the whole pool',
    zoom: '{factor}×',
    keys: 'Focus the map, then use + and − to zoom, ← and → to pan, 0 to see all of it; or wheel and drag.',
    loading: 'Drawing…',
    failed: 'The map could not be loaded.',
    downsampled: 'Downsampled: {bytes} per pixel',
    exact: 'Every block drawn',
    hover: {
      address: 'Address',
      frames: 'Frames',
      size: 'Size',
      state: 'State',
      handle: 'Handle',
      madeAt: 'Made at',
      madeAtStep: 'step {step}',
      madeAtLooking: 'looking up…',
      madeAtUnknown: 'before this view',
      mixed: 'several states in this pixel',
      order: 'Order',
      cache: 'Cache',
      objects: 'Objects in use'
    }
  },
  structures: {
    heading: 'Structures',
    loading: 'Reading the structures…',
    failed: 'The structures could not be read.',
    heap: {
      freeList: 'Free list, in list order',
      index: '#',
      address: 'Address',
      size: 'Size',
      rover: 'Rover',
      roverHere: 'next fit resumes here',
      roverHead: 'Next fit resumes at the head of the list.',
      empty: 'The free list is empty: no free block.',
      more: '{count} more entries not shown'
    },
    buddy: {
      freeAreas: 'Free areas per order',
      order: 'Order',
      blockSize: 'Block size',
      count: 'Free blocks',
      blocks: 'At frames',
      more: '+{count} more',
      tree: 'Split tree',
      treeLabel:
        'Split tree of the {frames}-frame pool: each row is one order, from the largest block at the top to single frames at the bottom.',
      treeTooLarge:
        'The split tree is drawn for pools of up to 1024 frames; this one has {frames}.',
      treeFree: 'free',
      treeUsed: 'allocated',
      treeSplit: 'split',
      buddyinfo: 'buddyinfo (as /proc/buddyinfo prints it)'
    },
    slab: {
      chain: 'Cache chain',
      cache: '{name}: {size} objects, {perSlab} per slab, {pages} pages per slab',
      lists: {
        full: 'Full',
        partial: 'Partial',
        empty: 'Empty'
      },
      noSlabs: 'no slabs',
      slab: 'Slab at frame {frame}: {inUse} of {total} in use',
      objectUsed: 'in use',
      objectCached: 'free, constructed',
      noCaches: 'No cache exists at this step.',
      idle: 'Caches without a slab ({count}): {names}.',
      slabinfo: 'slabinfo (as /proc/slabinfo prints it)'
    }
  },
  log: {
    heading: 'Event log',
    current: 'This step',
    currentBefore: 'Nothing has happened yet: the pool is as the run found it.',
    filters: 'Filter',
    op: 'Request',
    status: 'Outcome',
    handle: 'Handle',
    handlePlaceholder: 'any',
    all: 'All',
    clear: 'Clear filters',
    count: '{count} events',
    matches: '{count} of {total} events match',
    noMatch: 'No event matches these filters.',
    loading: 'Loading events…',
    failed: 'The events could not be loaded.',
    columns: {
      step: 'Step',
      line: 'Line',
      request: 'Request',
      outcome: 'Outcome',
      explanation: 'What happened'
    },
    listLabel: 'Events of {label}',
    seek: 'Go to step {step}'
  },
  charts: {
    heading: 'Metrics over time',
    metric: 'Metric',
    overlay: 'All configurations in one chart',
    hint: 'Click a point to go to its step; drag across a chart to zoom in, double-click to zoom out.',
    band: 'Shaded: the lowest and highest value in each pixel.',
    sampled: 'Sampled every {stride} requests.',
    loading: 'Loading the chart…',
    failed: 'The chart could not be loaded.',
    chartLabel: '{metric} of {config}, over the run',
    chartLabelAll: '{metric} of every configuration shown, over the run',
    step: 'Step',
    current: 'Current step'
  },
  help: {
    title: 'Keyboard shortcuts',
    intro: 'These work anywhere in Replay except while typing in a field.',
    keys: {
      playPause: 'Play or pause',
      step: 'Step back or forward',
      step10: 'Ten steps back or forward',
      ends: 'To the start or the end',
      failures: 'Previous or next failure',
      breakpoint: 'Run to the breakpoint',
      speed: 'Slower or faster',
      help: 'Show these shortcuts'
    },
    mapKeys: 'On a focused memory map: + and − zoom, ← and → pan, 0 shows the whole pool.'
  },
  /** Each request told in one plain sentence; structural sentences (timeline.structural) follow. */
  event: {
    alloc: '{handle} asked for {size} and got a {granted} block at {addr}.',
    allocPages:
      '{handle} asked for {size} and got {frames} frames ({granted}) starting at frame {frame}.',
    pages:
      '{handle} asked for an order-{order} block of {frames} frames and got it at frame {frame}.',
    kmalloc: '{handle} asked kmalloc for {size} and got {granted} at {addr}.',
    object: '{handle} took a {granted} object from cache {cache} at {addr}.',
    realloc: '{handle} was resized to {size} and now holds a {granted} block at {addr}.',
    reallocPages:
      '{handle} was resized to {size} and now holds {frames} frames starting at frame {frame}.',
    free: '{handle} gave back its {granted} block at {addr}.',
    freePages: '{handle} gave back {frames} frames starting at frame {frame}.',
    freeObject:
      '{handle} returned its object at {addr} to cache {cache}, where it stays constructed.',
    kfree: '{handle} gave back its {granted} kmalloc block at {addr}.',
    cache: 'Created the slab cache {cache}.',
    shrink: 'Shrank cache {cache}: its empty slabs went back to the page allocator.',
    destroy: 'Destroyed cache {cache}.',
    failNoMemory:
      '{handle} asked for {size} and got nothing: less memory than that is free in all.',
    failFragmented:
      '{handle} asked for {size} and got nothing: that much is free in all, but no single free block is large enough.',
    invalid: '“{request}” was refused: {reason}.',
    noop: '“{request}” means nothing to this allocator and was skipped.',
    orderSize: 'an order-{order} block ({frames} frames)',
    slabGrownOne: 'The cache grew by one slab.',
    slabGrownMany: 'The cache grew by {count} slabs.',
    slabReapedOne: 'One empty slab went back to the page allocator.',
    slabReapedMany: '{count} empty slabs went back to the page allocator.',
    ctorCallsOne: 'The constructor ran once.',
    ctorCallsMany: 'The constructor ran {count} times.',
    ctorSavedOne: 'No constructor call was needed: the object was still constructed.',
    ctorSavedMany: '{count} constructor calls were saved: the objects were still constructed.',
    copied: '{bytes} were copied to the new block.',
    splitsOne: 'One free block was split.',
    splitsMany: '{count} free blocks were split.',
    mergesOne: 'One merge joined free blocks.',
    mergesMany: '{count} merges joined free blocks.'
  }
}
