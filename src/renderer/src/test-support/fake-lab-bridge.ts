import type { Draft } from '@shared/draft-schemas'
import { parseSize } from '@shared/scenario'
import { SAMPLE_CATALOG } from './sample-catalog'
import {
  DEFAULT_SETTINGS,
  LabError,
  parseInput,
  type AppInfo,
  type LabBridge,
  type LabChannel,
  type LabEventName,
  type LabResult,
  type Settings
} from '@shared/api'
import { FakeRuns } from './fake-runs'
import { FakeLibrary } from './fake-library'
import { FakeLessons } from './fake-lessons'

export const SAMPLE_APP_INFO: AppInfo = {
  appVersion: '0.1.0',
  apiVersion: 1,
  host: 'browser',
  engineVersion: '0.1.0',
  poolLayoutVersion: 1,
  databasePath: '/home/student/.alloclab/alloclab.db',
  databaseNotice: null,
  platform: 'linux x64',
  nodeVersion: '20.19.0'
}

export interface RecordedCall {
  readonly channel: LabChannel
  readonly input: unknown
}

/**
 * A host in memory that behaves like LabService behind a real bridge: it
 * validates inputs, keeps settings across "reloads" (new apps given the same
 * bridge), answers errors as values, and can be told to fail a channel.
 */
export class FakeLabBridge implements LabBridge {
  readonly calls: RecordedCall[] = []
  settings: Settings = { ...DEFAULT_SETTINGS }
  info: AppInfo = { ...SAMPLE_APP_INFO }
  catalog = SAMPLE_CATALOG
  /** The draft the host keeps; survives "reloads" (new apps on the same bridge). */
  draft: { draft: Draft; savedAt: number } | null = null
  /** Runs started, by id, with what they were started with. */
  readonly runs = new Map<string, { scenario: string; allocators: string[]; title?: string }>()
  /** Recorded runs a test scripts for replay (`bridge.scripted.add(...)`): timelines and summaries. */
  readonly scripted = new FakeRuns()
  /** The experiment library: experiment:* and report:html. */
  readonly library = new FakeLibrary()
  /** Lessons imported from packs: lessons:*. */
  readonly lessons = new FakeLessons(this.library)
  private nextRun = 1
  private readonly failures = new Map<LabChannel, LabError>()
  private readonly listeners = new Map<LabEventName, Set<(payload: unknown) => void>>()

  failChannel(channel: LabChannel, error: LabError): void {
    this.failures.set(channel, error)
  }

  recover(channel: LabChannel): void {
    this.failures.delete(channel)
  }

