/** The library of experiments: saving, opening, undoable deletes, experiment files. */
export default {
  notFound: 'There is no experiment #{id} in the library.',
  purged:
    'Experiment #{id} was deleted and the time to undo that has passed, so it is gone from the library.',
  deleted: 'Experiment #{id} is deleted. Restore it first to see or change it.',
  undoExpired: 'Experiment #{id} was deleted too long ago to be restored.',
  runNotFinished:
    'Run "{runId}" is still running. Save it once every configuration has ended (or cancel it).',
  structuresNeedRerun:
    'Configuration #{config} was recorded by another version of the allocator engine. Its timeline shows what that engine did, but the allocator structures cannot be rebuilt with this one. Run the experiment again to see them.',
  configUnavailable:
    'Configuration #{config} ("{label}", recorded by engine {engineVersion}) is not a configuration this AllocLab can hold. The experiment stays in the library; run it again or export it to read it elsewhere.',
  copyName: '{name} (copy)',
  file: {
    notJson: 'The file is not JSON text ({detail}), so it cannot be an experiment file.',
    notExperiment:
      'The file is not an AllocLab experiment file: its "format" field is not "{format}".',
    newerVersion:
      'The experiment file is version {version}, written by a newer AllocLab; this one reads version {supported}. Update AllocLab to import it.',
    unknownVersion:
      'The experiment file says it is version {version}; this AllocLab reads version {supported} only.',
    invalid: 'The experiment file is not valid at "{field}": {detail}. Nothing was imported.',
    programFormat:
      'The compiled program in the file is in format {format}; this AllocLab reads format {supported}. Nothing was imported.',
    programDamaged:
      'The compiled program in the file is damaged at "{field}": {detail}. Nothing was imported.',
    timelineFormat:
      'The timeline of configuration #{config} is in format {format}; this AllocLab reads format {supported}. Export the experiment again without timelines to import it here. Nothing was imported.',
    timelineDamaged:
      'The timeline of configuration #{config} is damaged at "{field}": {detail}. Nothing was imported.',
    tooLarge:
      'Experiment #{id} with its timelines would be a file of more than {max} characters. Export it without timelines.'
  },
  cli: {
    libraryInMemory:
      'the library at {path} cannot be used this session (see above), so nothing was imported: it would be gone when this command ends.',
    list: {
      summary: 'List the experiments in the library',
      search: 'Only experiments with every one of these words in the name, notes or tags',
      searchValue: 'words to look for, such as "buddy lab"',
      tag: 'Only experiments with this tag (give it again for more tags)',
      tagValue: 'a tag, such as "lab 3"',
      sort: 'Order by updated (default), created, name, or a key metric (best configuration first)',
      json: 'Print the list as JSON',
      badSort: '"{value}" is not a way to sort the library; use one of: {choices}.',
      none: 'No experiments match.',
      count: 'Experiments: {count}',
      otherEngine: '(recorded by another engine)',
      column: {
        id: 'ID',
        name: 'Name',
        configs: 'Configs',
        utilization: 'Best utilization',
        timelines: 'Timelines',
        updated: 'Updated',
        tags: 'Tags'
      }
    },
    export: {
      summary:
        'Export a saved experiment: its report (HTML or PDF), per-request metrics (CSV) or the experiment file (JSON)',
      experiment: 'The experiment to export, by the ID "alloclab experiments" shows',
      idValue: 'an experiment ID such as 12',
      format:
        'html or pdf (the report), csv (per-request metrics of every kept timeline) or json (the experiment file)',
      output: 'Write to FILE instead of standard output',
      noTimelines: 'Leave the timelines out of the experiment file (json only)',
      needId: 'say which experiment with --experiment ID (see "alloclab experiments").',
      badId: '"{value}" is not an experiment ID; IDs are whole numbers such as 12.',
      needFormat: 'say which format with --format, one of: {choices}.',
      badFormat: '"{value}" is not an export format; use one of: {choices}.',
      pdfNeedsFile: 'a PDF report is written to a file: add -o FILE, for example -o report.pdf.',
      noTimelinesIsJson: '--no-timelines only applies to --format json.',
      noTimelinesKept:
        'experiment #{id} keeps no timeline, so it has no per-request metrics to export. Run it again in AllocLab and save it with its timelines, or export it as json.',
      configSkipped: 'Configuration #{config} ({label}) is left out: {why}',
      timeline: {
        dropped: 'it was saved without its timeline.',
        none: 'it recorded no timeline.',
        damaged: 'its stored timeline is damaged.',
        incompatible: 'its timeline was written in a format this AllocLab cannot read.'
      }
    },
    import: {
      needFile:
        'name the experiment file to import, for example "alloclab import lab3.alloclab.json".',
      dbOnlyForExperiments:
        '--db only applies when importing an experiment file (*.alloclab.json).',
      noOutput:
        'an experiment file is imported into the library, not written out; leave out -o (use --db to choose the library).',
      imported:
        'Imported experiment #{id} "{name}" ({configs} configurations, {timelines} with timelines).'
    }
  }
}
