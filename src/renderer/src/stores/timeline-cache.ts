import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { LabInput, LabOutput } from '@shared/api'
import type { TimelineEvent } from '@shared/run-schemas'
import { useLab } from '@renderer/lab/use-lab'

type Structures = LabOutput<'timeline:structures'>
type Events = LabOutput<'timeline:events'>

/** Structures kept for the last few (run, config, step) asked, so two panels never ask twice. */
const KEEP = 12
/** Lines the event log shows above the current step after a jump. */
export const STEP_HISTORY = 12
/** Steps a held key may skip that the next question still fills in. */
const MAX_SKIPPED = 64

/** What useTimelineCacheStore().step answers: the events up to the step (ascending) and the structures after it. */
export interface StepAnswer {
  readonly events: readonly TimelineEvent[]
  readonly structures: Structures
}

interface Queued {
  /** Requests the service's engine must have run before this answer: it replays forward from there. */
  readonly position: number
  /** Reads leave the engine where it stands; events run it on. At one position, reads go first. */
  readonly reads: boolean
  readonly run: () => Promise<unknown>
  readonly settle: (value: unknown) => void
  readonly fail: (error: unknown) => void
}

/**
 * The questions that make the service replay a configuration's engine
 * (structures at a step, events with the blocks they cut or joined), asked
 * one at a time per configuration and, among those asked together, from the
 * earliest position on. The engine only runs forward cheaply: asked for
 * step 500,001's event after its structures (which leave it one request
 * further), it would start again from a checkpoint up to a quarter of a
 * million requests back. Structures are shared, so two panels never ask
 * twice.
 */
export const useTimelineCacheStore = defineStore('timelineCache', () => {
  const lab = useLab()
  const structuresAsked = new Map<string, Promise<Structures>>()
  const queues = new Map<string, { waiting: Queued[]; busy: boolean }>()
  /** The newest structures answered per configuration, for panes that follow another's questions. */
  const latest = shallowRef(new Map<string, Structures>())

  function enqueue<T>(
    runId: string,
    config: number,
    position: number,
    reads: boolean,
    run: () => Promise<T>
  ): Promise<T> {
    const key = `${runId}|${config}`
    let queue = queues.get(key)
    if (!queue) {
      queue = { waiting: [], busy: false }
      queues.set(key, queue)
    }
    const target = queue
    return new Promise<T>((resolve, reject) => {
      target.waiting.push({
        position,
        reads,
        run,
        settle: resolve as (value: unknown) => void,
        fail: reject
      })
      // Questions asked in the same turn (one step change) are sorted before the first goes out.
      if (!target.busy) queueMicrotask(() => void drain(target))
    })
  }

  async function drain(queue: { waiting: Queued[]; busy: boolean }): Promise<void> {
    if (queue.busy) return
    queue.busy = true
    try {
      while (queue.waiting.length > 0) {
        queue.waiting.sort((a, b) => a.position - b.position || Number(b.reads) - Number(a.reads))
        const next = queue.waiting.shift()!
        try {
          next.settle(await next.run())
        } catch (error) {
          next.fail(error)
        }
      }
    } finally {
      queue.busy = false
    }
  }

  function structures(input: { runId: string; config: number; step: number }): Promise<Structures> {
    const key = `${input.runId}|${input.config}|${input.step}`
    let answer = structuresAsked.get(key)
    if (!answer) {
      answer = enqueue(input.runId, input.config, input.step + 1, true, () =>
        lab.invoke('timeline:structures', input)
      )
      void answer.then(
        (value) => {
          const next = new Map(latest.value)
          next.set(`${input.runId}|${input.config}`, value)
          latest.value = next
        },
        () => undefined
      )
      structuresAsked.set(key, answer)
      // A failed answer is not kept: asking again may succeed.
      answer.catch(() => structuresAsked.delete(key))
      if (structuresAsked.size > KEEP) structuresAsked.delete(structuresAsked.keys().next().value!)
    } else {
      // Recently used answers stay longest.
      structuresAsked.delete(key)
      structuresAsked.set(key, answer)
    }
    return answer
  }

  function events(input: LabInput<'timeline:events'>): Promise<Events> {
    return enqueue(input.runId, input.config, input.from, false, () =>
      lab.invoke('timeline:events', input)
    )
  }

  /**
   * The events up to a step and the structures after it, asked in that
   * order as one question: the structures panel and the event log of one
   * configuration follow the step together, and the engine never goes back.
   * The events start where the last such question ended (the steps a held
   * key skipped, which the log shows) or, after a jump, STEP_HISTORY before
   * the step (the lines the log shows above it).
   */
  const stepsAsked = new Map<string, Promise<StepAnswer>>()
  const lastStepAsked = new Map<string, number>()
  function step(input: { runId: string; config: number; step: number }): Promise<StepAnswer> {
    const key = `${input.runId}|${input.config}|${input.step}`
    let answer = stepsAsked.get(key)
    if (answer) return answer
    const configKey = `${input.runId}|${input.config}`
    const last = lastStepAsked.get(configKey)
    const from =
      last !== undefined && last < input.step && input.step - last <= MAX_SKIPPED
        ? last + 1
        : Math.max(0, input.step - STEP_HISTORY)
    lastStepAsked.set(configKey, input.step)
    answer = enqueue(input.runId, input.config, from, false, async () => {
      const events =
        input.step < 0
          ? []
          : (
              await lab.invoke('timeline:events', {
                runId: input.runId,
                config: input.config,
                from,
                count: input.step - from + 1
              })
            ).events
      const structures = await lab.invoke('timeline:structures', input)
      return { events, structures }
    })
    stepsAsked.set(key, answer)
    answer.catch(() => stepsAsked.delete(key))
    if (stepsAsked.size > KEEP) stepsAsked.delete(stepsAsked.keys().next().value!)
    // Whoever asks the structures of this step later gets this answer.
    const structuresKey = key
    const structures = answer.then((both) => both.structures)
    structuresAsked.set(structuresKey, structures)
    structures.catch(() => structuresAsked.delete(structuresKey))
    void structures.then(
      (value) => {
        const next = new Map(latest.value)
        next.set(`${input.runId}|${input.config}`, value)
        latest.value = next
      },
      () => undefined
    )
    return answer
  }

  function latestStructures(runId: string, config: number): Structures | undefined {
    return latest.value.get(`${runId}|${config}`)
  }

  return { structures, events, step, latestStructures }
})
