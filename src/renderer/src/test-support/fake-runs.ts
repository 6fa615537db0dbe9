import { LabError, parseInput, type LabChannel, type LabOutput } from '@shared/api'
import type { FamilyKind } from '@shared/allocator-catalog'
import type { StepAnswer, StepQuestion, TimelineEvent } from '@shared/run-schemas'
import type { RunStatus } from '@shared/vocabulary/run-statuses'
import type { RunSummary } from '@shared/vocabulary/run-summary'
import { summaryFixture } from './run-fixtures'

type StepMap = LabOutput<'timeline:map'>
type StepStructures = LabOutput<'timeline:structures'>
type StepEvents = LabOutput<'timeline:events'>

/** One configuration of a scripted run: its events as the service would describe them. */
export interface FakeConfig {
  readonly label: string
  readonly family: string
  readonly kind: FamilyKind
  readonly values: Readonly<Record<string, number | string | boolean>>
  readonly events: readonly TimelineEvent[]
  readonly status?: RunStatus
  readonly summary?: RunSummary
}

export interface FakeRun {
  readonly runId: string
  readonly title: string
  readonly status?: RunStatus
  readonly configs: readonly FakeConfig[]
}

/** A request event with every field a test does not care about left plain. */
export function fakeEvent(step: number, fields: Partial<TimelineEvent>): TimelineEvent {
  return {
    step,
    line: step + 1,
    op: 'alloc',
    handle: null,
    cache: null,
    size: 0,
    status: 'ok',
    reason: null,
    addr: -1,
    frame: -1,
    requested: 0,
    granted: 0,
    cost: {
      examined: 0,
      splits: 0,
      merges: 0,
      ctorCalls: 0,
      ctorSaved: 0,
      workUnits: 0,
      copied: 0
    },
    structural: [],
    ...fields
  }
}

const PLACING = new Set(['alloc', 'realloc', 'pages', 'object', 'kmalloc'])

/**
 * The run and timeline channels over scripted runs, for renderer tests: the
 * inputs are validated by the real schemas and the answers follow the
 * service's rules for the parts tests use (find over events, counts, maps
 * as one free range). Metric crossings are not scripted and are refused.
 */
export class FakeRuns {
  private readonly runs = new Map<string, FakeRun>()

  add(run: FakeRun): void {
    this.runs.set(run.runId, run)
  }

  /**
   * The timeline channels always, the run channels for a scripted run, and
   * the catalog and checks its configurations need; runs the window starts
   * itself, and the Workbench's catalog, are the bridge's own (FakeLabBridge).
   */
  answers(channel: LabChannel, input: unknown): boolean {
    if (channel.startsWith('timeline:')) return true
    // The catalog and checks of scripted configurations, once a test has scripted a run.
    if (channel === 'allocators:list') return this.runs.size > 0
    if (channel === 'allocators:check') {
      const specs = (input as { specs?: unknown } | null)?.specs
      const labels = new Set(
        [...this.runs.values()].flatMap((run) => run.configs.map((c) => c.label))
      )
      return Array.isArray(specs) && specs.length > 0 && specs.every((spec) => labels.has(spec))
    }
    if (channel !== 'run:summary' && channel !== 'run:view') return false
    const runId = (input as { runId?: unknown } | null)?.runId
    return typeof runId === 'string' && this.runs.has(runId)
  }

  answer(channel: LabChannel, input: unknown): unknown {
    switch (channel) {
      case 'allocators:list':
        parseInput(channel, input)
        return this.catalog()
      case 'allocators:check':
        return this.check(parseInput(channel, input).specs)
      case 'run:summary':
        return this.summary(this.run(parseInput(channel, input).runId))
      case 'run:view': {
        const { runId } = parseInput(channel, input)
        this.run(runId)
        return { runId, leaseMs: 60_000 }
      }
      case 'timeline:events': {
        const query = parseInput(channel, input)
        const events = this.config(query.runId, query.config).events
        const from = Math.min(query.from, events.length)
        return { from, total: events.length, events: events.slice(from, from + query.count) }
      }
      case 'timeline:find':
        return this.find(parseInput(channel, input))
      case 'timeline:metrics': {
        const query = parseInput(channel, input)
        const events = this.config(query.runId, query.config).events
        const to = Math.min(query.to, events.length)
        const size = Math.max(1, Math.ceil((to - query.from) / query.maxPoints))
        const starts: number[] = []
        for (let s = query.from; s < to; s += size) starts.push(s)
        return {
          from: query.from,
          to,
          bucketSize: size,
          columns: (query.columns ?? []).map((name) => ({
            name,
            stride: 1,
            start: starts,
            min: starts.map(() => 0),
            max: starts.map(() => 0)
          }))
        }
      }
      case 'timeline:map': {
        const query = parseInput(channel, input)
        const config = this.config(query.runId, query.config)
        const poolBytes = this.poolBytes(config)
        return {
          step: query.step,
          poolBytes,
          ranges: query.width
            ? null
            : [{ start: 0, length: poolBytes, state: 'free', handle: null }],
          pixels: query.width
            ? {
                width: query.width,
                bytesPerPixel: poolBytes / query.width,
                dominant: '0'.repeat(query.width),
                mixed: '0'.repeat(query.width)
              }
            : null
        }
      }
      case 'timeline:structures': {
        const query = parseInput(channel, input)
        const config = this.config(query.runId, query.config)
        return {
          step: query.step,
          family: config.family,
          freeList:
            config.kind === 'heap'
              ? [{ addr: Number(config.values['base'] ?? 0), size: this.poolBytes(config) }]
              : null,
          rover: null,
          freeAreas: config.kind === 'heap' ? null : [{ order: 0, addresses: [] }],
          slabinfo: null,
          caches: null
        }
      }
      case 'timeline:step': {
        const { runId, questions } = parseInput(channel, input)
        return { answers: questions.map((question) => this.stepAnswer(runId, question)) }
      }
      default:
        throw new LabError('unknown-channel', 'service.unknownChannel', { channel })
    }
  }

