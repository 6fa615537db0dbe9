export default {
  import: {
    helpOnly:
      'That command line only asks malloc.py for its help; give it the flags of an exercise, such as -n 10 -S 100 -c.',
    cannotFollow: 'AllocLab cannot play that malloc.py command:'
  },
  cli: {
    summary:
      'Print exactly what OSTEP’s malloc.py prints for the same flags, answered by AllocLab’s heap',
    scenarioOption: 'Also write the workload as a scenario (with its allocator) to FILE',
    wrote: 'Wrote {file}; run it with --allocator {spec}.',
    cannotFollow: 'AllocLab cannot follow malloc.py here: {message}',
    helpHint: 'Run "alloclab ostep --help" for the flags.'
  },
  usage: {
    noSuchOption:
      'malloc.py has no option "{option}"; its options are -s -S -b -H -a -p -l -C -n -r -P -A -c.',
    ambiguousOption: '"{option}" could be any of {candidates}; write more of it.',
    needsArgument: 'option {option} needs a value.',
    takesNoValue: 'option {option} takes no value.',
    notInteger: 'option {option} needs a whole number, as Python’s int() reads one, not "{value}".',
    badCommandLine: 'the command line has a quote that is never closed.'
  },
  crash: {
    policy:
      'the policy must be FIRST, BEST or WORST, not "{policy}"; malloc.py stops ({error}) before it prints anything.',
    order:
      'the list order must be ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT or INSERT-BACK, not "{order}"; malloc.py stops ({error}) before it prints anything.',
    alignment:
      'the alignment must be -1 (none) or above 0, not {alignment}; malloc.py stops ({error}) before it prints anything.',
    percent:
      'the share of allocations (-P) must be above 0, not {percent}; malloc.py stops ({error}) after its header.',
    emptyOp:
      'the op list has an empty item (two commas in a row, or one at an end); malloc.py stops there ({error}).',
    notInteger:
      'in the op "{op}", "{word}" is not a whole number; malloc.py stops there ({error}).',
    badOp: 'the op "{op}" starts with neither + nor -; malloc.py stops there ({error}).',
    failedPointer:
      'ptr[{index}] was never set, because its allocation failed, so malloc.py stops at this free ({error}).'
  },
  unsupported: {
    heapSize:
      'AllocLab’s heaps hold 1 to {max} bytes; a heap of {size} bytes (-S) is outside that.',
    baseAddr: 'AllocLab’s heaps start at an address from 0 to 2^48; -b {base} is outside that.',
    headerSize: 'AllocLab’s heaps take headers of 0 to {max} bytes; -H {header} is outside that.',
    alignment:
      'AllocLab’s heaps align to a power of two up to 4096 bytes; -a {alignment} is not one.',
    opsNum: 'AllocLab replays at most {max} random operations; -n {ops} asks for more.',
    request: 'a request of {size} bytes is more than a scenario can hold (1 TiB).',
    blockSize:
      'malloc.py makes a block of {block} bytes for a request of {size}; AllocLab’s heaps give every request a block of at least one byte, so the answers would part from here.',
    spec: 'the heap cannot be built: {message}'
  }
}
