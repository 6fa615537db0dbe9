import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { LabOutput } from '@shared/api'
import type { FamilyKind } from '@shared/allocator-catalog'
import type { RunStatus } from '@shared/vocabulary/run-statuses'
import type { RunSummary } from '@shared/vocabulary/run-summary'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'

/** One configuration of the open run, with what drawing it needs. */
export interface ConfigMeta {
  readonly config: number
  /** The normalized spec, every option spelled out. */
  readonly label: string
  /** A short name: the family, numbered when the run has it twice. */
  readonly name: string
  readonly family: string
  readonly kind: FamilyKind
  readonly status: RunStatus
  /** Whether it has a timeline to replay. */
  readonly recorded: boolean
  /** Requests its timeline holds. */
  readonly count: number
  readonly summary: RunSummary | null
  readonly error: LabOutput<'run:summary'>['configs'][number]['error']
  /** Bytes of the arena or the page pool. */
  readonly poolBytes: number
  /** Address of the arena's first byte (heaps; 0 otherwise): map offsets plus this are addresses. */
  readonly baseAddress: number
  /** Bytes in a page frame (page and slab families; 0 for heaps). */
  readonly pageBytes: number
  /** The smallest unit worth drawing on its own: a byte of a heap, a frame of a pool. */
  readonly unitBytes: number
  readonly maxOrder: number
  /** An upper bound on the map's ranges over the run, so maps know when exact ranges stay small. */
  readonly rangeBound: number
}

/** How often a run still going is asked about, in case its finishing event was missed. */
const RECHECK_MS = 1000

export type RunState = 'idle' | 'loading' | 'running' | 'ready' | 'failed'

/**
 * The run Replay and Compare show: its summary and, for each configuration,
 * its family's kind and geometry (resolved by allocators:check from the
 * normalized spec, so no spec is parsed here). A run still going is watched
 * until it finishes.
 */
