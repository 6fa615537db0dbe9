export default {
  runNotFound:
    'No run "{runId}" is kept here (finished runs beyond the newest {kept} are dropped).',
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
