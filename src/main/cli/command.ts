import type { Locale } from '@shared/i18n/locales'
import type { MessageParams } from '@shared/i18n/translate'
import type { ProgressStream } from './progress-display'

/** One option of a command, as node:util parseArgs wants it plus help text. */
export interface CliOption {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  readonly multiple?: boolean
  /** Placeholder shown in help, e.g. "FILE". */
  readonly valueName?: string
  /** i18n key of the one-line description. */
  readonly descriptionKey: string
  /**
   * What a string option's value must be, as an i18n key (and its params)
   * that completes "--csv needs a value: …", e.g. "a file name such as
   * steps.csv". Every string option has one.
   */
  readonly value?: { readonly key: string; readonly params?: MessageParams }
}

export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly cwd: string
  /** Standard input, for commands that accept "-" as a file (bytes, or text already decoded). */
  readonly readStdin: () => Promise<Uint8Array | string>
  /** True when standard output is a terminal: a document printed there shows its control characters escaped. */
  readonly stdoutIsTerminal?: boolean
  /** Where live progress may be drawn (the real standard error); drawn only when it is a TTY. */
  readonly progress?: ProgressStream
}

export interface CliContext extends CliIo {
  readonly locale: Locale
  /** Translate; every string param is shown with its control characters escaped (see visible-text). */
  readonly t: (key: string, params?: MessageParams) => string
  readonly version: string
}

export type CliValues = Record<string, string | boolean | string[] | boolean[] | undefined>

export interface CliCommand {
  readonly name: string
  /** i18n key of the one-line summary shown in `alloclab --help`. */
  readonly summaryKey: string
  /** Synopsis after "alloclab", e.g. "check FILE... [options]". */
  readonly synopsis: string
  readonly options: Readonly<Record<string, CliOption>>
  readonly allowPositionals: boolean
  /**
   * The command reads every word after its name itself (`--lang` included),
   * as `ostep` reads malloc.py's flags; `options` then only feeds the help.
   */
  readonly ownArguments?: boolean
  /** Returns the process exit code: 0 ok, 1 the work found problems, 2 bad usage or input. */
  run(values: CliValues, positionals: string[], ctx: CliContext): Promise<number>
}

/** Thrown by a command for bad usage; main prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
