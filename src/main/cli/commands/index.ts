import type { CliCommand } from '../command'
import { allocatorsCommand } from './allocators'
import { checkCommand } from './check'
import { experimentsCommand } from './experiments'
import { exportCommand } from './export'
import { fmtCommand } from './fmt'
import { generateCommand } from './generate'
import { importCommand } from './import'
import { ostepCommand } from './ostep'
import { runCommand } from './run'
import { scoreCommand } from './score'
import { webCommand } from './web'

/** Every CLI command, in the order `alloclab --help` lists them. One file per command. */
export const commands: readonly CliCommand[] = [
  webCommand,
  runCommand,
  allocatorsCommand,
  checkCommand,
  fmtCommand,
  importCommand,
  generateCommand,
  experimentsCommand,
  exportCommand,
  ostepCommand,
  scoreCommand
]
