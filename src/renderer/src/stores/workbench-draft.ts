import { onScopeDispose, ref, watch } from 'vue'
import { defineStore } from 'pinia'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { WorkerJobError } from '@renderer/scenario-worker/scenario-worker-client'
import { useConfigStore } from './workbench-configs'
import { useScenarioStore } from './workbench-scenario'

export type DraftStatus = 'idle' | 'restoring' | 'pending' | 'saving' | 'saved' | 'failed'

/** A change is saved this long after the last one before it (well inside a second). */
export const DRAFT_SAVE_DELAY_MS = 400

function reasonOf(error: unknown): FailureReason {
  if (error instanceof WorkerJobError) {
    return { key: error.failure.messageKey, params: { ...error.failure.params } }
  }
  return describeFailure(error)
}

/**
 * Keeps the Workbench as a draft in the database: the scenario and the
 * configurations are saved shortly after every change and put back at the
 * next start, so a crash, a closed window or a reload loses nothing. A
 * draft that cannot be saved or restored says why, and saving goes on
 * trying at the next change.
 */
export const useDraftStore = defineStore('workbenchDraft', () => {
  const lab = useLab()
  const scenario = useScenarioStore()
  const configs = useConfigStore()

  const status = ref<DraftStatus>('idle')
  const savedAt = ref<number | null>(null)
  const restoredAt = ref<number | null>(null)
  const error = ref<FailureReason | null>(null)
  const failedAction = ref<'save' | 'restore' | null>(null)
  let restoring: Promise<void> | null = null
  let ready = false
  let saving = false
  let pending = false
  let timer: ReturnType<typeof setTimeout> | undefined
  /** What the database holds: saving the same again is skipped. */
  let savedKey = ''

  function currentKey(): string {
    return JSON.stringify([scenario.version, configs.specs, scenario.fileName])
  }

  function ensureRestored(): Promise<void> {
    restoring ??= restore()
    return restoring
  }

  async function restore(): Promise<void> {
    status.value = 'restoring'
    try {
      const { draft, savedAt: at } = await lab.invoke('draft:get', {})
      if (draft) {
        configs.replaceAll(draft.configs)
        await scenario.restore(draft.scenario, draft.fileName)
        restoredAt.value = at
        savedAt.value = at
      }
      status.value = draft ? 'saved' : 'idle'
    } catch (failure) {
      status.value = 'failed'
      failedAction.value = 'restore'
      error.value = reasonOf(failure)
    } finally {
      savedKey = currentKey()
      ready = true
    }
  }

  function schedule(): void {
    if (!ready || currentKey() === savedKey) return
    if (!saving) status.value = 'pending'
    clearTimeout(timer)
    timer = setTimeout(() => void save(), DRAFT_SAVE_DELAY_MS)
  }

  async function save(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    if (saving) {
      pending = true
      return
    }
    saving = true
    pending = false
    const key = currentKey()
    status.value = 'saving'
    try {
      const rest = { configs: [...configs.specs], fileName: scenario.fileName }
      const result = lab.invokeEncoded
        ? await lab.invokeEncoded(
            'draft:save',
            (await scenario.encodeCall('draft:save', rest, 'draft')).body
          )
        : await lab.invoke('draft:save', {
            ...rest,
            scenario: (await scenario.draftScenario()).scenario
          })
      savedKey = key
      savedAt.value = result.savedAt
      status.value = 'saved'
      error.value = null
      failedAction.value = null
    } catch (failure) {
      status.value = 'failed'
      failedAction.value = 'save'
      error.value = reasonOf(failure)
    } finally {
      saving = false
      // A change made while saving is saved next; a failure waits for the next change (or Retry).
      if (pending) schedule()
    }
  }

  /** Save at once what is waiting, when the page is about to be hidden or closed. */
  function flush(): void {
    if (timer !== undefined) void save()
  }

  watch(() => currentKey(), schedule)
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') flush()
  }
  document.addEventListener('visibilitychange', onHidden)
  onScopeDispose(() => {
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onHidden)
  })

  return { status, savedAt, restoredAt, error, failedAction, ensureRestored, save, flush }
})
