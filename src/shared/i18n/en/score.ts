export default {
  cli: {
    summary:
      'Score allocators on malloc-lab traces the way mdriver does (valid, util, ops, secs, Kops, performance index)',
    allocatorOption:
      'Allocator spec, or a preset id such as csapp-textbook (repeat to compare several)',
    jsonOption: 'Print the scores as JSON',
    utilWeightOption: 'Weight of utilization in the performance index, 0 to 1 (mdriver: 0.6)',
    libcKopsOption:
      'Throughput, in thousands of operations per second, that earns full throughput points (mdriver: 600)',
    runsOption: 'Runs per trace; secs is the fastest (default 3)',
    needTrace:
      'name at least one malloc-lab trace, for example "alloclab score amptjp-bal.rep --allocator csapp-textbook".',
    needAllocator: 'say which allocator to score with --allocator SPEC (a spec or a preset id).',
    badNumber: '{option} must be a number from {min} to {max}, not "{value}".'
  },
  column: {
    trace: 'trace',
    valid: 'valid',
    util: 'util',
    ops: 'ops',
    secs: 'secs',
    Kops: 'Kops'
  },
  yes: 'yes',
  no: 'no',
  total: 'Total',
  resultsFor: 'Results for {allocator}:',
  spec: '  ({spec})',
  invalidTrace: '{trace} is not valid: {problem}',
  perfIndex: 'Perf index = {util} (util) + {thru} (thru) = {index}/100'
}