export const useRunStore = defineStore('run', () => {
  const lab = useLab()
  const runId = ref<string | null>(null)
  const state = ref<RunState>('idle')
  const summary = shallowRef<LabOutput<'run:summary'> | null>(null)
  const configs = shallowRef<ConfigMeta[]>([])
  const failure = shallowRef<FailureReason | null>(null)
  const progress = ref({ done: 0, total: 0 })
  /** The last run opened, for "continue where you were" when a view is opened without one. */
  const lastOpened = ref<{ runId: string; title: string } | null>(null)
  let kinds: Map<string, FamilyKind> | null = null
  let generation = 0
  let leaseTimer: ReturnType<typeof setTimeout> | undefined
  let recheckTimer: ReturnType<typeof setTimeout> | undefined

  const title = computed(() => summary.value?.title ?? '')
  const recorded = computed(() => configs.value.filter((config) => config.recorded))
  /** The last step any configuration has (-1 when none has a request). */
  const lastStep = computed(() => Math.max(-1, ...recorded.value.map((config) => config.count - 1)))

  async function open(id: string): Promise<void> {
    if (id === runId.value && (state.value === 'ready' || state.value === 'loading')) return
    const mine = ++generation
    runId.value = id
    state.value = 'loading'
    failure.value = null
    try {
      const answer = await lab.invoke('run:summary', { runId: id })
      if (mine !== generation) return
      summary.value = answer
      if (answer.status === 'queued' || answer.status === 'running') {
        state.value = 'running'
        progress.value = sumProgress(answer)
        scheduleRecheck(id, mine)
        return
      }
      const metas = await describeConfigs(answer)
      if (mine !== generation) return
      configs.value = metas
      state.value = 'ready'
      lastOpened.value = { runId: id, title: answer.title }
      await holdView(id, mine)
    } catch (error) {
      if (mine !== generation) return
      failure.value = describeFailure(error)
      state.value = 'failed'
    }
  }

  /**
   * While a run goes on, its summary is asked again now and then as well as
   * waited for by event: an event sent before the window's socket was
   * connected (just after a reload) never arrives, and the window would wait
   * for ever.
   */
  function scheduleRecheck(id: string, mine: number): void {
    clearTimeout(recheckTimer)
    recheckTimer = setTimeout(() => void recheck(id, mine), RECHECK_MS)
  }

  async function recheck(id: string, mine: number): Promise<void> {
    if (mine !== generation || state.value !== 'running') return
    try {
      const answer = await lab.invoke('run:summary', { runId: id })
      if (mine !== generation || state.value !== 'running') return
      if (answer.status === 'queued' || answer.status === 'running') {
        summary.value = answer
        progress.value = sumProgress(answer)
        return scheduleRecheck(id, mine)
      }
      state.value = 'idle'
      await open(id)
    } catch {
      // The next event or check tells; a run that is gone shows as gone when opened again.
      scheduleRecheck(id, mine)
    }
  }

  async function retry(): Promise<void> {
    const id = runId.value
    if (!id) return
    state.value = 'idle'
    await open(id)
  }

  /**
   * While a run is open it is being looked at: the service keeps a viewed
   * run out of its memory budget's eviction for a lease, renewed here at
   * half its length. A run the service let go anyway (a restart, another
   * window's budget) shows as the service explains it.
   */
  async function holdView(id: string, mine: number): Promise<void> {
    clearTimeout(leaseTimer)
    try {
      const { leaseMs } = await lab.invoke('run:view', { runId: id })
      if (mine !== generation) return
      leaseTimer = setTimeout(() => void holdView(id, mine), Math.max(1000, leaseMs / 2))
    } catch (error) {
      if (mine !== generation) return
      failure.value = describeFailure(error)
      state.value = 'failed'
    }
  }

  function close(): void {
    clearTimeout(leaseTimer)
    generation++
    runId.value = null
    state.value = 'idle'
    summary.value = null
    configs.value = []
    failure.value = null
  }

  async function describeConfigs(answer: LabOutput<'run:summary'>): Promise<ConfigMeta[]> {
    kinds ??= new Map(
      (await lab.invoke('allocators:list', {})).families.map((family) => [family.name, family.kind])
    )
    const checked = await lab.invoke('allocators:check', {
      specs: answer.configs.map((config) => config.label)
    })
    return Promise.all(
      answer.configs.map(async (config, index): Promise<ConfigMeta> => {
        const values = checked.results[index]?.values ?? {}
        const number = (key: string): number => {
          const value = values[key]
          return typeof value === 'number' ? value : 0
        }
        const kind = kinds!.get(config.family) ?? 'heap'
        const pageBytes = kind === 'heap' ? 0 : number('page')
        const recordedHere = config.timelineBytes > 0 && config.summary !== null
        const count = config.summary?.requests ?? 0
        const sameFamily = answer.configs.filter((other) => other.family === config.family)
        const name =
          sameFamily.length > 1
            ? `${config.family} ${sameFamily.indexOf(config) + 1}`
            : config.family
        return {
          config: config.config,
          label: config.label,
          name,
          family: config.family,
          kind,
          status: config.status,
          recorded: recordedHere,
          count,
          summary: config.summary,
          error: config.error,
          poolBytes: kind === 'heap' ? number('arena') : number('frames') * pageBytes,
          baseAddress: kind === 'heap' ? number('base') : 0,
          pageBytes,
          unitBytes: kind === 'heap' ? 1 : Math.max(1, pageBytes),
          maxOrder: number('max-order'),
          rangeBound:
            recordedHere && count > 0
              ? await rangeBound(answer.runId, config.config, count, config.summary)
              : 0
        }
      })
    )
  }

  /**
   * Each live block is at most four ranges (header, payload, slack, footer)
   * and each free block three, so the peaks of both bound the map's ranges.
   */
  async function rangeBound(
    id: string,
    config: number,
    count: number,
    figures: RunSummary | null
  ): Promise<number> {
    try {
      const metrics = await lab.invoke('timeline:metrics', {
        runId: id,
        config,
        from: 0,
        to: Math.max(1, count),
        maxPoints: 1,
        columns: ['liveBlocks']
      })
      const live = Math.max(0, ...(metrics.columns[0]?.max ?? []))
      // The free-block peak is sampled on long runs; the summary's is the closest there is.
      const free = figures?.peaks.freeBlocks.value ?? 0
      return 4 * live + 3 * free + 1
    } catch {
      // Without the bound, maps keep to the service's pixels for large pools: slower to zoom, never wrong.
      return Number.POSITIVE_INFINITY
    }
  }

  // A run still going tells its progress; when it finishes, open it for real.
  const stopProgress = lab.on('run:progress', (event) => {
    if (event.runId !== runId.value || state.value !== 'running' || !summary.value) return
    const others = summary.value.configs.filter((config) => config.config !== event.config)
    progress.value = {
      done: event.done + others.reduce((sum, config) => sum + config.done, 0),
      total: summary.value.requests * summary.value.configs.length
    }
  })
  const stopFinished = lab.on('run:finished', (event) => {
    if (event.runId !== runId.value || state.value !== 'running') return
    state.value = 'idle'
    void open(event.runId)
  })
  onScopeDispose(() => {
    clearTimeout(leaseTimer)
    clearTimeout(recheckTimer)
    stopProgress()
    stopFinished()
  })

  return {
    runId,
    state,
    summary,
    configs,
    failure,
    progress,
    lastOpened,
    title,
    recorded,
    lastStep,
    open,
    retry,
    close
  }
})

function sumProgress(answer: LabOutput<'run:summary'>): { done: number; total: number } {
  return {
    done: answer.configs.reduce((sum, config) => sum + config.done, 0),
    total: answer.requests * answer.configs.length
  }
}
