import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { LabOutput } from '@shared/api'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'

/** The experiment a run the service holds belongs to. */
interface SavedLink {
  readonly id: number
  readonly name: string
  /** The run's results are the experiment's (it was saved, or opened from it); false after a re-run. */
  readonly contentSaved: boolean
}

export type SaveStatus =
  | { readonly kind: 'saving' }
  | {
      readonly kind: 'saved'
      readonly name: string
      readonly updated: boolean
      /** The run's results were written without their timelines (keepTimelines off). */
      readonly withoutTimelines: boolean
    }
  | { readonly kind: 'failed'; readonly reason: FailureReason }

/**
 * Saving runs as experiments, and what the window knows of runs opened
 * from the library: which experiment each held run belongs to (so saving
 * it again updates that experiment), the engine it was recorded by, and
 * the replay state to restore when Replay shows it. Whether a save keeps
 * the timelines is one choice for the whole window, on until the user
 * turns it off: without them an experiment holds its summaries only.
 */
export const useExperimentSaveStore = defineStore('experimentSave', () => {
  const lab = useLab()
  const links = ref(new Map<string, SavedLink>())
  const opened = shallowRef(new Map<string, LabOutput<'experiment:open'>>())
  const status = ref(new Map<string, SaveStatus>())
  const restores = new Map<string, unknown>()
  const rerunning = ref<string | null>(null)
  const rerunFailure = shallowRef<FailureReason | null>(null)
  const keepTimelines = ref(true)

  /** A run experiment:open put back in the service. */
  function remember(answer: LabOutput<'experiment:open'>): void {
    links.value.set(answer.runId, { id: answer.id, name: answer.title, contentSaved: true })
    opened.value = new Map(opened.value).set(answer.runId, answer)
    restores.set(answer.runId, answer.replayState)
  }

  /** The replay state saved with the run, once: Replay applies it when it first shows the run. */
  function takeRestore(runId: string): unknown {
    const state = restores.get(runId)
    restores.delete(runId)
    return state
  }

  /** An experiment deleted in this window: its runs save as new experiments again. */
  function forget(id: number): void {
    for (const [runId, link] of links.value) if (link.id === id) links.value.delete(runId)
  }

  function experimentOf(runId: string): number | null {
    return links.value.get(runId)?.id ?? null
  }

  /**
   * Whether saving the run writes its results (and so the keepTimelines
   * choice applies): a run not saved yet, or re-run since. Saving an
   * experiment's own run again only keeps the replay state.
   */
  function writesResults(runId: string): boolean {
    return links.value.get(runId)?.contentSaved !== true
  }

  /** The configurations of an opened experiment that were saved without their timelines. */
  function savedWithoutTimelines(runId: string): LabOutput<'experiment:open'>['configs'] {
    return opened.value.get(runId)?.configs.filter((config) => config.timeline === 'dropped') ?? []
  }

  /**
   * Save the run: a new experiment named `name`, or, when the run already
   * belongs to one, that experiment with this replay state (and the run's
   * results, after a re-run).
   */
  async function save(runId: string, name: string, replayState: unknown): Promise<void> {
    const link = links.value.get(runId)
    const next = new Map(status.value)
    status.value = next.set(runId, { kind: 'saving' })
    const state = replayState as LabOutput<'experiment:open'>['replayState']
    const results = writesResults(runId)
    const keep = keepTimelines.value
    try {
      const item = await lab.invoke(
        'experiment:save',
        link
          ? link.contentSaved
            ? { id: link.id, replayState: state }
            : { id: link.id, runId, replayState: state, keepTimelines: keep }
          : { runId, name, replayState: state, keepTimelines: keep }
      )
      links.value.set(runId, { id: item.id, name: item.name, contentSaved: true })
      status.value = new Map(status.value).set(runId, {
        kind: 'saved',
        name: item.name,
        updated: link !== undefined,
        withoutTimelines: results && !keep
      })
    } catch (error) {
      status.value = new Map(status.value).set(runId, {
        kind: 'failed',
        reason: describeFailure(error)
      })
    }
  }

  /** Run an opened experiment again with this engine; the new run's id, or null when it failed. */
  async function rerun(runId: string): Promise<string | null> {
    const answer = opened.value.get(runId)
    if (!answer) return null
    rerunning.value = runId
    rerunFailure.value = null
    try {
      const started = await lab.invoke('experiment:rerun', { id: answer.id })
      links.value.set(started.runId, { id: answer.id, name: answer.title, contentSaved: false })
      return started.runId
    } catch (error) {
      rerunFailure.value = describeFailure(error)
      return null
    } finally {
      rerunning.value = null
    }
  }

  return {
    links,
    opened,
    status,
    rerunning,
    rerunFailure,
    keepTimelines,
    remember,
    takeRestore,
    forget,
    experimentOf,
    writesResults,
    savedWithoutTimelines,
    save,
    rerun
  }
})
