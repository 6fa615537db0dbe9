export default {
  runNotFound: 'No run "{runId}" was started since AllocLab last started.',
  runFromEarlierSession:
    'Run "{runId}" is from an earlier session of AllocLab. Runs live in memory and end when AllocLab stops; run the scenario again to see it.',
  runEvicted:
    'Run "{runId}" was closed to keep recorded runs within their memory budget of {limit}; the runs used least recently are closed first. Run the scenario again, or allow more memory with --run-budget or ALLOCLAB_RUN_BUDGET.',
  overBudget:
    'This run needs about {need} of memory, but recorded runs may take {limit} in all and only {free} of that can be made free (runs still running or open in Replay hold the rest). Run fewer configurations or a shorter scenario, close other runs, record no timeline, or allow more memory with --run-budget or ALLOCLAB_RUN_BUDGET.',
  configNotFound: 'Run "{runId}" has no configuration #{config}; it has {count}.',
  notRecorded:
    'Configuration #{config} of run "{runId}" has no timeline: it is {status}, or was run without recording.',
  stepOutOfRange: 'Step {step} is outside the recorded requests 0..{last}.',
  unknownMetric: 'Unknown metric column "{name}". Known columns: {known}.',
  scenarioHasErrors: 'The scenario has {count} error(s):',
  csvOption:
    'Write the per-request metric columns of every config to FILE (one CSV, "config" column first)',
  csvWritten: 'Wrote {rows} rows of per-request metrics to {file}.',
  /** What a request did to the blocks, one sentence per `structural` detail of an event. */
  structural: {
    coalescedBelow:
      'Coalesced with the free block at {belowAddr} ({belowSize} bytes) below it → free block at {addr} ({size} bytes).',
    coalescedAbove:
      'Coalesced with the free block at {aboveAddr} ({aboveSize} bytes) above it → free block at {addr} ({size} bytes).',
    coalescedBoth:
      'Coalesced with the free block at {belowAddr} ({belowSize} bytes) below it and the one at {aboveAddr} ({aboveSize} bytes) above it → free block at {addr} ({size} bytes).',
    splitRemainder:
      'Split the block at {addr} ({size} bytes): the request keeps the first {kept} bytes and the remainder at {remainderAddr} ({remainderSize} bytes) is left free.',
    buddySplit:
      'Split the free block of order {order} at frame {frame} down to order {resultOrder}; the upper halves went to the free lists: {halves}.',
    buddyHalf: 'frame {frame} (order {order})',
    buddyMergedFirst: 'Merged with its buddy at frame {frame} (order {order})',
    buddyMergedThen: 'then with frame {frame} (order {order})',
    buddyMerged: '{steps} → free block of order {order} at frame {frame}.',
    stepSeparator: ', ',
    listSeparator: ', '
  }
}
