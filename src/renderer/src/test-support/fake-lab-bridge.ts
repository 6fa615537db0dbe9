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
  /** Scripted runs for the run and timeline channels (`bridge.runs.add(...)`). */
  readonly runs = new FakeRuns()
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
    if (this.runs.answers(channel)) return this.runs.answer(channel, input)
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
    }
  }
}
