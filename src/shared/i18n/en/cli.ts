export default {
  usage: 'Usage: alloclab <command> [options]',
  usageCommand: 'Usage: alloclab {synopsis}',
  commandsTitle: 'Commands:',
  globalOptions: 'Options:',
  helpOption: 'Show help for alloclab or for one command',
  versionOption: 'Print the version and exit',
  langOption: 'Language of messages: en or zh-CN (anywhere on the line)',
  moreHelp: 'Run "alloclab <command> --help" for the options of one command.',
  unknownCommand: 'Unknown command "{name}". Run "alloclab --help" to see the commands.',
  unknownGlobalOption:
    'Unknown option "{option}" before the command. Run "alloclab --help" to see the commands and options.',
  didYouMean: 'Did you mean "{name}"?',
  problem: 'alloclab: {message}',
  badArguments: 'alloclab {command}: {message}',
  unknownOption: 'unknown option "{option}". Run "alloclab {command} --help" to see its options.',
  unknownOptionGuess:
    'unknown option "{option}". Did you mean "{guess}"? Run "alloclab {command} --help" to see its options.',
  needsValue: '{option} needs a value: {value}.',
  needsValueBare: '{option} needs a value.',
  dashValueHint: 'For a value that starts with "-", write {option}=VALUE.',
  takesNoValue: '{option} is a switch and takes no value.',
  givenTwice: '{option} is given more than once; give it once.',
  unexpectedArgument: 'unexpected argument "{arg}".',
  langNeedsValue: '--lang needs a value: one of {languages}.',
  badLanguage: '"{value}" is not a language AllocLab speaks; give --lang one of: {languages}.',
  badEnvLanguage:
    'ALLOCLAB_LANG is "{value}", which is not a language AllocLab speaks ({languages}); messages stay in English.',
  fileUnreadable: 'cannot read "{file}": {reason}',
  notText: {
    scenario: 'scenario',
    trace: 'malloc-lab trace',
    opList: 'op list',
    experimentFile: 'experiment file',
    nul: '{file}: byte 0x00 at offset {offset}: this looks like a binary file, not a {what}.',
    utf8: '{file}: byte {byte} at offset {offset} is not valid UTF-8; save the {what} as UTF-8 text.'
  },
  noSuchFolder: 'the folder "{folder}" does not exist.',
  notAFolder: '"{folder}" is a file, not a folder.',
  folderReadOnly: 'the folder "{folder}" cannot be written to.',
  fileError: {
    notDir: 'part of the path is a file, not a folder.',
    permission: 'permission denied.',
    readOnlyDisk: 'the disk is read-only.',
    diskFull: 'the disk is full.'
  },
  /** What an option's value must be: the end of "--csv needs a value: …". */
  value: {
    file: 'a file name such as {example}',
    name: 'a name for the scenario',
    whole: 'a whole number from {min} to {max}',
    anyWhole: 'a whole number such as {example}',
    size: 'a size such as 64 or 4KiB, from {min} to {max}',
    share: 'a number from {min} to {max}, such as 0.5',
    choice: 'one of {choices}',
    budget: 'a size such as 2GiB, at least 1MiB',
    positive: 'a number above 0, such as {example}',
    port: 'a port number from 0 to 65535'
  },
  internalError:
    'alloclab {command} failed unexpectedly ({message}). This is a bug in AllocLab; please report it, with the command you ran.',
  dbOption: 'Database file (default: ~/.alloclab/alloclab.db, or ALLOCLAB_DB)',
  /** Live progress of `alloclab run` on a terminal. */
  progress: {
    running: '{percent}  {rate} requests/s  {left} left',
    starting: 'starting',
    queued: 'waiting',
    done: 'done',
    cancelled: 'cancelled',
    failed: 'failed',
    combined: '{finished} of {count} configs finished  {percent}  {rate} requests/s  {left} left'
  },
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
  }
}
