/** Errors LabService answers with, whichever host carries them. */
export default {
  invalidInput: '{channel}: the value of "{field}" is not accepted ({detail}).',
  invalidOutput:
    '{channel}: the answer did not have the expected shape at "{field}" ({detail}). This is a bug in AllocLab; please report it.',
  unknownChannel: 'There is no call named "{channel}".',
  untrustedSender: "A call from a window that is not AllocLab's was refused.",
  badToken:
    'The access key is missing or wrong. Open the full address that “alloclab web” printed.',
  badRequestBody: 'The request could not be read: {detail}.',
  internal: 'Something went wrong inside AllocLab: {detail}. Please report this as a bug.',
  specInvalid: 'Allocator spec "{spec}" is not a configuration that can run:',
  causeAt: 'line {line}, column {column}: {message}',
  badSpec: 'Configuration {index}: {message}',
  compileFailed: 'The scenario could not be compiled: {detail}.',
  closing: 'AllocLab is shutting down; the call was not carried out.',
  runBudgetInvalid:
    '{source}: "{value}" is not a memory budget. Give a size such as 512MiB or 4GiB, at least 1 MiB.'
}
