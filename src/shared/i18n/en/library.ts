/** The Library view: saved experiments, their files and reports, saving and opening from the window. */
export default {
  toolbar: {
    search: 'Search',
    searchPlaceholder: 'Name, tag or notes',
    sort: 'Sort by',
    order: 'Order',
    usualOrder: 'Usual',
    ascending: 'Ascending',
    descending: 'Descending',
    import: 'Import experiment file…',
    importing: 'Importing…'
  },
  sort: {
    updated: 'Last changed',
    created: 'Created',
    name: 'Name',
    utilization: 'Best utilization',
    externalFragmentation: 'Lowest peak external fragmentation',
    internalFragmentation: 'Lowest internal fragmentation',
    failFragmented: 'Fewest failures (fragmented)',
    failNoMemory: 'Fewest failures (no memory)'
  },
  tags: {
    heading: 'Tags',
    tag: '{tag} ({count})',
    clear: 'All experiments'
  },
  list: {
    heading: 'Experiments',
    countOne: '1 experiment',
    countMany: '{count} experiments',
    range: '{from}–{to} of {total}',
    previous: 'Previous page',
    next: 'Next page',
    loading: 'Loading the library…',
    failed: 'The library could not be read.',
    retry: 'Try again',
    noMatch: 'No experiment matches this search.',
    clearSearch: 'Clear the search'
  },
  item: {
    updated: 'Changed {date}',
    requestsOne: '1 request',
    requestsMany: '{count} requests',
    config: 'Configuration',
    status: 'Status',
    noMetrics: 'no results',
    otherEngine: 'Recorded by another engine version',
    noTimelines: 'Summaries only: replay needs a re-run',
    open: 'Open',
    openLabel: 'Open {name} in Replay',
    rename: 'Rename',
    annotate: 'Notes and tags',
    duplicate: 'Duplicate',
    exportFile: 'Export file',
    exportReport: 'HTML report',
    printReport: 'Print',
    delete: 'Delete',
    actions: 'Actions for {name}'
  },
  notes: {
    title: 'Notes and tags',
    notes: 'Notes',
    tags: 'Tags',
    tagsHint: 'Separate tags with commas, e.g. lab 3, buddy.',
    save: 'Save'
  },
  rename: {
    title: 'Rename experiment',
    label: 'Name',
    save: 'Rename',
    cancel: 'Cancel',
    empty: 'Give the experiment a name.',
    tooLong: 'A name has at most {max} characters.',
    control: 'A name cannot hold control characters such as line breaks.'
  },
  empty: {
    title: 'No experiments yet',
    body: 'Run a scenario in the Workbench, then press “Save as experiment” there or in Replay (Ctrl+S). Experiments you save are listed here with their key results; you can also import an .alloclab.json file someone gave you.',
    toWorkbench: 'Go to the Workbench'
  },
  notice: {
    deleted: '“{name}” was deleted.',
    undo: 'Undo',
    restored: '“{name}” is back in the library.',
    imported: '“{name}” was imported.',
    duplicated: '“{name}” was created.',
    renamed: 'Renamed to “{name}”.',
    annotated: 'Saved the notes and tags of “{name}”.',
    exported: '{file} was downloaded.',
    failed: '{action} failed: {reason}',
    dismiss: 'Dismiss'
  },
  actions: {
    open: 'Opening',
    rename: 'Renaming',
    annotate: 'Saving the notes and tags',
    duplicate: 'Duplicating',
    delete: 'Deleting',
    restore: 'Restoring',
    import: 'Importing',
    exportFile: 'Exporting the file',
    exportReport: 'Making the report',
    printReport: 'Printing the report',
    rerun: 'Running it again'
  },
  save: {
    button: 'Save as experiment',
    update: 'Save experiment',
    shortcut: 'Ctrl+S',
    saving: 'Saving…',
    saved: 'Saved as “{name}” in the Library.',
    updated: 'Saved “{name}”.',
    failed: 'Not saved: {reason}',
    untitled: 'Untitled experiment',
    toLibrary: 'Show in Library',
    keepTimelines: 'Keep the timelines so it replays without running again',
    keepTimelinesHint:
      'Timelines take most of the space (tens of MB for a million requests); without them only summaries are kept and replay needs a re-run.',
    savedWithoutTimelines: 'Saved as “{name}” in the Library, summaries only (no timelines).',
    updatedWithoutTimelines: 'Saved “{name}”, summaries only (no timelines).'
  },
  report: {
    download: 'HTML report',
    print: 'Print report',
    printFrame: 'Report being printed',
    export: 'Export report',
    exportHint: 'Download the HTML report of this run as shown here',
    exporting: 'Making the report…',
    failed: 'No report: {reason}'
  },
  timelines: {
    title: 'Saved without timelines',
    all: 'This experiment was saved with its summaries only, so there are no steps to replay. Run it again to replay it; the Library keeps the summaries.',
    some: 'Configurations {configs} were saved with their summaries only, so they have no steps to replay. Run it again to replay them; the Library keeps the summaries.',
    rerun: 'Run it again to replay'
  },
  engine: {
    title: 'Recorded by another engine version',
    body: 'Configurations {configs} were recorded by engine {recorded}; this AllocLab runs engine {current}. The timeline shows what that engine did; the allocator structures cannot be rebuilt. Run it again to see this engine’s results.',
    rerun: 'Run again with this engine',
    rerunning: 'Starting…'
  }
}
