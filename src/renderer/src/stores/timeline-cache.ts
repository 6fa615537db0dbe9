import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { LabError, type LabInput, type LabOutput } from '@shared/api'
import {
  MAX_STEP_QUESTIONS,
  type StepAnswer as AnswerAtStep,
  type StepQuestion,
  type TimelineEvent
} from '@shared/run-schemas'
import { useLab } from '@renderer/lab/use-lab'

type Structures = LabOutput<'timeline:structures'>
type Events = LabOutput<'timeline:events'>

/** Structures kept for the last few (run, config, step) asked, so two panels never ask twice. */
const KEEP = 12
/** Lines the event log shows above the current step after a jump. */
export const STEP_HISTORY = 12
/** Steps a held key may skip that the next question still fills in. */
const MAX_SKIPPED = 64

const structuresOf = (answer: Promise<StepAnswer>): Promise<Structures> =>
  answer.then((both) => both.structures)

function chunks<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = []
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size))
  return parts
}

/** What useTimelineCacheStore().step answers: the events up to the step (ascending) and the structures after it. */
export interface StepAnswer {
  readonly events: readonly TimelineEvent[]
  readonly structures: Structures
}

type Asked = {
  readonly question: StepQuestion
  readonly settle: (answer: AnswerAtStep) => void
  readonly fail: (error: unknown) => void
}

/** The value of one timeline:step answer, or the error it carries thrown. */
function valueOf<K extends Exclude<AnswerAtStep['kind'], 'error'>>(
  answer: AnswerAtStep | undefined,
  kind: K
): Extract<AnswerAtStep, { kind: K }> {
  if (answer?.kind === 'error') throw LabError.from(answer.error)
  if (answer?.kind !== kind)
    throw new LabError('internal', 'service.invalidOutput', {
      channel: 'timeline:step',
      field: 'answers',
      detail: `expected a ${kind} answer`
    })
  return answer as Extract<AnswerAtStep, { kind: K }>
}

/**
 * The call a question travels in. Maps come from the recorded keyframes and
 * are answered at once; structures and events replay the configuration's
 * engine, which after a jump can take a second. Each engine has its own
 * lane, so a long replay holds back neither the maps nor another
 * configuration (the service interleaves calls while an engine replays).
 */
function laneOf(runId: string, question: StepQuestion): string {
  return question.kind === 'map' ? `${runId}|maps` : `${runId}|engine|${question.config}`
}

/**
 * Replay's questions about steps (maps, structures, events), gathered into
 * one timeline:step per lane (laneOf): every panel asks when the step
 * changes, and a round trip per lane answers them. Each lane has one call
 * in flight at a time; what is asked meanwhile goes in its next. Each panel asks through a LatestWins
 * (one question in flight, only the newest waiting), so while a key is held
 * the next call carries only the newest step, never the ones passed. The
 * service answers the questions that replay an engine in the order that
 * never sends it back (step-answers.ts). Structures are shared, so two
 * panels never ask twice.
 */
