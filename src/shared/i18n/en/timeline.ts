export default {
  runNotFound:
    'No run "{runId}" is kept here (finished runs beyond the newest {kept} are dropped).',
  configNotFound: 'Run "{runId}" has no configuration #{config}; it has {count}.',
  notRecorded:
    'Configuration #{config} of run "{runId}" has no timeline: it is {status}, or was run without recording.',
  stepOutOfRange: 'Step {step} is outside the recorded requests 0..{last}.',
  unknownMetric: 'Unknown metric column "{name}". Known columns: {known}.',
  scenarioHasErrors: 'The scenario has {count} error(s):\n{details}',
  csvOption:
    'Write the per-request metric columns of every config to FILE (one CSV, "config" column first)',
  csvWritten: 'Wrote {rows} rows of per-request metrics to {file}.'
}
