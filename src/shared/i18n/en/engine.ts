export default {
  spec: {
    missingFamily: 'allocator spec "{spec}" names no family; use one of: {families}.',
    unknownFamily: 'allocator spec "{spec}": unknown family "{family}"; use one of: {families}.',
    unknownFamilyGuess:
      'allocator spec "{spec}": unknown family "{family}". Did you mean "{guess}"? Families: {families}.',
    missingEquals: 'allocator spec "{spec}": "{part}" is not of the form key=value.',
    unknownOption:
      'allocator spec "{spec}": {family} has no option "{key}"; its options are: {keys}.',
    unknownOptionGuess:
      'allocator spec "{spec}": {family} has no option "{key}". Did you mean "{guess}"? Options: {keys}.',
    duplicateOption: 'allocator spec "{spec}": option "{key}" is set twice.',
    emptyValue: 'allocator spec "{spec}": option "{key}" has no value.',
    badSwitch:
      'allocator spec "{spec}": {key}={value} must be on or off (also true/false, yes/no, 1/0).',
    badChoice: 'allocator spec "{spec}": {key}={value} is not one of: {choices}.',
    badChoiceGuess:
      'allocator spec "{spec}": {key}={value} is not one of: {choices}. Did you mean "{guess}"?',
    badInteger: 'allocator spec "{spec}": {key}={value} must be a whole number.',
    badSize:
      'allocator spec "{spec}": {key}={value} is not a size; write whole bytes, optionally with a unit (B, K, KiB, M, MiB, G, GiB).',
    outOfRange: 'allocator spec "{spec}": {key}={value} is out of range ({min} to {max}).',
    invalidConfig: 'allocator spec "{spec}": {message}'
  },
  status: {
    ok: 'ok',
    noMemory: 'failed: not enough free memory',
    fragmented: 'failed: enough memory free, but fragmented',
    invalid: 'invalid',
    noop: 'skipped'
  },
  invalid: {
    none: 'no reason',
    handleEmpty: 'the handle holds no block',
    handleLive: 'the handle already holds a block',
    unknownCache: 'no such cache',
    cacheHasLiveObjects: 'the cache still has live objects',
    cacheExists: 'a cache of that name already exists',
    tooLarge: 'the request is larger than this allocator can ever serve',
    wrongKind: 'the handle holds a different kind of memory'
  },
  worker: {
    crashed: '{config}: the engine worker crashed ({detail}).',
    failed: '{config}: the run failed: {detail}',
    outOfMemory: '{config}: the engine worker ran out of memory ({detail}).',
    terminated: '{config}: the run was stopped before it finished.',
    noResult: '{config}: the engine worker ended without a result.',
    invariant: '{config}: an invariant broke after request {step} (line {line}): {detail}',
    notAWorker: 'The engine worker must be started as a worker thread, not run directly.'
  },
  run: {
    summary: 'Run a scenario against one or more allocator configurations',
    allocatorOption:
      'Allocator config, e.g. first-fit:arena=16MiB, or a preset id such as csapp-textbook (repeat to compare several; alloclab allocators lists the presets)',
    jsonOption: 'Print the results as JSON',
    eventsOption: 'With --json: include one record per request',
    checkOption: 'Check every allocator invariant after every request (slow)',
    timingOption: 'With --json: include wall-clock timings (they differ between runs)',
    needFile: 'give exactly one scenario file (or "-" for standard input).',
    needAllocator: 'give at least one --allocator SPEC (run "alloclab allocators" to see them).',
    tooManyAllocators:
      'at most {max} allocator configs run together, and {count} were given; split them over several runs.',
    allocatorValue: 'an allocator spec such as first-fit',
    eventsNeedJson: '--events only applies with --json.',
    noRecordOption:
      'Record no timeline (for huge runs: less memory, but peaks are seen only every few thousand requests)',
    noRecordConflicts:
      '--events, --csv and --report read the timeline, which --no-record leaves out.',
    scenarioHasErrors: '{file}: the scenario has {count} error(s); nothing was run.',
    runFailed: 'one or more runs did not finish.',
    configTitle: 'Configurations:',
    cancelled: '(cancelled after {requests} requests)',
    buddyinfoTitle: '{config}: buddyinfo',
    slabinfoTitle: '{config}: slabinfo',
    freeListTitle: '{config}: free list ({count} blocks)',
    row: {
      requests: 'requests',
      failures: 'failures (no memory / fragmented)',
      invalid: 'invalid requests',
      utilization: 'utilization (peak requested / high water)',
      internalFragmentation: 'internal fragmentation (bytes)',
      externalFragmentation: 'external fragmentation',
      metadataBytes: 'metadata (bytes)',
      examined: 'entries examined (total)',
      nsPerRequest: 'ns per request'
    }
  },
  preset: {
    textbookHeap: {
      label: 'Textbook heap (100 bytes)',
      description:
        "First fit over a 100-byte arena at address 1000 with no headers and no alignment, as the free-space chapter's exercises use."
    },
    fourFits: {
      label: 'The four fits side by side',
      description: 'First, next, best and worst fit over the same 100-byte textbook arena.'
    },
    articlePool: {
      label: 'Buddy over 1024 frames',
      description: 'A buddy allocator over 1024 page frames of 4 KiB (4 MiB), orders 0 to 10.'
    },
    slabOverBuddy: {
      label: 'Slab over buddy',
      description:
        'The slab cache on top of a 1024-frame buddy pool, beside the buddy allocator alone.'
    },
    malloclabHeap: {
      label: 'In-band heap for malloc-lab traces',
      description:
        'First fit over a 16 MiB arena with 8-byte boundary tags and 8-byte alignment, like a real malloc.'
    },
    ostep: {
      label: 'OSTEP’s malloc.py',
      description:
        'Best fit over 100 bytes at 1000 with malloc.py’s rules: the whole list re-sorted at every free, every remainder kept, failed searches counted, and with coalescing on, list neighbours merged.'
    },
    csappTextbook: {
      label: 'CS:APP textbook allocator',
      description:
        'The implicit free list of CS:APP §9.9.12 (64-bit): 8-byte boundary tags, 16-byte alignment, first fit, immediate coalescing, a heap that grows by 4 KiB chunks up to 20 MiB.'
    }
  },
  allocators: {
    summary: 'List the allocator families, their options, defaults and ranges',
    jsonOption: 'Print the list as JSON',
    defaultLabel: 'default',
    rangeLabel: 'range',
    choicesLabel: 'one of',
    switchLabel: 'on or off',
    presetsTitle: 'Presets (ready-made sets of configurations):',
    example: 'Example: alloclab run FILE --allocator {example}'
  }
}