  /** One timeline:step question, answered as its own channel would be; a refusal in its place. */
  private stepAnswer(runId: string, question: StepQuestion): StepAnswer {
    const { kind, ...rest } = question
    try {
      switch (kind) {
        case 'map':
          return { kind, map: this.answer('timeline:map', { runId, ...rest }) as StepMap }
        case 'structures':
          return {
            kind,
            structures: this.answer('timeline:structures', { runId, ...rest }) as StepStructures
          }
        case 'events':
          return { kind, events: this.answer('timeline:events', { runId, ...rest }) as StepEvents }
      }
    } catch (error) {
      if (!(error instanceof LabError)) throw error
      return {
        kind: 'error',
        error: {
          code: error.code,
          key: error.key,
          params: { ...error.params },
          ...(error.causes.length > 0 ? { causes: [...error.causes] } : {}),
          message: error.message
        }
      }
    }
  }

  private run(runId: string): FakeRun {
    const run = this.runs.get(runId)
    if (!run) throw new LabError('not-found', 'timeline.runNotFound', { runId, kept: 8 })
    return run
  }

  private config(runId: string, index: number): FakeConfig {
    const config = this.run(runId).configs[index]
    if (!config)
      throw new LabError('not-found', 'timeline.configNotFound', { runId, config: index, count: 0 })
    return config
  }

  private poolBytes(config: FakeConfig): number {
    const number = (key: string): number => Number(config.values[key] ?? 0)
    return config.kind === 'heap' ? number('arena') : number('frames') * number('page')
  }

  private summary(run: FakeRun): LabOutput<'run:summary'> {
    const requests = Math.max(0, ...run.configs.map((config) => config.events.length))
    return {
      runId: run.runId,
      title: run.title,
      requests,
      status: run.status ?? 'done',
      configs: run.configs.map((config, index) => {
        const status = config.status ?? run.status ?? 'done'
        const finished = status === 'done' || status === 'cancelled'
        const failures = config.events.filter(
          (e) => e.status === 'no-memory' || e.status === 'fragmented'
        )
        return {
          config: index,
          label: config.label,
          family: config.family,
          status,
          done: finished ? config.events.length : 0,
          total: requests,
          summary: finished
            ? (config.summary ??
              summaryFixture({
                requests: config.events.length,
                failures: [
                  failures.filter((e) => e.status === 'no-memory').length,
                  failures.filter((e) => e.status === 'fragmented').length
                ]
              }))
            : null,
          final: null,
          error: null,
          timelineBytes: finished ? 16 * config.events.length : 0
        }
      })
    }
  }

  private find(query: ReturnType<typeof parseInput<'timeline:find'>>): LabOutput<'timeline:find'> {
    const config = this.config(query.runId, query.config)
    const condition = query.condition
    if (condition.kind === 'metric') {
      throw new LabError('invalid-input', 'service.invalidInput', {
        channel: 'timeline:find',
        field: 'condition',
        detail: 'not scripted'
      })
    }
    const matches = (event: TimelineEvent): boolean => {
      if (query.handle !== undefined && event.handle !== query.handle) return false
      const count = (kind: string): number =>
        event.structural.reduce(
          (sum, s) => sum + ('count' in s && s.kind === kind ? s.count : 0),
          0
        )
      switch (condition.kind) {
        case 'failure':
          return event.status === 'no-memory' || event.status === 'fragmented'
        case 'split':
          return count('split') > 0
        case 'merge':
          return config.kind !== 'heap' && count('merge') > 0
        case 'coalesce':
          return config.kind === 'heap' && count('merge') > 0
        case 'slabGrown':
          return count('slabGrown') > 0
        case 'slabReaped':
          return count('slabReaped') > 0
        case 'placed':
          return event.status === 'ok' && PLACING.has(event.op)
        case 'request':
          return (
            (!condition.ops || condition.ops.length === 0 || condition.ops.includes(event.op)) &&
            (!condition.statuses ||
              condition.statuses.length === 0 ||
              condition.statuses.includes(event.status))
          )
      }
    }
    const all = config.events.filter(matches).map((event) => event.step)
    const ordered =
      query.direction === 'forward'
        ? all.filter((s) => s >= query.from)
        : all.filter((s) => s <= query.from).reverse()
    const skip = query.skip ?? 0
    const steps = ordered.slice(skip, skip + (query.limit ?? 1))
    const first = steps[0]
    return {
      step: first ?? null,
      steps,
      stride: 1,
      total: all.length,
      index: first === undefined ? null : all.indexOf(first)
    }
  }

  private catalog(): LabOutput<'allocators:list'> {
    const family = (name: string, kind: FamilyKind) => ({
      name,
      kind,
      summaryKey: '',
      summary: { en: name, 'zh-CN': name },
      options: []
    })
    return {
      families: [
        family('first-fit', 'heap'),
        family('best-fit', 'heap'),
        family('buddy', 'pages'),
        family('slab', 'slab')
      ],
      presets: []
    }
  }

  private check(specs: readonly string[]): LabOutput<'allocators:check'> {
    const configs = [...this.runs.values()].flatMap((run) => run.configs)
    return {
      results: specs.map((spec) => {
        const config = configs.find((candidate) => candidate.label === spec)
        return config
          ? { label: spec, family: config.family, values: { ...config.values }, error: null }
          : {
              label: null,
              family: null,
              values: null,
              error: { key: 'engine.spec.unknown', params: {}, option: null }
            }
      })
    }
  }
}
