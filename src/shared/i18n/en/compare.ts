/** The Compare view: every configuration of a run side by side. */
export default {
  noRun: {
    title: 'Choose a run to compare',
    body: 'Compare lines up every configuration of one run: run a scenario against several allocators in the Workbench, then open it here or from Replay.',
    toWorkbench: 'Open the Workbench',
    continue: 'Continue with “{title}”'
  },
  toReplay: 'Replay this run',
  table: {
    heading: 'Summary',
    caption:
      'Every configuration of the run. Choose a column heading to sort by it; the best value of each column is marked.',
    best: 'best',
    bestLabel: 'best in this column',
    sortAscending: 'sorted from lowest to highest',
    sortDescending: 'sorted from highest to lowest',
    notAvailable: 'not available',
    atStep: 'at step {step}',
    never: 'never',
    failuresCause: '{noMemory} not enough memory · {fragmented} fragmented',
    columns: {
      config: 'Configuration',
      utilization: 'Utilization',
      externalFragmentation: 'Peak external fragmentation',
      internalFragmentation: 'Peak internal fragmentation',
      failures: 'Failures',
      examined: 'Entries examined per request',
      nsPerRequest: 'Time per request',
      metadataBytes: 'Metadata',
      ctorSaved: 'Constructor calls saved'
    },
    status: 'Status'
  },
  charts: {
    heading: 'Over time, overlaid'
  },
  diff: {
    heading: 'Side by side at one step',
    left: 'Left',
    right: 'Right',
    step: 'At step',
    useReplayStep: 'Use the step shown in Replay ({step})',
    handles: 'Where each live handle sits',
    handle: 'Handle',
    same: 'same place',
    differs: 'different place',
    missing: 'not live',
    onlyDifferences: 'Only the handles that differ',
    noHandles: 'No handle is live at this step in either configuration.',
    summaryDiff: '{count} of {total} live handles sit in different places.',
    loading: 'Comparing…',
    failed: 'The two configurations could not be compared at this step.',
    place: '{addr} · {size}',
    placeFrames: 'frame {frame} · {size}',
    needTwo: 'Side by side needs two configurations with a timeline.'
  }
}
