export default {
  usage: 'Usage: alloclab <command> [options]',
  usageCommand: 'Usage: alloclab {synopsis}',
  commandsTitle: 'Commands:',
  globalOptions: 'Options:',
  helpOption: 'Show help for alloclab or for one command',
  versionOption: 'Print the version and exit',
  langOption: 'Language of messages: en or zh-CN',
  moreHelp: 'Run "alloclab <command> --help" for the options of one command.',
  unknownCommand: 'Unknown command "{name}". Run "alloclab --help" to see the commands.',
  didYouMean: 'Did you mean "{name}"?',
  badArguments: 'alloclab {command}: {message}',
  unknownOption: 'unknown option "{option}". Run "alloclab {command} --help" to see its options.',
  missingValue: 'option "{option}" needs a value.',
  unexpectedArgument: 'unexpected argument "{arg}".',
  fileUnreadable: 'cannot read "{file}": {reason}',
  internalError: 'alloclab {command} failed: {message}',
  dbOption: 'Database file (default: ~/.alloclab/alloclab.db, or ALLOCLAB_DB)',
  runBudgetOption:
    "Memory that recorded runs may hold, e.g. 2GiB (default: a quarter of this computer's memory, at most 4 GiB, or ALLOCLAB_RUN_BUDGET)",
  web: {
    summary: 'Serve AllocLab to a browser on this computer (127.0.0.1 only)',
    port: 'Port to listen on (default: any free port)',
    noOpen: 'Do not open the system browser',
    badPort: '"{value}" is not a port number (0 to 65535).',
    notBuilt: 'The app is not built yet: {dir} has no index.html. Run "npm run build" first.',
    listening: 'AllocLab is running at {url}\nPress Ctrl+C to stop.',
    openFailed: 'Could not open a browser by itself; open the address above by hand.'
  },
  db: {
    damaged:
      'The database was damaged and could not be opened ({detail}). It was moved to {movedTo} and a new, empty database was created.',
    newer:
      'The database was written by a newer AllocLab ({detail}). It was moved to {movedTo}, untouched, and a new database was created.'
  }
}
