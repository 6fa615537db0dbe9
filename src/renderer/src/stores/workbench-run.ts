import { computed, onScopeDispose, ref } from 'vue'
import { defineStore } from 'pinia'
import type { LabEventPayload, LabOutput } from '@shared/api'
import type { RunStatus } from '@shared/vocabulary/run-statuses'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { useConfigStore } from './workbench-configs'
import { useScenarioStore } from './workbench-scenario'

export interface ConfigProgress {
  readonly config: number
  readonly label: string
  readonly family: string
  readonly status: RunStatus
  readonly done: number
  readonly total: number
  /** Requests per second so far. */
  readonly rate: number
  readonly elapsedMs: number
  readonly error: LabEventPayload<'run:ended'>['error']
}

export type RunPhase = 'idle' | 'starting' | 'running' | 'ended' | 'refused'

export interface BlockedReason {
  readonly key: string
  readonly params: Readonly<Record<string, string | number>>
}

/** Performance marks around a run (the e2e reads them to measure the page while it runs). */
export const RUN_STARTED_MARK = 'alloclab:run-started'
export const RUN_FINISHED_MARK = 'alloclab:run-finished'
/** Set when the scenario text is in hand and run:start is about to be sent. */
export const RUN_REQUESTED_MARK = 'alloclab:run-requested'

/** How often the run's state is read back while running, in case an event was missed. */
const RECONCILE_MS = 2000
/** Events held for a run whose start has not answered yet (a tiny run can end first). */
const EARLY_EVENTS = 256

type RunEvent =
  | { readonly name: 'run:progress'; readonly payload: LabEventPayload<'run:progress'> }
  | { readonly name: 'run:ended'; readonly payload: LabEventPayload<'run:ended'> }
  | { readonly name: 'run:finished'; readonly payload: LabEventPayload<'run:finished'> }

/**
 * The Workbench's current run: started from the scenario and the
 * configurations, followed through `run:progress` / `run:ended` /
 * `run:finished`, with what went wrong where it went wrong: a refused start
 * (with the configuration a bad spec belongs to), a failed configuration on
 * its own row.
 */
