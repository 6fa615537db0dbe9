import { computed, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import { useI18n } from 'vue-i18n'
import {
  answersMatch,
  expectedAnswer,
  kindsFor,
  placeKind,
  type ExerciseAnswer,
  type ExerciseKind,
  type StepTruth
} from '@shared/exercises/exercise'
import type { ExerciseQuestion } from '@shared/exercises/exercise-sheet-schemas'
import type { LabOutput } from '@shared/api'
import type { Locale } from '@shared/i18n/locales'
import { eventSentence, requestText } from '@shared/timeline/event-sentence'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { useReplayStore } from './replay'
import { useRunStore } from './run'

/** What the student is told once an answer is checked. */
export interface ExerciseFeedback {
  readonly step: number
  readonly correct: boolean
  readonly given: ExerciseAnswer
  readonly right: ExerciseAnswer
  /** The step told in words, from the shared event sentences. */
  readonly sentence: string
}

/**
 * "Predict the next step" over whatever run Replay shows: the request after
 * the current step is read from the real timeline (its event and the
 * structures after it) but not shown; the student answers one question
 * about it, the answer is checked against the timeline, the step is
 * revealed (Replay moves to it) and the score kept for the run.
 */
export const useExerciseStore = defineStore('exercise', () => {
  const lab = useLab()
  const run = useRunStore()
  const replay = useReplayStore()
  const { locale } = useI18n({ useScope: 'global' })

  const active = ref(false)
  const config = ref(0)
  const kind = ref<ExerciseKind>('result')
  const truth = shallowRef<StepTruth | null>(null)
  /** The step the current question is about. */
  const target = ref(-1)
  const loading = ref(false)
  const failure = shallowRef<FailureReason | null>(null)
  const feedback = shallowRef<ExerciseFeedback | null>(null)
  const score = ref({ right: 0, asked: 0 })
  /** The teacher's questions for a sheet, over the configuration asked about. */
  const sheet = ref<ExerciseQuestion[]>([])
  const exporting = ref(false)
  let scoredRun: string | null = null
  let generation = 0

  const meta = computed(() => run.configs.find((candidate) => candidate.config === config.value))
  const finished = computed(() => !!meta.value && replay.step + 1 >= meta.value.count)
  const kinds = computed((): ExerciseKind[] => (truth.value ? kindsFor(truth.value) : ['result']))
  const request = computed(() =>
    truth.value ? requestText(locale.value as Locale, truth.value.event) : ''
  )
  const place = computed(() =>
    truth.value ? placeKind(truth.value.event, truth.value.family) : null
  )

  async function prepare(): Promise<void> {
    const mine = ++generation
    feedback.value = null
    failure.value = null
    const now = meta.value
    if (!active.value || !run.runId || !now || finished.value) {
      truth.value = null
      return
    }
    const next = replay.step + 1
    target.value = next
    loading.value = true
    try {
      const [events, structures] = await Promise.all([
        lab.invoke('timeline:events', {
          runId: run.runId,
          config: now.config,
          from: next,
          count: 1
        }),
        lab.invoke('timeline:structures', { runId: run.runId, config: now.config, step: next })
      ])
      if (mine !== generation) return
      const event = events.events[0]
      truth.value = event ? { event, structures, family: now.kind } : null
      if (!kinds.value.includes(kind.value)) kind.value = 'result'
    } catch (error) {
      if (mine === generation) failure.value = describeFailure(error)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function start(): void {
    if (run.runId !== scoredRun) {
      scoredRun = run.runId
      score.value = { right: 0, asked: 0 }
    }
    const focus = replay.focusConfig
    if (focus) config.value = focus.config
    replay.pause()
    active.value = true
    void prepare()
  }

  function stop(): void {
    active.value = false
    feedback.value = null
    truth.value = null
  }

  /** Checks the answer against the timeline, counts it and reveals the step. */
  function check(given: ExerciseAnswer): void {
    const now = truth.value
    const context = meta.value
    if (!now || !context || feedback.value) return
    const right = expectedAnswer(given.kind, now)
    if (!right) return
    const correct = answersMatch(given, right)
    score.value = {
      right: score.value.right + (correct ? 1 : 0),
      asked: score.value.asked + 1
    }
    feedback.value = {
      step: target.value,
      correct,
      given,
      right,
      sentence: eventSentence(locale.value as Locale, now.event, {
        kind: context.kind,
        pageBytes: context.pageBytes
      })
    }
    replay.pause()
    replay.seek(target.value)
  }

  function addToSheet(): void {
    if (target.value < 0) return
    const question = { step: target.value, kind: kind.value }
    const others = sheet.value.filter(
      (chosen) => chosen.step !== question.step || chosen.kind !== question.kind
    )
    sheet.value = [...others, question].sort((a, b) => a.step - b.step)
  }

  function clearSheet(): void {
    sheet.value = []
  }

  /** The sheet and its answer key, rendered main-side from this run's timeline. */
  async function exportSheet(): Promise<LabOutput<'exercise:export-sheet'>> {
    exporting.value = true
    try {
      return await lab.invoke('exercise:export-sheet', {
        runId: run.runId!,
        config: config.value,
        locale: locale.value as Locale,
        ...(run.title ? { title: run.title } : {}),
        questions: [...sheet.value]
      })
    } finally {
      exporting.value = false
    }
  }

  function next(): void {
    void prepare()
  }

  // Moving by hand, or choosing another allocator, asks about the new next step.
  watch([() => replay.step, config], ([step]) => {
    if (!active.value) return
    if (feedback.value && step === feedback.value.step) return
    void prepare()
  })
  watch(
    () => run.runId,
    () => {
      sheet.value = []
      if (active.value) stop()
    }
  )
  // A sheet is about one configuration.
  watch(config, () => {
    sheet.value = []
  })

  return {
    active,
    config,
    kind,
    kinds,
    truth,
    target,
    request,
    place,
    loading,
    failure,
    feedback,
    score,
    sheet,
    exporting,
    finished,
    addToSheet,
    clearSheet,
    exportSheet,
    start,
    stop,
    check,
    next
  }
})
