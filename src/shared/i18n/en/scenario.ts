export default {
  diag: {
    unknownKeyword:
      '"{word}" is not a keyword. Each line starts with a keyword such as alloc, free, pages or cache.',
    unknownKeywordSuggest: '"{word}" is not a keyword. Did you mean "{suggestion}"?',
    missingArgument:
      '"{keyword}" needs more words. Write it as "{synopsis}", for example "{example}".',
    missingHandle:
      '"{keyword}" needs a handle name before the number, for example "{example}". The handle is the name you use later to free the block.',
    extraArgument:
      '"{keyword}" does not take "{word}" or anything after it. Write it as "{synopsis}", for example "{example}".',
    tooManyWords: 'This line has too many words; a line holds at most {max}.',
    badName:
      '"{word}" cannot be a name. Names start with a letter or "_" and go on with letters, digits, "_", "-" or ".", for example "buf1".',
    notANumber: 'The {what} "{word}" is not a number. Write digits, for example 4096 or 16KiB.',
    unitNotAllowed:
      'The {what} is a plain count and takes no unit: write "{word}" without its letters.',
    badUnit:
      '"{word}" ends in a unit AllocLab does not know. Use one of {units}; K, M and G are binary (1K = 1024 bytes).',
    fractional:
      'The {what} "{word}" is not a whole number of bytes. Round it, or use a smaller unit (1.5K is fine, it is 1536 bytes).',
    tooLarge: 'The {what} {word} is too large: the most allowed is {max}.',
    tooSmall: 'The {what} {word} is too small: the least allowed is {min}.',
    notPowerOfTwo:
      'The {what} must be a power of two (1, 2, 4, 8, …), but {word} is not. The nearest are {below} and {above}.',
    unknownOption: '"{word}" is not an option of cache. The options are {options}.',
    unknownOptionSuggest:
      '"{word}" is not an option of cache. Did you mean "{suggestion}"? The options are {options}.',
    duplicateOption: 'The option "{option}" is given twice on this line. Keep only one.',
    missingOptionValue: 'The option "{option}" needs a number after it, for example "{option} 8".',
    directiveAfterRequest:
      '"{keyword}" describes the whole scenario, so it must come before the first request (line {line}). Move it to the top.',
    duplicateDirective:
      '"{keyword}" was already set on line {line}. A scenario sets it once; delete one of the two lines.',
    exceedsMaxOrder:
      'Order {order} is above the largest order {maxOrder}, so this request will fail. Set "max-order" at the top if you want bigger blocks.',
    exceedsArena:
      'This asks for {size} but the whole arena is {arena}, so it will fail. Ask for less or make the arena larger.',
    sizeZero:
      '"{keyword}" asks for 0 bytes. Allocators differ on what that means; ask for at least 1 byte unless you want to see exactly that.',
    handleLive:
      'The handle "{handle}" still holds memory from line {line}. Release it first ("{release} {handle}") or use a new name.',
    unknownHandle:
      'There is no handle "{handle}". A handle must get memory (alloc, pages, object, kmalloc) before it is freed or resized.',
    unknownHandleSuggest: 'There is no handle "{handle}". Did you mean "{suggestion}"?',
    handleFreed:
      'The handle "{handle}" was already released on line {line}, so it holds nothing now. Remove this line or give the handle memory again first.',
    mismatchedFree:
      '"{handle}" got its memory with "{acquire}" on line {line}, so release it with "{release} {handle}" rather than "{used}".',
    cannotRealloc:
      '"{handle}" got its memory with "{acquire}" on line {line}; only blocks from "alloc" can be resized with realloc.',
    cacheExists:
      'A cache named "{cache}" already exists (line {line}). Destroy it first or choose another name.',
    unknownCache:
      'There is no cache "{cache}". Create it first with a line like "cache {cache} 64".',
    unknownCacheSuggest: 'There is no cache "{cache}". Did you mean "{suggestion}"?',
    cacheDestroyed:
      'The cache "{cache}" was destroyed on line {line}. Create it again before using it.',
    cacheBusy:
      'The cache "{cache}" still has {count} object(s) in use, for example "{handle}". Free them with free-object before destroying the cache.',
    traceBadHeader:
      'A malloc-lab trace starts with 2 header numbers (ids, operations) or 4 (heap size, ids, operations, weight), one per line; found {found}.',
    traceUnknownOp:
      '"{word}" is not a trace operation. Lines are "a ID BYTES", "f ID" or "r ID BYTES".',
    traceWordCount: 'The operation "{op}" takes {expected} number(s) but this line has {found}.',
    traceBadId: 'The id "{word}" is not a whole number of 0 or more.',
    traceBadBytes: 'The byte count "{word}" is not a whole number of 0 or more.',
    traceIdLive:
      'Id {id} is allocated again while it still holds a block; the old block is kept (it leaks) and the new one gets a new handle.',
    traceReallocUnknown:
      'Id {id} holds no block, so this realloc is imported as an alloc (as realloc(NULL, n) is malloc(n)).',
    traceFreeUnknown:
      'Id {id} holds no block, so this free is skipped (as free(NULL) does nothing).',
    traceOpCount:
      'The header says {declared} operations but the trace has {found}. The operations found are imported.',
    traceIdCount: 'The header says {declared} ids but the trace uses {found}.',
    oplistBadItem:
      '"{item}" is not an operation. Write +N to allocate N bytes or -K to free the K-th allocation, for example +10,-0.',
    oplistUnknownIndex:
      '-{index} frees allocation {index}, but only {count} allocation(s) came before it (they count from 0).',
    oplistAlreadyFreed: 'Allocation {index} was already freed on line {line}.'
  },
  what: {
    size: 'size',
    objectSize: 'object size',
    order: 'order',
    arena: 'arena size',
    base: 'base address',
    frames: 'frame count',
    pageSize: 'page size',
    maxOrder: 'largest order',
    grow: 'heap growth step',
    align: 'alignment',
    ctor: 'constructor cost',
    dtor: 'destructor cost',
    slabPages: 'pages per slab'
  },
  keyword: {
    name: 'Names the scenario.',
    description: 'One line of description; repeat for more lines.',
    arena: 'Size of the heap arena the heap allocators manage.',
    base: 'Address of the first byte of the arena, as shown in memory maps.',
    frames: 'Number of page frames for the buddy and slab allocators.',
    pageSize: 'Size of one page frame.',
    maxOrder: 'Largest buddy order: the biggest block is 2^order frames.',
    grow: 'The heap grows: when no block fits, it obtains at least SIZE more bytes (like sbrk), up to its limit.',
    alloc: 'Ask for SIZE bytes and call the block HANDLE.',
    free: 'Give back the block HANDLE holds.',
    realloc: 'Resize the block HANDLE holds to SIZE bytes.',
    pages: 'Ask the page allocator for 2^ORDER contiguous frames.',
    freePages: 'Give back the frames HANDLE holds.',
    cache: 'Create a slab cache of objects of SIZE bytes.',
    object: 'Take one object from a cache.',
    freeObject: 'Return the object HANDLE holds to its cache.',
    shrink: 'Give a cache’s empty slabs back to the page allocator.',
    destroy: 'Remove a cache that has no objects in use.',
    kmalloc: 'Ask the kernel’s general-purpose allocator for SIZE bytes.',
    kfree: 'Give back a kmalloc block.'
  },
  generator: {
    kind: {
      random: 'Random allocations and frees with a chosen size distribution',
      ramp: 'Allocate many blocks, then free them all',
      plateau: 'Hold a steady number of blocks while replacing them',
      fragmentation: 'Small blocks with every other freed, then large requests',
      slab: 'Objects taken from and returned to a few slab caches',
      pages: 'Random page requests by order for the buddy allocator'
    },
    option: {
      count: 'Number of requests (ramp and fragmentation: blocks; plateau: replacements)',
      allocShare: 'Share of requests that allocate, from 0 to 1',
      reallocShare: 'Share of requests that resize a live block, from 0 to 1',
      maxLive: 'Most blocks live at once',
      live: 'Blocks held during the plateau',
      sizes: 'Size distribution: uniform, pow2, exponential or bimodal',
      sizeMin: 'Smallest size, e.g. 16 or 1KiB',
      sizeMax: 'Largest size, e.g. 4096 or 4KiB',
      sizeMean: 'Mean size above the smallest, for exponential sizes',
      largeShare: 'Share of large sizes, for bimodal sizes',
      release: 'Order of frees in a ramp: fifo, lifo or random',
      caches: 'Number of slab caches',
      ctor: 'Constructor cost of each object',
      orderMin: 'Smallest page order requested',
      orderMax: 'Largest page order requested',
      arena: 'Arena size written into the scenario',
      base: 'Arena base address written into the scenario',
      frames: 'Frame count written into the scenario',
      pageSize: 'Page size written into the scenario',
      maxOrder: 'Largest buddy order written into the scenario'
    },
    error: {
      unknownKind: 'There is no generator "{kind}". The generators are {kinds}.',
      badSeed: 'The seed must be a whole number, not "{value}".',
      notForKind: 'The option --{option} does not apply to the {kind} generator.',
      minAboveMax: '--{min} ({low}) must not be larger than --{max} ({high}).',
      sharesAboveOne: '--alloc-share and --realloc-share together must not be more than 1.',
      noPowerOfTwo: 'There is no power of two between {min} and {max}; widen the size range.',
      badChoice: '--{option} must be one of {choices}, not "{value}".',
      badWhole: '--{option} must be a whole number from {min} to {max}, not "{value}".',
      badShare: '--{option} must be a number from {min} to {max}, not "{value}".'
    }
  },
  cli: {
    needFile: 'name a scenario file, for example "alloclab {command} lesson.scn".',
    cannotWrite: 'cannot write "{file}": {reason}',
    isFolder: 'that is a folder, not a file.',
    noSuchFile: 'no such file. Check the name and the folder you are in.',
    check: {
      summary: 'Check scenario files and report every problem with its line and column',
      strict: 'Treat warnings as errors (exit 2 when there is any warning)',
      result: 'Checked {files} file(s): {errors} error(s), {warnings} warning(s).'
    },
    fmt: {
      summary: 'Print a scenario in canonical form (or rewrite the file with --write)',
      write: 'Rewrite the file in place instead of printing it',
      oneFile: 'fmt takes one file at a time.',
      wrote: 'Formatted {file}.',
      unchanged: '{file} is already formatted.',
      hasErrors: '{file}: the scenario has {count} error(s); nothing was formatted or written.'
    },
    import: {
      summary: 'Turn a malloc-lab trace or a textbook op list into a scenario',
      from: 'Input format: malloclab or oplist',
      output: 'Write the scenario to FILE instead of printing it',
      name: 'Scenario name (default: the input file name)',
      needFrom: 'say which format to read with --from {formats}.',
      fromValue: 'the input format, {formats}',
      badFrom: '"{value}" is not a format this command reads; use --from {formats}.',
      oneFile: 'import takes one input file.',
      wrote: 'Wrote {file}.'
    },
    generate: {
      summary: 'Write a scenario from a seeded generator',
      seed: 'Seed; the same seed always gives the same scenario',
      output: 'Write the scenario to FILE instead of printing it',
      name: 'Scenario name',
      needKind: 'name a generator: {kinds}.',
      needSeed: 'give a seed with --seed N, so the scenario can be made again.',
      badSize: '--{option} expects a size such as 64 or 4KiB, not "{value}".',
      wrote: 'Wrote {file}.'
    }
  }
}