export const useTimelineCacheStore = defineStore('timelineCache', () => {
  const lab = useLab()
  const structuresAsked = new Map<string, Promise<Structures>>()
  /** The newest structures answered per configuration, for panes that follow another's questions. */
  const latest = shallowRef(new Map<string, Structures>())
  /** Questions not yet sent, by lane; the lanes with a call in flight or about to send one. */
  const waiting = new Map<string, { runId: string; asked: Asked[] }>()
  const inFlight = new Set<string>()
  const scheduled = new Set<string>()

  function ask(runId: string, question: StepQuestion): Promise<AnswerAtStep> {
    return new Promise<AnswerAtStep>((settle, fail) => {
      const lane = laneOf(runId, question)
      let batch = waiting.get(lane)
      if (!batch) {
        batch = { runId, asked: [] }
        waiting.set(lane, batch)
      }
      batch.asked.push({ question, settle, fail })
      schedule(lane)
    })
  }

  function schedule(lane: string): void {
    if (inFlight.has(lane) || scheduled.has(lane)) return
    scheduled.add(lane)
    // One step change reaches the panels' limiters over several microtasks: gather them all.
    setTimeout(() => void flush(lane), 0)
  }

  async function flush(lane: string): Promise<void> {
    scheduled.delete(lane)
    const batch = waiting.get(lane)
    waiting.delete(lane)
    if (!batch) return
    inFlight.add(lane)
    try {
      await Promise.all(
        chunks(batch.asked, MAX_STEP_QUESTIONS).map(async (part) => {
          try {
            const { answers } = await lab.invoke('timeline:step', {
              runId: batch.runId,
              questions: part.map((one) => one.question)
            })
            part.forEach((one, i) => one.settle(answers[i]!))
          } catch (error) {
            for (const one of part) one.fail(error)
          }
        })
      )
    } finally {
      inFlight.delete(lane)
      if (waiting.has(lane)) schedule(lane)
    }
  }

  function noteLatest(runId: string, config: number, answer: Promise<Structures>): void {
    void answer.then(
      (value) => {
        const next = new Map(latest.value)
        next.set(`${runId}|${config}`, value)
        latest.value = next
      },
      () => undefined
    )
  }

  function askStructures(input: { runId: string; config: number; step: number }) {
    return ask(input.runId, { kind: 'structures', config: input.config, step: input.step }).then(
      (answer) => valueOf(answer, 'structures').structures
    )
  }

  function askEvents(input: LabInput<'timeline:events'>): Promise<Events> {
    return ask(input.runId, {
      kind: 'events',
      config: input.config,
      from: input.from,
      count: input.count
    }).then((answer) => valueOf(answer, 'events').events)
  }

  /** The memory map of a configuration at a step (exact ranges when no width is given). */
  function map(input: LabInput<'timeline:map'>): Promise<LabOutput<'timeline:map'>> {
    return ask(input.runId, {
      kind: 'map',
      config: input.config,
      step: input.step,
      ...(input.width !== undefined ? { width: input.width } : {})
    }).then((answer) => valueOf(answer, 'map').map)
  }

  function structures(input: { runId: string; config: number; step: number }): Promise<Structures> {
    const key = `${input.runId}|${input.config}|${input.step}`
    let answer = structuresAsked.get(key)
    if (!answer) {
      answer = askStructures(input)
      noteLatest(input.runId, input.config, answer)
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
    return askEvents(input)
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
  /** Steps asked ahead (stepAhead) that no pane has asked for itself yet. */
  const askedAhead = new Set<string>()
  function step(
    input: { runId: string; config: number; step: number },
    options: { ahead?: boolean } = {}
  ): Promise<StepAnswer> {
    const key = `${input.runId}|${input.config}|${input.step}`
    let answer = stepsAsked.get(key)
    if (answer) {
      // Asked ahead, and now the step the panes show: it is the newest for followers from here on.
      if (!options.ahead && askedAhead.delete(key))
        noteLatest(input.runId, input.config, structuresAsked.get(key) ?? structuresOf(answer))
      return answer
    }
    const configKey = `${input.runId}|${input.config}`
    const last = lastStepAsked.get(configKey)
    const from =
      last !== undefined && last < input.step && input.step - last <= MAX_SKIPPED
        ? last + 1
        : Math.max(0, input.step - STEP_HISTORY)
    lastStepAsked.set(configKey, input.step)
    // Asked together, so they travel in one call and the service explains the events first.
    const events =
      input.step < 0
        ? Promise.resolve([])
        : askEvents({
            runId: input.runId,
            config: input.config,
            from,
            count: input.step - from + 1
          }).then((window) => window.events)
    const structures = askStructures(input)
    answer = Promise.all([events, structures]).then(([upTo, after]) => ({
      events: upTo,
      structures: after
    }))
    stepsAsked.set(key, answer)
    answer.catch(() => {
      stepsAsked.delete(key)
      askedAhead.delete(key)
    })
    if (stepsAsked.size > KEEP) {
      const oldest = stepsAsked.keys().next().value!
      stepsAsked.delete(oldest)
      askedAhead.delete(oldest)
    }
    // Whoever asks the structures of this step later gets this answer.
    structuresAsked.set(key, structures)
    structures.catch(() => structuresAsked.delete(key))
    if (options.ahead) askedAhead.add(key)
    else noteLatest(input.runId, input.config, structures)
    return answer
  }

  /**
   * Ask for a step before any pane shows it: the step a held key will show
   * next. When it comes, its answer is at hand and every pane draws it in
   * the same frame. A failure here is not shown: the pane asks again then.
   */
  function stepAhead(input: { runId: string; config: number; step: number }): void {
    step(input, { ahead: true }).catch(() => undefined)
  }

  function latestStructures(runId: string, config: number): Structures | undefined {
    return latest.value.get(`${runId}|${config}`)
  }

  return { map, structures, events, step, stepAhead, latestStructures }
})