  callsTo(channel: LabChannel): unknown[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.input)
  }

  async invoke(channel: LabChannel, input: unknown): Promise<LabResult<unknown>> {
    this.calls.push({ channel, input })
    try {
      const failure = this.failures.get(channel)
      if (failure) throw failure
      return { ok: true, value: this.answer(channel, input) }
    } catch (error) {
      if (!(error instanceof LabError)) throw error
      return {
        ok: false,
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

  on(event: LabEventName, listener: (payload: unknown) => void): () => void {
    const subscribers = this.listeners.get(event) ?? new Set()
    subscribers.add(listener)
    this.listeners.set(event, subscribers)
    return () => subscribers.delete(listener)
  }

  emit(event: LabEventName, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload)
  }

  listenerCount(event: LabEventName): number {
    return this.listeners.get(event)?.size ?? 0
  }

  private answer(channel: LabChannel, input: unknown): unknown {
    if (this.scripted.answers(channel, input)) return this.scripted.answer(channel, input)
    if (this.library.answers(channel)) return this.library.answer(channel, input)
    if (this.lessons.answers(channel)) return this.lessons.answer(channel, input)
    switch (channel) {
      case 'app:info':
        parseInput(channel, input)
        return this.info
      case 'settings:get':
        parseInput(channel, input)
        return this.settings
      case 'settings:set':
        this.settings = { ...this.settings, ...parseInput(channel, input) }
        return this.settings
      case 'allocators:list':
        parseInput(channel, input)
        return this.catalog
      case 'allocators:check': {
        const { specs } = parseInput(channel, input)
        return { results: specs.map((spec) => this.check(spec)) }
      }
      case 'draft:get':
        parseInput(channel, input)
        return this.draft
          ? { draft: this.draft.draft, savedAt: this.draft.savedAt }
          : { draft: null, savedAt: null }
      case 'draft:save': {
        const draft = parseInput(channel, input)
        const savedAt = (this.draft?.savedAt ?? 1_700_000_000_000) + 1000
        this.draft = { draft, savedAt }
        return { savedAt, storedBytes: JSON.stringify(draft).length }
      }
      case 'run:start': {
        const run = parseInput(channel, input)
        const bad = run.allocators.map((spec) => this.check(spec)).find((result) => result.error)
        if (bad?.error) throw new LabError('invalid-input', bad.error.key, bad.error.params)
        const runId = `run-${this.nextRun++}`
        this.runs.set(runId, {
          scenario: run.scenario,
          allocators: run.allocators,
          ...(run.title ? { title: run.title } : {})
        })
        return {
          runId,
          requests: run.scenario.split('\n').filter((line) => /^\s*[a-z]/.test(line)).length,
          warnings: [],
          configs: run.allocators.map((spec, config) => ({
            config,
            label: this.check(spec).label ?? spec,
            family: spec.split(':')[0]!
          }))
        }
      }
      case 'run:cancel': {
        const { runId } = parseInput(channel, input)
        return { runId, cancelled: this.runs.get(runId)?.allocators.length ?? 0 }
      }
      case 'run:summary': {
        const { runId } = parseInput(channel, input)
        const run = this.runs.get(runId)
        if (!run) throw new LabError('not-found', 'timeline.runNotFound', { runId })
        return (
          this.summaries.get(runId) ?? {
            runId,
            title: run.title ?? '',
            requests: 0,
            status: 'running',
            configs: []
          }
        )
      }
      default:
        throw new LabError('unknown-channel', 'service.unknownChannel', { channel })
    }
  }

  /** What run:summary answers for a run (tests set it to say how the run stands). */
  readonly summaries = new Map<string, unknown>()

  /**
   * allocators:check as the engine does it, for the sample catalog: the
   * family must exist, each key must be an option and each number in range.
   */
  private check(spec: string) {
    const [familyName = '', body = ''] = spec.split(':')
    const family = this.catalog.families.find((candidate) => candidate.name === familyName)
    const fail = (key: string, params: Record<string, string | number>, option: string | null) => ({
      label: null,
      family: family?.name ?? null,
      values: null,
      error: { key, params: { spec, ...params }, option }
    })
    if (!family) {
      return fail(
        'engine.spec.unknownFamily',
        { family: familyName, families: 'first-fit, best-fit, buddy' },
        null
      )
    }
    const values: Record<string, string> = {}
    for (const option of family.options) values[option.key] = option.defaultText
    for (const part of body.split(',').filter(Boolean)) {
      const [key = '', value = ''] = part.split('=')
      const option = family.options.find((candidate) => candidate.key === key)
      if (!option)
        return fail('engine.spec.unknownOption', { family: family.name, key, keys: '' }, null)
      const number = option.kind === 'size' ? parseSize(value) : Number(value)
      if (
        (option.kind === 'size' || option.kind === 'integer') &&
        (number === undefined ||
          (option.min !== null && number < option.min) ||
          (option.max !== null && number > option.max))
      ) {
        return fail(
          'engine.spec.outOfRange',
          { key, value, min: String(option.min), max: String(option.max) },
          key
        )
      }
      values[key] = value
    }
    return {
      label: `${family.name}:${Object.entries(values)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`,
      family: family.name,
      values: Object.fromEntries(Object.entries(values)),
      error: null
    }
  }
}

/**
 * The fake host behind a bridge that also takes encoded bodies, as the
 * browser host's does: the body is read back and answered like any call.
 */
export class EncodedFakeLabBridge extends FakeLabBridge {
  readonly encodedBodies: { channel: LabChannel; text: string }[] = []

  async invokeEncoded(channel: LabChannel, body: Blob): Promise<LabResult<unknown>> {
    const text = await body.text()
    this.encodedBodies.push({ channel, text })
    const parsed = JSON.parse(text) as { channel: LabChannel; input: unknown }
    return this.invoke(parsed.channel, parsed.input)
  }
}
