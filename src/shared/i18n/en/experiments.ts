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
  }
}
