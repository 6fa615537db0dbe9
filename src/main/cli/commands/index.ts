import type { CliCommand } from '../command'

/** Every CLI command, in the order `alloclab --help` lists them. One file per command. */
export const commands: readonly CliCommand[] = []
