export default {
  usage: 'Usage: alloclab <command> [options]',
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
  internalError: 'alloclab {command} failed: {message}'
}
