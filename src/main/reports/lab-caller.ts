import type { LabChannel, LabInput, LabOutput } from '@shared/api'

/**
 * What reports need from a host: typed LabApi calls. LabService is one (in
 * the CLI and the Electron shell); anything that speaks the contract will do,
 * so reports never reach past it into the service's internals.
 */
export interface LabCaller {
  call<C extends LabChannel>(channel: C, input: LabInput<C>): Promise<LabOutput<C>>
}