export const useRunStore = defineStore('workbenchRun', () => {
  const lab = useLab()
  const scenario = useScenarioStore()
  const configs = useConfigStore()

  const phase = ref<RunPhase>('idle')
  const runId = ref<string | null>(null)
  const title = ref('')
  const rows = ref<ConfigProgress[]>([])
  const startError = ref<FailureReason | null>(null)
  /** Index of the configuration a refused start is about, or -1. */
  const refusedConfig = ref(-1)
  const endStatus = ref<LabEventPayload<'run:finished'>['status'] | null>(null)
  const elapsedMs = ref(0)
  let startedAt = 0
  let early: RunEvent[] = []
  let reconcileTimer: ReturnType<typeof setInterval> | undefined

  const busy = computed(() => phase.value === 'starting' || phase.value === 'running')
  const finishedCount = computed(
    () => rows.value.filter((row) => row.status !== 'queued' && row.status !== 'running').length
  )
  const failedCount = computed(() => rows.value.filter((row) => row.status !== 'done').length)

  /** Why the Run button cannot run now, or null when it can. */
  const blocked = computed((): BlockedReason | null => {
    if (scenario.isEmpty) return { key: 'workbench.run.blockedEmpty', params: {} }
    if (scenario.analysing || scenario.loading) {
      return { key: 'workbench.run.blockedChecking', params: {} }
    }
    if (scenario.errorCount > 0) {
      return { key: 'workbench.run.blockedErrors', params: { count: scenario.errorCount } }
    }
    if (configs.configs.length === 0) return { key: 'workbench.run.blockedNoConfigs', params: {} }
    if (configs.firstInvalid >= 0) {
      return { key: 'workbench.run.blockedConfig', params: { index: configs.firstInvalid + 1 } }
    }
    if (!configs.allChecked) return { key: 'workbench.run.blockedChecking', params: {} }
    return null
  })

  function patchRow(config: number, patch: Partial<ConfigProgress>): void {
    rows.value = rows.value.map((row) => (row.config === config ? { ...row, ...patch } : row))
  }

  function handle(event: RunEvent): void {
    if (event.payload.runId !== runId.value) {
      if (phase.value === 'starting') early = [...early, event].slice(-EARLY_EVENTS)
      return
    }
    switch (event.name) {
      case 'run:progress': {
        const { config, done, total, rate, elapsedMs: spent } = event.payload
        const row = rows.value.find((candidate) => candidate.config === config)
        if (row && row.status !== 'queued' && row.status !== 'running') return
        patchRow(config, { status: 'running', done, total, rate, elapsedMs: spent })
        return
      }
      case 'run:ended':
        patchRow(event.payload.config, {
          status: event.payload.status,
          error: event.payload.error
        })
        return
      case 'run:finished':
        finish(event.payload.status)
    }
  }

  function finish(status: LabEventPayload<'run:finished'>['status']): void {
    if (phase.value !== 'running') return
    phase.value = 'ended'
    performance.mark(RUN_FINISHED_MARK, { detail: { runId: runId.value } })
    endStatus.value = status
    elapsedMs.value = performance.now() - startedAt
    stopReconciling()
    void reconcile()
  }

  /** Read the run back (after it ends, and now and then while it runs) so a missed event loses nothing. */
  async function reconcile(): Promise<void> {
    const id = runId.value
    if (!id) return
    try {
      const summary = await lab.invoke('run:summary', { runId: id })
      if (id !== runId.value) return
      for (const config of summary.configs) {
        const row = rows.value.find((candidate) => candidate.config === config.config)
        const ended = config.status !== 'queued' && config.status !== 'running'
        patchRow(config.config, {
          status: config.status,
          done: Math.max(config.done, ended ? config.done : (row?.done ?? 0)),
          total: config.total,
          ...(config.error ? { error: config.error } : {})
        })
      }
      if (summary.status !== 'queued' && summary.status !== 'running') {
        finish(summary.status)
      }
    } catch {
      // The events carry the run; a failed read-back changes nothing shown.
    }
  }

  function stopReconciling(): void {
    clearInterval(reconcileTimer)
    reconcileTimer = undefined
  }

  async function start(): Promise<void> {
    if (busy.value || blocked.value) return
    phase.value = 'starting'
    startError.value = null
    refusedConfig.value = -1
    endStatus.value = null
    rows.value = []
    runId.value = null
    early = []
    const specs = configs.specs
    const requests = scenario.report?.requests ?? 0
    title.value = scenario.report?.name || scenario.fileName || ''
    try {
      const input = { allocators: [...specs], ...(title.value ? { title: title.value } : {}) }
      let started: LabOutput<'run:start'>
      if (lab.invokeEncoded) {
        // The worker writes the request with the text in it: the page never copies the scenario.
        const { body } = await scenario.encodeCall('run:start', input, 'text')
        startedAt = performance.now()
        performance.mark(RUN_REQUESTED_MARK)
        started = await lab.invokeEncoded('run:start', body)
      } else {
        const text = await scenario.text()
        startedAt = performance.now()
        performance.mark(RUN_REQUESTED_MARK)
        started = await lab.invoke('run:start', { ...input, scenario: text })
      }
      runId.value = started.runId
      performance.mark(RUN_STARTED_MARK, { detail: { runId: started.runId } })
      rows.value = started.configs.map((config) => ({
        ...config,
        status: 'queued',
        done: 0,
        total: requests,
        rate: 0,
        elapsedMs: 0,
        error: null
      }))
      phase.value = 'running'
      const held = early
      early = []
      for (const event of held) handle(event)
      if (phase.value === 'running') {
        reconcileTimer = setInterval(() => void reconcile(), RECONCILE_MS)
      }
    } catch (error) {
      phase.value = 'refused'
      const reason = describeFailure(error)
      startError.value = reason
      const spec = 'key' in reason ? reason.params['spec'] : undefined
      refusedConfig.value =
        typeof spec === 'string' ? specs.findIndex((candidate) => candidate.trim() === spec) : -1
    }
  }

  async function cancel(): Promise<void> {
    const id = runId.value
    if (!id || phase.value !== 'running') return
    try {
      await lab.invoke('run:cancel', { runId: id })
    } catch (error) {
      startError.value = describeFailure(error)
    }
  }

  const stops = [
    lab.on('run:progress', (payload) => handle({ name: 'run:progress', payload })),
    lab.on('run:ended', (payload) => handle({ name: 'run:ended', payload })),
    lab.on('run:finished', (payload) => handle({ name: 'run:finished', payload }))
  ]
  onScopeDispose(() => {
    for (const stop of stops) stop()
    stopReconciling()
  })

  return {
    phase,
    runId,
    title,
    rows,
    startError,
    refusedConfig,
    endStatus,
    elapsedMs,
    busy,
    blocked,
    finishedCount,
    failedCount,
    start,
    cancel,
    reconcile
  }
})
