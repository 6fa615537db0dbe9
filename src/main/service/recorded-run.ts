import { LabError, type LabOutput } from '@shared/api'
import type { CompiledProgram } from '@shared/scenario/program'
import type { RunStatus } from '@shared/vocabulary/run-statuses'
import type { TimelineOptions } from '../timeline/timeline-format'
import { RecordedConfig } from './recorded-config'
import type { RunConfig } from './run-config'
import { RUN_OVERHEAD_BYTES, programBytes, textBytes } from './run-memory'

export interface RunSettings {
  readonly title: string
  /** The text the program was compiled from: what saving the run keeps as its scenario. */
  readonly scenario: string
  readonly check: boolean
  /** Timeline options when the run records one. */
  readonly timeline: TimelineOptions | undefined
}

/**
 * One run of a scenario against its configs, as the service holds it: the
 * compiled program while anything still needs it, each config's state and
 * timeline, and the summary LabApi reports. It knows nothing of workers.
 */
export class RecordedRun {
  readonly configs: RecordedConfig[]
  readonly requests: number
  cancelled = false
  finished = false
  private program: CompiledProgram | undefined
  private readonly scenarioBytes: number

  /**
   * A run about to start holds its program; a run restored from the library
   * holds it only when some config kept its timeline, so `requests` is given.
   */
  constructor(
    readonly id: string,
    program: CompiledProgram | undefined,
    requests: number,
    configs: readonly { readonly config: RunConfig; readonly reservedBytes: number }[],
    readonly settings: RunSettings
  ) {
    this.program = program
    this.requests = requests
    this.scenarioBytes = textBytes(settings.scenario)
    this.configs = configs.map(
      ({ config, reservedBytes }, index) => new RecordedConfig(index, config, reservedBytes)
    )
  }

  /** Some config is queued or running. */
  get active(): boolean {
    return this.configs.some((config) => config.active)
  }

  get status(): RunStatus {
    const statuses = this.configs.map((config) => config.status)
    if (statuses.includes('running')) return 'running'
    if (statuses.includes('queued')) return 'queued'
    if (this.cancelled) return 'cancelled'
    return statuses.includes('failed') ? 'failed' : 'done'
  }

  /** The program, for a config about to start (held while any config may still run). */
  programToRun(): CompiledProgram {
    if (!this.program) throw new Error(`run ${this.id} no longer holds its program`)
    return this.program
  }

  /** The program a finished config's timeline will read, while the run still holds it. */
  programToRead(): CompiledProgram | undefined {
    return this.program
  }

  get bytes(): number {
    let total =
      RUN_OVERHEAD_BYTES + this.scenarioBytes + (this.program ? programBytes(this.program) : 0)
    for (const config of this.configs) total += config.bytes
    return total
  }

  /**
   * Let the program go once no config will start or keep a timeline any more
   * and no timeline reads it (its handles and requests are the timeline's
   * vocabulary). Running workers have their own copy.
   */
  releaseProgramIfUnused(): void {
    const needed = (config: RecordedConfig): boolean =>
      config.status === 'queued' ||
      config.hasTimeline ||
      (config.status === 'running' && !this.cancelled && this.settings.timeline !== undefined)
    if (!this.configs.some(needed)) this.program = undefined
  }

  /** A cancelled run keeps its summary and frees the rest at once. */
  freeBuffers(): void {
    for (const config of this.configs) config.freeTimeline()
    this.releaseProgramIfUnused()
  }

  dropDerived(): void {
    for (const config of this.configs) config.dropDerived()
  }

  config(index: number): RecordedConfig {
    const config = this.configs[index]
    if (!config) {
      throw new LabError('not-found', 'timeline.configNotFound', {
        runId: this.id,
        config: index,
        count: this.configs.length
      })
    }
    return config
  }

  summary(): LabOutput<'run:summary'> {
    return {
      runId: this.id,
      title: this.settings.title,
      requests: this.requests,
      status: this.status,
      configs: this.configs.map((config) => ({
        config: config.index,
        label: config.config.label,
        family: config.config.family.name,
        status: config.status,
        done: config.summary?.requests ?? config.progressDone,
        total: this.requests,
        summary: config.summary ?? null,
        final: config.final ?? null,
        error: config.errorData(),
        timelineBytes: config.timelineBytes
      }))
    }
  }
}
